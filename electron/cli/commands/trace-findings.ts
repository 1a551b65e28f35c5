// What `specdeck check` adds when the workspace has a link store: suspect and orphaned links
// (warnings, at the linked code). Done tasks with nothing behind them are the evidence findings
// (`done-without-evidence`, shared/evidence/evaluate.ts), which also run without a store.
import type { Diagnostic } from '../../../shared/specs/model';
import type { Session } from '../../core/session';

export async function traceFindings(session: Session): Promise<Array<Diagnostic & { spec: string }>> {
  const trace = session.traceIfPresent();
  if (!trace) return [];
  const findings: Array<Diagnostic & { spec: string }> = [];
  for (const link of await trace.allLinks()) {
    if (link.state === 'linked') continue;
    findings.push({
      spec: link.specId,
      severity: 'warning',
      code: link.state === 'suspect' ? 'suspect-link' : 'orphaned-link',
      message:
        link.state === 'suspect'
          ? `link to task ${link.taskKey} is suspect (${link.reasons.join(', ')}); review it and accept it in the task list`
          : `link to task ${link.taskKey} is orphaned: the task no longer exists`,
      pos: { file: link.path, line: link.startLine, column: 1 },
    });
  }
  return findings;
}
