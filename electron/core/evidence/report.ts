// Builds the evidence report of some specs, with JUnit results when given. Results files are
// bounded (a 200 MB file is refused with a reason, not read); a file that is not JUnit is refused;
// the others are still used, and the report says which were not.
import { open, stat } from 'node:fs/promises';
import { evidenceFindings } from '../../../shared/evidence/evaluate';
import { parseJunit, type JunitCase } from '../../../shared/evidence/junit';
import { EVIDENCE_VERSION } from '../../../shared/evidence/model';
import type { EvidenceReport, JunitFileStatus, ReportSpec } from '../../../shared/evidence/report-model';
import type { Spec } from '../../../shared/specs/model';
import { readGitBranch } from '../git/branch';
import type { Workspace } from '../workspace/workspace';
import type { EvidenceService } from './evidence-service';

/** Results files above this are refused (JUnit of even very large suites stays well below). */
export const JUNIT_FILE_LIMIT = 64 * 1024 * 1024;

export interface JunitInput {
  /** As given (shown in the report). */
  label: string;
  /** Absolute path. */
  path: string;
}

export async function readJunitFiles(files: readonly JunitInput[]): Promise<{ cases: JunitCase[] | null; status: JunitFileStatus[] }> {
  const status: JunitFileStatus[] = [];
  const cases: JunitCase[] = [];
  for (const file of files) {
    const refuse = (error: string) => status.push({ path: file.label, cases: 0, error });
    try {
      const info = await stat(file.path);
      if (!info.isFile()) {
        refuse('not a file');
        continue;
      }
      if (info.size > JUNIT_FILE_LIMIT) {
        refuse(`${Math.round(info.size / 1024 / 1024)} MB is over the ${JUNIT_FILE_LIMIT / 1024 / 1024} MB limit for a results file`);
        continue;
      }
      const handle = await open(file.path, 'r');
      let text: string;
      try {
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
      const parsed = parseJunit(text);
      if (!parsed.ok) {
        refuse(`not JUnit XML: ${parsed.reason}`);
        continue;
      }
      cases.push(...parsed.cases);
      status.push({ path: file.label, cases: parsed.cases.length, error: null });
    } catch (error) {
      refuse(`unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  // Results count as given only when one file could be used: otherwise nothing may look verified.
  const usable = status.some((s) => s.error === null);
  return { cases: usable ? cases : null, status };
}

export async function buildReport(ws: Workspace, evidence: EvidenceService, specs: readonly Spec[], junit: readonly JunitInput[] | null): Promise<EvidenceReport> {
  const results = junit && junit.length > 0 ? await readJunitFiles(junit) : null;
  const run = await evidence.forSpecs(specs.map((s) => s.id), { junit: results?.cases ?? null });
  const branch = await readGitBranch(ws.root);
  const notes = [...new Set(run.evidence.flatMap((e) => e.notes.messages))];
  if (results && results.cases === null) notes.push('no results file could be used: no requirement is marked verified');
  const reportSpecs: ReportSpec[] = specs.map((spec, i) => {
    const e = run.evidence[i]!;
    const covered = run.reports[i]!.requirements.filter((r) => r.taskIds.length > 0).length;
    return {
      specId: spec.id,
      title: spec.title,
      format: spec.format,
      tasksFile: spec.tasksFile,
      progress: { total: spec.tasks.length, done: spec.tasks.filter((t) => t.state === 'done').length, inProgress: spec.tasks.filter((t) => t.state === 'in-progress').length },
      coverage: { requirements: e.requirements.length, covered, verified: e.requirements.filter((r) => r.verdict === 'verified').length, failed: e.requirements.filter((r) => r.verdict === 'failed').length },
      requirements: e.requirements,
      tasks: e.tasks,
      // The spec's own diagnostics and its evidence findings (done without evidence, failed tests, …).
      diagnostics: [...spec.diagnostics, ...evidenceFindings(e).map(({ spec: _spec, ...d }) => d)],
    };
  });
  return {
    version: EVIDENCE_VERSION,
    workspace: ws.name,
    revision: run.git.repository ? { commit: run.git.head, branch: branch.branch, dirty: run.git.dirty.size > 0 } : null,
    junit: results?.status ?? null,
    specs: reportSpecs,
    notes,
  };
}
