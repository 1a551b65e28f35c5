// `fs.*`: the Files tree, the editor's reads and saves (which record links while a task is
// active), and new folders.
import type { TraceService } from '../trace/trace-service';
import { readCurrent, readWorkspaceFile, writeWorkspaceFile } from '../workspace/files';
import type { IgnoreRules } from '../workspace/ignore-rules';
import { listDir } from '../workspace/list-dir';
import { makeWorkspaceDir } from '../workspace/make-dir';
import type { Workspace } from '../workspace/workspace';
import type { Current, Handlers } from './handler-types';

export interface FileServices {
  workspace: Current<Workspace>;
  rules: Current<IgnoreRules>;
  /** The link store when the workspace has one; saves never create it. */
  traceIfPresent: Current<TraceService | null>;
  log: (message: string) => void;
}

export function fileHandlers(services: FileServices): Handlers<'fs.list' | 'fs.read' | 'fs.write' | 'fs.mkdir'> {
  const { workspace, rules } = services;
  return {
    'fs.list': async ({ dir }) => listDir(workspace(), rules(), dir),
    'fs.read': async ({ path }) => readWorkspaceFile(workspace(), path),
    'fs.write': async ({ path, content, expectedHash }) => saveWithLinks(services, path, content, expectedHash),
    'fs.mkdir': async ({ path }) => makeWorkspaceDir(workspace(), path),
  };
}

/**
 * `fs.write` with linking: the file is resolved and read once; those bytes give both the
 * conflict check of the write and the text before the save, then links are recorded. Linking
 * never fails a save (the error is logged).
 */
async function saveWithLinks(services: FileServices, rel: string, content: string, expectedHash: string | null) {
  const ws = services.workspace();
  const trace = services.traceIfPresent();
  if (!trace) return writeWorkspaceFile(ws, rel, content, expectedHash);
  const absolute = await ws.resolve(rel);
  const current = await readCurrent(absolute);
  let before: string | null = null;
  try {
    before = trace.textBeforeSave(rel, current);
  } catch {
    before = null; // a link store that cannot answer must not fail the save
  }
  const result = await writeWorkspaceFile(ws, rel, content, expectedHash, { absolute, current });
  await trace
    .onSaved(rel, before, content)
    .catch((error: unknown) => services.log(`specdeck: recording links for ${rel} failed: ${error instanceof Error ? error.message : String(error)}`));
  return result;
}
