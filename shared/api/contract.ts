// The Specdeck API, defined once: method names, argument schemas (zod), result types and events.
// electron/core implements it (the router); IPC and WebSocket only carry it.
import { z } from 'zod';
import type { Diagnostic, Spec, SpecSummary, TaskState } from '../specs/model';
import type { SpecEvidence } from '../evidence/model';
import type { EvidenceReport } from '../evidence/report-model';

/** A path relative to the workspace root, with `/` separators. */
const workspacePath = z.string().min(1, 'must not be empty').max(4096);
const contentHash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha-256 hex digest');

export const apiParams = {
  'workspace.info': z.object({}).strict(),
  'workspace.open': z.object({ path: z.string().min(1, 'must not be empty') }).strict(),
  'fs.list': z.object({ dir: z.string().max(4096) }).strict(),
  'fs.read': z.object({ path: workspacePath }).strict(),
  'fs.write': z
    .object({
      path: workspacePath,
      content: z.string(),
      /** The hash the client last read; null to create a file that must not exist yet. */
      expectedHash: contentHash.nullable(),
    })
    .strict(),
  'specs.list': z.object({}).strict(),
  'specs.get': z.object({ specId: z.string().min(1) }).strict(),
  'tasks.setState': z
    .object({
      specId: z.string().min(1),
      taskId: z.string().min(1),
      state: z.enum(['todo', 'in-progress', 'done']),
      expectedHash: contentHash,
      /** Kiro semantics, the user's choice: a parent becomes done with its last required child. */
      completeParents: z.boolean().optional(),
    })
    .strict(),
  'index.status': z.object({}).strict(),
  'search.text': z
    .object({
      query: z.string().min(1, 'must not be empty').max(1000),
      regex: z.boolean().optional(),
      caseSensitive: z.boolean().optional(),
      wholeWord: z.boolean().optional(),
      /** Globs on workspace-relative paths; a file must match one include (if any) and no exclude. */
      include: z.array(z.string().min(1).max(1000)).max(100).optional(),
      exclude: z.array(z.string().min(1).max(1000)).max(100).optional(),
      limit: z.number().int().min(1).max(20_000).optional(),
    })
    .strict(),
  'search.files': z
    .object({ query: z.string().max(1000), limit: z.number().int().min(1).max(1000).optional() })
    .strict(),
  'git.branch': z.object({}).strict(),
  /** Creates one folder; its parent must exist (create trees level by level, see make-dir.ts). */
  'fs.mkdir': z.object({ path: workspacePath }).strict(),
  /** The workspace's active task, or null. */
  'trace.active': z.object({}).strict(),
  /** Makes this task the active one (ending any other); Kiro-like formats get `[-]` in the file. */
  'trace.start': z
    .object({
      specId: z.string().min(1),
      taskId: z.string().min(1),
      /** Hash of the tasks file the client last read (`SpecWithSource.tasksHash`). */
      expectedHash: contentHash,
    })
    .strict(),
  /** Ends the active task: `complete` marks it done; otherwise it goes back to todo if starting it wrote `[-]`. */
  'trace.stop': z
    .object({
      complete: z.boolean(),
      /** Hash of the tasks file the client last read; omitted: the file as it is on disk now (CLI). */
      expectedHash: contentHash.optional(),
    })
    .strict(),
  /** Every link of one task (edit, comment tag and commit links), with its state. */
  'trace.taskLinks': z.object({ specId: z.string().min(1), taskId: z.string().min(1) }).strict(),
  /** The links that point into one file, for gutter marks. */
  'trace.fileLinks': z.object({ path: workspacePath }).strict(),
  /** Requirement → tasks → links for one spec, with coverage figures. */
  'trace.spec': z.object({ specId: z.string().min(1) }).strict(),
  /** The user reviewed these suspect links: re-stamp their hashes with the current text. */
  'trace.accept': z.object({ linkIds: z.array(z.string().min(1)).min(1).max(10_000) }).strict(),
  /** The `Spec-Task:` trailer line for the active task's commit message, or null with no active task. */
  'trace.trailer': z.object({}).strict(),
  /** Installs the `prepare-commit-msg` hook that appends the trailer (only on the user's request). */
  'trace.installHook': z.object({}).strict(),
  /** Every diagnostic of every spec (the Problems view), in spec order. */
  'specs.diagnostics': z.object({}).strict(),
  /** The workbench's saved UI state for this workspace (null before the first save). */
  'ui.getState': z.object({}).strict(),
  /** Saves the workbench's UI state for this workspace (paths and choices; at most 256 KB as JSON). */
  'ui.setState': z.object({ state: z.record(z.string(), z.unknown()) }).strict(),
  /** Folders opened recently in this backend, most recent first (those that still exist). */
  'workspace.recent': z.object({}).strict(),
  /** The folders inside an absolute folder (the home folder when omitted), for "Open…" in the browser. */
  'workspace.browse': z.object({ path: z.string().max(4096).optional() }).strict(),
  /** Evidence per task of one spec: links, named files, citing tests, tick commit, status (shared/evidence/model.ts). */
  'evidence.spec': z.object({ specId: z.string().min(1) }).strict(),
  /** The evidence report (one spec, or every spec with tasks) as data and as self-contained HTML. */
  'evidence.report': z
    .object({
      specId: z.string().min(1).optional(),
      /** Workspace-relative JUnit XML results files (optional input; nothing is run). */
      junit: z.array(workspacePath).max(100).optional(),
    })
    .strict(),
} satisfies Record<string, z.ZodType>;

export type ApiMethod = keyof typeof apiParams;
export type ApiParams<M extends ApiMethod> = z.input<(typeof apiParams)[M]>;

export interface WorkspaceInfo {
  root: string;
  name: string;
}

export interface DirEntry {
  name: string;
  /** Relative to the workspace root. */
  path: string;
  kind: 'file' | 'dir' | 'symlink';
}

export type FileContent =
  | { kind: 'text'; path: string; content: string; hash: string; size: number }
  | { kind: 'binary'; path: string; hash: string; size: number }
  | { kind: 'too-large'; path: string; size: number; limit: number }
  | { kind: 'not-utf8'; path: string; hash: string; size: number };

export interface SpecWithSource {
  spec: Spec;
  /** Hash of the tasks file as parsed, to send back with a task edit. */
  tasksHash: string | null;
}

export interface IndexProgress {
  phase: 'listing' | 'indexing' | 'ready';
  filesSeen: number;
  filesIndexed: number;
  /** Files whose content this pass reads (known once listing is done). */
  filesToIndex: number;
  bytes: number;
}

export interface IndexStatus {
  state: 'starting' | 'listing' | 'indexing' | 'ready' | 'failed';
  progress: IndexProgress | null;
  files: number;
  textFiles: number;
  textBytes: number;
  dbPath: string;
  dbBytes: number;
  /** What the last scan passed over: a count per reason and the first paths. */
  skipped: { counts: Record<string, number>; samples: { path: string; reason: string }[] };
  /** Set when an unusable database was moved aside and rebuilt. */
  recovered: { reason: string; movedTo: string } | null;
  error: string | null;
  lastScanMs: number | null;
}

export interface TextSearchHit {
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (Monaco's columns). */
  column: number;
  /** Length of the first match on the line, in UTF-16 code units. */
  length: number;
  /** The line (trimmed to a window around the match when long). */
  preview: string;
  /** 1-based column of the match in `preview` (differs from `column` when the line was trimmed). */
  previewColumn: number;
}

export interface TextSearchResult {
  hits: TextSearchHit[];
  /** The limit cut the results short. */
  truncated: boolean;
  filesSearched: number;
  elapsedMs: number;
}

export interface FileSearchHit {
  path: string;
  score: number;
  /** Matched character offsets in `path`, for highlighting. */
  positions: number[];
}

/** The workspace's checked-out branch; `detached` is the short commit when HEAD is not a branch. */
export interface GitBranch {
  repository: boolean;
  branch: string | null;
  detached: string | null;
}

/** The task the user is working on; saves while it is active record edit links. */
export interface ActiveTask {
  specId: string;
  taskId: string;
  /** `<spec-id>/<task-id>`: the key links and trailers use. */
  key: string;
  title: string;
  /** ISO time the task was started. */
  startedAt: string;
  /** True when the tasks file shows it as in progress (`[-]`); false when only Specdeck tracks it (Spec Kit, OpenSpec). */
  inFile: boolean;
}

/** `linked`: hashes match; `suspect`: the task, a requirement it references or the code changed since; `orphaned`: its task is gone. */
export type TraceLinkState = 'linked' | 'suspect' | 'orphaned';

/** `edit`: a save while the task was active; `comment`: an `@spec`/`[impl->…]` tag in code; `commit`: a `Spec-Task:` trailer. */
export type TraceLinkSource = 'edit' | 'comment' | 'commit';

export type SuspectReason = 'task-changed' | 'requirement-changed' | 'code-changed' | 'code-deleted';

export interface TraceLink {
  /** Stable while the link exists; what `trace.accept` takes. */
  id: string;
  source: TraceLinkSource;
  /** `<spec-id>/<task-id>` as it is now (followed when the task was renumbered). */
  taskKey: string;
  specId: string;
  taskId: string;
  /** The task's current title; null when the task no longer exists (orphaned). */
  taskTitle: string | null;
  /** Workspace-relative file. */
  path: string;
  /** 1-based, inclusive, where the linked lines are now. */
  startLine: number;
  endLine: number;
  state: TraceLinkState;
  /** Why a link is suspect (empty otherwise). */
  reasons: SuspectReason[];
  /** The commit that made the link (`commit` links), else null. */
  commit: string | null;
  /** ISO time the link was made (the commit's time for commit links). */
  createdAt: string;
}

export interface TraceTaskReport {
  taskId: string;
  key: string;
  title: string;
  state: TaskState;
  /** Requirement IDs the task references (resolved, ranges expanded). */
  requirementIds: string[];
  links: TraceLink[];
}

export interface TraceRequirementReport {
  id: string;
  title: string;
  /** Tasks referencing it (directly, through a range, or `All`; Spec Kit: or its phase heading). */
  taskIds: string[];
  /** The requirement's text (criteria, scenarios), for the trace tab. */
  text?: string;
  kind?: string;
  /** Spec Kit: tasks that serve it through a `Phase N: User Story K` heading (also in `taskIds`). */
  viaPhase?: string[];
}

export interface TraceSpecReport {
  specId: string;
  requirements: TraceRequirementReport[];
  tasks: TraceTaskReport[];
  /** Links whose task no longer exists in this spec (never silently dropped). */
  orphaned: TraceLink[];
  coverage: {
    /** Requirement IDs no task references. */
    requirementsWithoutTasks: string[];
    /** Done tasks with no link at all. */
    doneWithoutCode: string[];
    linked: number;
    suspect: number;
    orphaned: number;
  };
  /** False when the workspace is not in a git repository (commit links are then absent). */
  git: boolean;
  /** `not-applicable`: the format's tasks do not cite requirements (OpenSpec); coverage is not counted. */
  coverageMode?: 'references' | 'not-applicable';
}

/** An outside edit that landed in the instant of a save: the write went ahead, its bytes were kept here. */
export interface RecoveredEdit {
  /** Workspace-relative path of the recovery file. */
  path: string;
  message: string;
}

export interface ApiResults {
  'workspace.info': WorkspaceInfo;
  'workspace.open': WorkspaceInfo;
  'fs.list': DirEntry[];
  'fs.read': FileContent;
  'fs.write': { hash: string; size: number; recovered?: RecoveredEdit };
  'specs.list': SpecSummary[];
  'specs.get': SpecWithSource;
  'tasks.setState': SpecWithSource & { recovered?: RecoveredEdit };
  'index.status': IndexStatus;
  'search.text': TextSearchResult;
  'search.files': FileSearchHit[];
  'git.branch': GitBranch;
  'fs.mkdir': { created: boolean };
  'trace.active': ActiveTask | null;
  'trace.start': { active: ActiveTask; spec: SpecWithSource };
  /** `spec` is the spec after the state change (null when no task was active). */
  'trace.stop': { spec: SpecWithSource | null };
  'trace.taskLinks': TraceLink[];
  'trace.fileLinks': TraceLink[];
  'trace.spec': TraceSpecReport;
  /** The accepted links, now `linked` (ids that no longer exist are left out). */
  'trace.accept': TraceLink[];
  'trace.trailer': { trailer: string | null };
  /** `installed` false when a hook not written by Specdeck already exists (it is left alone). */
  'trace.installHook': { installed: boolean; path: string; message: string };
  'specs.diagnostics': SpecDiagnostic[];
  'ui.getState': { state: Record<string, unknown> | null };
  'ui.setState': { bytes: number };
  'workspace.recent': { folders: string[] };
  'workspace.browse': FolderListing;
  'evidence.spec': SpecEvidence;
  'evidence.report': { report: EvidenceReport; html: string };
}

/** One folder's sub-folders (names only), for browsing to a folder to open. */
export interface FolderListing {
  path: string;
  /** The folder above, or null at the file system's root. */
  parent: string | null;
  folders: { name: string; path: string }[];
  truncated: boolean;
}

/** One diagnostic with the spec it belongs to (`pos.file` is the file it is in). */
export interface SpecDiagnostic extends Diagnostic {
  specId: string;
}

export type ApiResult<M extends ApiMethod> = ApiResults[M];

export interface ApiEvents {
  'workspace.changed': WorkspaceInfo;
  /** Files created, changed or deleted on disk (by us or by anything else). */
  'files.changed': { paths: string[] };
  'specs.changed': { specIds: string[] };
  'index.progress': IndexProgress;
  /** Links were added, moved, turned suspect or accepted for these tasks and files. */
  'trace.changed': { taskKeys: string[]; paths: string[] };
  'trace.activeChanged': { active: ActiveTask | null };
}

export type ApiEvent = keyof ApiEvents;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiParams, name);
}

/** Files larger than this are not loaded into the editor. */
export const EDITOR_FILE_LIMIT = 10 * 1024 * 1024;
