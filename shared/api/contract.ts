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

export interface ApiResults {
  'workspace.info': WorkspaceInfo;
  'workspace.open': WorkspaceInfo;
  'fs.list': DirEntry[];
  'fs.read': FileContent;
  'fs.write': { hash: string; size: number };
  'specs.list': SpecSummary[];
  'specs.get': SpecWithSource;
  'tasks.setState': SpecWithSource;
}

export type ApiResult<M extends ApiMethod> = ApiResults[M];

export interface ApiEvents {
  'workspace.changed': WorkspaceInfo;
  /** Files created, changed or deleted on disk (by us or by anything else). */
  'files.changed': { paths: string[] };
  'specs.changed': { specIds: string[] };
}

export type ApiEvent = keyof ApiEvents;

export const API_METHODS = Object.keys(apiParams) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiParams, name);
}

/** Files larger than this are not loaded into the editor. */
export const EDITOR_FILE_LIMIT = 10 * 1024 * 1024;
