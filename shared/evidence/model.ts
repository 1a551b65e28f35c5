// Evidence: what a task's "done" rests on. One model for the UI, `specdeck check`, `report` and CI.
// Pure data, safe to send over any transport; the JSON outputs carry EVIDENCE_VERSION.
import type { TraceLinkSource, TraceLinkState } from '../api/contract';
import type { TaskState } from '../specs/model';

/** Bumped when a JSON output (check, impact, report) changes shape; see docs/schemas/. */
export const EVIDENCE_VERSION = 1;

/** One link of the task (edit, comment tag or commit), as evidence. */
export interface EvidenceLink {
  id: string;
  source: TraceLinkSource;
  path: string;
  startLine: number;
  endLine: number;
  state: Exclude<TraceLinkState, 'orphaned'>;
  commit: string | null;
  /** False when the link lives only on this machine: an edit link, or a tag in an uncommitted file. */
  committed: boolean;
}

/** A file the task's text names (`in src/models/user.py`, a backticked path). */
export interface NamedFile {
  path: string;
  exists: boolean;
  /**
   * Changed between the spec's first commit and the commit that ticked the task (or the working
   * tree, when the tick is not committed); null when unknown (no git history for it).
   */
  touched: boolean | null;
  /** Touched only by uncommitted changes. */
  touchedLocally: boolean;
}

export type TestOutcome = 'passed' | 'failed' | 'skipped' | 'not-run';

/** A test that cites the task, one of its requirements, or a property the task names. */
export interface CitingTest {
  path: string;
  line: number;
  /** The test's name when one is found next to the citation (`it('…')`, `def test_…`). */
  name: string | null;
  /** What it cites: `task`, `requirement <id>` or `property <n>`. */
  cites: string;
  /** False when the test file has uncommitted changes or is untracked (or there is no git). */
  committed: boolean;
  /** From JUnit results, when given; `not-run` when results were given but do not contain it. */
  outcome: TestOutcome | null;
}

/** The commit that last changed the task's line (for a done task: the one that ticked it). */
export interface TickCommit {
  sha: string;
  time: string;
  subject: string;
}

/**
 * `none`: nothing behind the task; `fresh`: evidence, none of it suspect; `suspect`: a link is
 * suspect; `local`: all evidence exists only on this machine (uncommitted).
 */
export type EvidenceStatus = 'none' | 'fresh' | 'suspect' | 'local';

export interface TaskEvidence {
  taskId: string;
  key: string;
  title: string;
  taskState: TaskState;
  line: number;
  requirementIds: string[];
  links: EvidenceLink[];
  namedFiles: NamedFile[];
  tests: CitingTest[];
  /** null when the line is uncommitted, or there is no git. */
  tick: TickCommit | null;
  /** Links + touched named files + citing tests. */
  count: number;
  status: EvidenceStatus;
}

export type RequirementVerdict = 'verified' | 'failed' | 'not-run' | 'untested';

export interface RequirementEvidence {
  id: string;
  title: string;
  taskIds: string[];
  tests: CitingTest[];
  /** `verified` only when results were given, every citing test found in them passed, and one did. */
  verdict: RequirementVerdict;
}

/** What the evidence could not see, said once per spec (no git, shallow clone, …). */
export interface EvidenceNotes {
  git: 'repository' | 'none' | 'shallow';
  /** Free-text caveats for people. */
  messages: string[];
}

export interface SpecEvidence {
  version: number;
  specId: string;
  tasksFile: string | null;
  tasks: TaskEvidence[];
  requirements: RequirementEvidence[];
  notes: EvidenceNotes;
}
