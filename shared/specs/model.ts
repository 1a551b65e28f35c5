// The one spec model every format is read into. Pure data: safe to send over any transport.

/** The spec kinds of the built-in formats (shared/specs/formats/). */
export type KnownSpecFormat =
  | 'kiro'
  | 'kiro-bugfix'
  | 'cc-sdd'
  | 'speckit'
  | 'openspec-capability'
  | 'openspec-change';

/** A spec kind: a built-in one, or one a registered format adds (formats/registry.ts). */
export type SpecFormat = KnownSpecFormat | (string & {});

/**
 * `unknown` keeps any state character we do not recognise (`[?]`), untouched. `[~]` is in progress
 * for Kiro, cc-sdd and OpenSpec and skipped for Spec Kit, unless `.specdeck/settings.json` says otherwise.
 */
export type TaskState = 'todo' | 'in-progress' | 'done' | 'skipped' | 'unknown';

/** A state a user can set (`unknown` and `skipped` are only read). */
export type SettableTaskState = 'todo' | 'in-progress' | 'done';

/** Positions are 1-based, columns counted in UTF-16 code units of the line. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

export interface Task {
  /** The ID as written (`2.1`, `T012`, `15A.1`); unnumbered checkboxes get `L<line>`. */
  id: string;
  /** Whether `id` came from the text (false for unnumbered checklist items). */
  numbered: boolean;
  title: string;
  state: TaskState;
  /** The character between the brackets, exactly as in the file. */
  stateChar: string;
  optional: boolean;
  depth: number;
  parentId: string | null;
  /** Requirement references as written (`1.1`, `FR-001`, `All`, free text). */
  refs: string[];
  pos: SourcePos;
  /** UTF-16 offset of the state character in the file's text (the only char an edit changes). */
  stateOffset: number;
  /** Format-specific labels such as Spec Kit's `[P]` and `[US1]`, or the phase heading. */
  tags: string[];
  /** How each reference was written and what it resolved to (`refs` is the flat list). */
  refDetails?: TaskRef[];
  /** The nearest heading above the task (a Spec Kit phase, an OpenSpec group), if any. */
  section?: string | null;
  /** The heading enclosing `section` (`Phase 3: User Story 1` above `### Tests`), when it is level 2 or deeper. */
  sectionParent?: string;
  /**
   * False for tasks written without a checkbox: Kiro heading tasks (`## Task 1: …`) and numbered
   * main tasks whose sub-tasks have checkboxes. Their state comes from their sub-tasks, they cannot
   * be ticked, and `stateOffset` is -1. Absent means true.
   */
  checkbox?: boolean;
  /** IDs of the tasks this one waits for (from the Kiro graph, `(depends on …)`, `_Depends: …_`). */
  dependsOn?: string[];
  /** `_Blocked: reason_` under the task: the reason as written. */
  blockedReason?: string | null;
  /** The task's wave (0-based) in the spec's dependency model, or null when it has none. */
  wave?: number | null;
}

/** One wave of parallel tasks: all of a wave's tasks may run at once once their dependencies are done. */
export interface TaskWave {
  /** 0-based position in the model's order. */
  index: number;
  /** The wave's name or ID as written (`Wave 1 — Foundations`, `0`), or null. */
  name: string | null;
  description: string | null;
  /** Task IDs as the graph (or the inferred order) lists them. */
  tasks: string[];
}

/** The spec's dependency model, one shape for every format. */
export interface TaskDependencies {
  /** `kiro-graph`: a `## Task Dependency Graph` JSON block; `inline`: `(depends on …)`, `_Depends: …_`; `none`: no declarations (every open task is ready). */
  source: 'kiro-graph' | 'inline' | 'none';
  waves: TaskWave[];
  /** Open tasks whose dependencies are all done, in file order (IDs). */
  ready: string[];
  /** Where the graph block is (Kiro), for the renderer and diagnostics. */
  pos?: SourcePos;
}

export interface TaskRef {
  /** The reference exactly as written (`1.1-1.3`, `All`, `see design`). */
  raw: string;
  /**
   * `id`: one ID, or a plain list (`1.1, 2.3`); `range`: `1.1-1.3`; `all`: every requirement;
   * `design`: a design-document reference (`Property 2`, `Design Section 8`, `CP-2`), not a
   * requirement; `free`: text we cannot resolve.
   */
  kind: 'id' | 'range' | 'all' | 'design' | 'free';
  /** The requirement IDs it names (a range expanded; empty for `all`, `design` and `free`). */
  ids: string[];
  /**
   * A range whose ends lie under different requirements (`1.1 through 23.3`, `R1.1–R17.4`): its
   * ends. `ids` holds the ends until the requirements document says what lies between them.
   */
  span?: [string, string];
  pos: SourcePos;
}

/** The EARS pattern a Kiro acceptance criterion follows, or `none`. */
export type EarsPattern = 'ubiquitous' | 'event-driven' | 'state-driven' | 'unwanted' | 'optional' | 'complex' | 'none';

export interface Requirement {
  /** `1`, `1.2` (Kiro criterion), `FR-001`, or an OpenSpec requirement name. */
  id: string;
  kind: 'requirement' | 'criterion' | 'functional' | 'success-criterion' | 'user-story' | 'scenario';
  title: string;
  text: string;
  parentId: string | null;
  pos: SourcePos;
  /** Kiro criteria: the EARS pattern the text follows. */
  ears?: EarsPattern;
  /** Spec Kit user stories: `P1`, `P2`, … */
  priority?: string;
  /** OpenSpec change deltas: the operation and the capability the delta belongs to. */
  delta?: 'ADDED' | 'MODIFIED' | 'REMOVED' | 'RENAMED';
  capability?: string;
  /** OpenSpec RENAMED deltas: the old name. */
  renamedFrom?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  pos: SourcePos;
}

/** What the engine knows about the spec's own metadata file (`.config.kiro`, cc-sdd `spec.json`). */
export interface SpecConfig {
  path: string;
  /** The parsed JSON object, or null when it is not valid JSON (a diagnostic says why). */
  values: Record<string, unknown> | null;
}

export interface SpecDocument {
  /** `requirements`, `design`, `tasks`, `bugfix`, `spec`, `plan`, `proposal`, … */
  kind: string;
  path: string;
}

export interface Spec {
  /** Stable, unique within a workspace: the spec folder relative to the workspace root. */
  id: string;
  format: SpecFormat;
  folder: string;
  title: string;
  documents: SpecDocument[];
  requirements: Requirement[];
  tasks: Task[];
  diagnostics: Diagnostic[];
  /** The file the tasks came from, if any. */
  tasksFile: string | null;
  /** `.config.kiro` or `spec.json`, when present. */
  config?: SpecConfig | null;
  /** OpenSpec changes under an archive folder. */
  archived?: boolean;
  /** Task dependencies and waves, when the tasks document declares any. */
  dependencies?: TaskDependencies | null;
  /** OpenSpec changes: the change's `.openspec.yaml` metadata, when present. */
  changeMeta?: OpenSpecChangeMeta | null;
  /** OpenSpec: the root's `openspec/config.yaml` store and references, when it has one. */
  openspecConfig?: OpenSpecRootConfig | null;
  /** A spec in a store another root declares as a reference: shown, never written. */
  readOnly?: boolean;
}

/** OpenSpec 1.13 `.openspec.yaml` of a change (the fields Specdeck shows; others are ignored). */
export interface OpenSpecChangeMeta {
  path: string;
  schema: string | null;
  created: string | null;
  goal: string | null;
  affectedAreas: string[];
  /** `true`: the change has no spec deltas on purpose; a list names capabilities it leaves alone. */
  skipSpecs: boolean | string[] | null;
  /** `true`, or the capabilities this change retires. */
  retireCapabilities: boolean | string[];
}

/** `openspec/config.yaml`: where this root's store is, and which stores it reads as read-only references. */
export interface OpenSpecRootConfig {
  path: string;
  store: string | null;
  references: string[];
}

export interface TaskCounts {
  total: number;
  done: number;
  inProgress: number;
  optional: number;
  /** States other than todo, in progress, done and skipped (`[?]`). */
  unknown?: number;
  /** `[~]` read as skipped (Spec Kit). */
  skipped?: number;
}

/** Requirements (or criteria) that at least one task references. */
export interface Coverage {
  covered: number;
  total: number;
}

export interface SpecSummary {
  id: string;
  format: SpecFormat;
  folder: string;
  title: string;
  counts: TaskCounts;
  requirementCount: number;
  diagnosticCount: number;
  coverage?: Coverage;
  errorCount?: number;
  warningCount?: number;
  archived?: boolean;
}
