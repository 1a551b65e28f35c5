// What `specdeck check` adds when the workspace has a link store: suspect and orphaned links
// (warnings, at the linked code) and, in specs that have links, done tasks with no linked code
// (info, at the task).
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
  const specs = (await session.specs.all()).filter((s) => s.tasks.length > 0);
  const reports = await trace.specReports(specs.map((s) => s.id));
  for (const [i, spec] of specs.entries()) {
    const report = reports[i]!;
    // Only specs that are traced (have a link) are held to it: elsewhere every done task would be noise.
    if (report.tasks.every((t) => t.links.length === 0) && report.orphaned.length === 0) continue;
    for (const taskId of report.coverage.doneWithoutCode) {
      const task = spec.tasks.find((t) => t.id === taskId)!;
      findings.push({ spec: spec.id, severity: 'info', code: 'done-without-code', message: `task ${taskId} is done but no code is linked to it`, pos: task.pos });
    }
  }
  return findings;
}
