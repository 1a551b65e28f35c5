// The Specdeck API, defined once: method names, argument schemas (zod), result types and events.
// electron/core implements it (the router); IPC and WebSocket only carry it.
import { z } from 'zod';
import type { Spec, SpecSummary } from '../spec/model';

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

export interface ApiResults {
  'workspace.info': WorkspaceInfo;
  'workspace.open': WorkspaceInfo;
  'fs.list': DirEntry[];
  'fs.read': FileContent;
  'fs.write': { hash: string; size: number };
  'specs.list': SpecSummary[];
  'specs.get': SpecWithSource;
  'tasks.setState': SpecWithSource;
  'index.status': IndexStatus;
  'search.text': TextSearchResult;
  'search.files': FileSearchHit[];
  'git.branch': GitBranch;
  'fs.mkdir': { created: boolean };
}

export type ApiResult<M extends ApiMethod> = ApiResults[M];

export interface ApiEvents {
  'workspace.changed': WorkspaceInfo;
  /** Files created, changed or deleted on disk (by us or by anything else). */
  'files.changed': { paths: string[] };
  'specs.changed': { specIds: string[] };
  'index.progress': IndexProgress;
}

export type ApiEvent = keyof ApiEvents;

export const API_METHODS = Object.keys(apiParams) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiParams, name);
}

/** Files larger than this are not loaded into the editor. */
export const EDITOR_FILE_LIMIT = 10 * 1024 * 1024;
