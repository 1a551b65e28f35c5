// Evidence evaluation: a task's status from its parts, requirement verdicts from test results, and
// the findings `specdeck check` reports. Pure: the core gathers the parts, this decides.
import type { Diagnostic } from '../specs/model';
import type { CitingTest, EvidenceStatus, RequirementVerdict, SpecEvidence, TaskEvidence } from './model';

type Parts = Pick<TaskEvidence, 'links' | 'namedFiles' | 'tests'>;

/** Links, touched named files and citing tests each count once. */
export function evidenceCount(parts: Parts): number {
  return parts.links.length + parts.namedFiles.filter((f) => f.exists && f.touched === true).length + parts.tests.length;
}

export function evidenceStatus(parts: Parts): EvidenceStatus {
  if (evidenceCount(parts) === 0) return 'none';
  if (parts.links.some((l) => l.state === 'suspect')) return 'suspect';
  const committed =
    parts.links.some((l) => l.committed) ||
    parts.namedFiles.some((f) => f.exists && f.touched === true && !f.touchedLocally) ||
    parts.tests.some((t) => t.committed);
  return committed ? 'fresh' : 'local';
}

/**
 * `verified` needs results: at least one citing test passed and none failed or was missing.
 * Without results, tests only make a requirement `not-run` (never verified).
 */
export function requirementVerdict(tests: readonly CitingTest[], resultsGiven: boolean): RequirementVerdict {
  if (tests.length === 0) return 'untested';
  if (!resultsGiven) return 'not-run';
  if (tests.some((t) => t.outcome === 'failed')) return 'failed';
  if (tests.some((t) => t.outcome === 'not-run' || t.outcome === null)) return 'not-run';
  return tests.some((t) => t.outcome === 'passed') ? 'verified' : 'not-run';
}

export type EvidenceFindingCode = 'done-without-evidence' | 'done-names-missing-file' | 'evidence-only-local' | 'requirement-tests-failed';

export interface EvidenceFinding extends Diagnostic {
  code: EvidenceFindingCode;
  spec: string;
}

/** Findings for one spec's evidence; `tasksFile` positions them at the task line. */
export function evidenceFindings(evidence: SpecEvidence): EvidenceFinding[] {
  const findings: EvidenceFinding[] = [];
  const file = evidence.tasksFile;
  if (!file) return findings;
  const noGit = evidence.notes.git === 'none';
  for (const task of evidence.tasks) {
    if (task.taskState !== 'done') continue;
    const pos = { file, line: task.line, column: 1 };
    const missing = task.namedFiles.filter((f) => !f.exists);
    if (missing.length > 0) {
      findings.push({
        spec: evidence.specId,
        severity: 'warning',
        code: 'done-names-missing-file',
        message: `task ${task.taskId} is done but names ${missing.map((f) => f.path).join(', ')}, which ${missing.length === 1 ? 'does' : 'do'} not exist`,
        pos,
      });
    }
    if (task.count === 0) {
      const unknown = task.namedFiles.some((f) => f.exists && f.touched === null);
      const why = noGit && unknown ? ' (not a git repository: whether its named files were changed is unknown)' : '';
      findings.push({
        spec: evidence.specId,
        severity: 'warning',
        code: 'done-without-evidence',
        message: `task ${task.taskId} is done but nothing backs it: no linked code, commit, @spec tag, changed named file or citing test${why}`,
        pos,
      });
    } else if (task.status === 'local') {
      findings.push({
        spec: evidence.specId,
        severity: 'info',
        code: 'evidence-only-local',
        message: `task ${task.taskId}: its evidence exists only on this machine (uncommitted links); commit with a Spec-Task: trailer so CI and others see it`,
        pos,
      });
    }
  }
  for (const req of evidence.requirements) {
    if (req.verdict !== 'failed') continue;
    const failed = req.tests.filter((t) => t.outcome === 'failed');
    findings.push({
      spec: evidence.specId,
      severity: 'warning',
      code: 'requirement-tests-failed',
      message: `requirement ${req.id}: ${failed.length} citing test(s) failed (${failed.map((t) => t.name ?? `${t.path}:${t.line}`).join(', ')})`,
      pos: failed[0] ? { file: failed[0].path, line: failed[0].line, column: 1 } : { file, line: 1, column: 1 },
    });
  }
  return findings;
}

/** Per-spec counts for summaries (report, UI). */
export function evidenceSummary(evidence: SpecEvidence): Record<EvidenceStatus, number> & { done: number; doneWithout: number } {
  const counts = { none: 0, fresh: 0, suspect: 0, local: 0, done: 0, doneWithout: 0 };
  for (const t of evidence.tasks) {
    counts[t.status]++;
    if (t.taskState === 'done') {
      counts.done++;
      if (t.count === 0) counts.doneWithout++;
    }
  }
  return counts;
}
