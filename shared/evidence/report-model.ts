// The evidence report (`specdeck report`, the app's report tab): per spec, progress, the
// requirement × task × code matrix with coverage, evidence per task, diagnostics, and the git
// revision it was made from. docs/schemas/report.schema.json describes its JSON.
import type { Diagnostic, SpecFormat } from '../specs/model';
import type { RequirementEvidence, TaskEvidence } from './model';

export interface ReportRevision {
  commit: string | null;
  branch: string | null;
  /** The working tree had uncommitted changes in the folder. */
  dirty: boolean;
}

export interface JunitFileStatus {
  path: string;
  /** Test cases read; 0 when the file was refused. */
  cases: number;
  /** Why the file was not used (not JUnit, too large, unreadable); null when it was. */
  error: string | null;
}

export interface ReportSpec {
  specId: string;
  title: string;
  format: SpecFormat;
  tasksFile: string | null;
  progress: { total: number; done: number; inProgress: number };
  coverage: { requirements: number; covered: number; verified: number; failed: number };
  requirements: RequirementEvidence[];
  tasks: TaskEvidence[];
  diagnostics: Diagnostic[];
}

export interface EvidenceReport {
  version: number;
  workspace: string;
  revision: ReportRevision | null;
  /** null when no results were given (then nothing is `verified`). */
  junit: JunitFileStatus[] | null;
  specs: ReportSpec[];
  notes: string[];
}
