// `fs.*`: the Files tree, the editor's reads and saves (which record links while a task is
// active), and new folders.
import type { TraceService } from '../trace/trace-service';
import { readWorkspaceFile, withLockedFile, writeWorkspaceFile } from '../workspace/files';
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
 * `fs.write` with linking: under the file's write lock the file is read once; those bytes give
 * the text before the save and the write's first conflict check. Links are recorded after the
 * write; linking never fails a save (the error is logged).
 */
async function saveWithLinks(services: FileServices, rel: string, content: string, expectedHash: string | null) {
  const ws = services.workspace();
  const trace = services.traceIfPresent();
  if (!trace) return writeWorkspaceFile(ws, rel, content, expectedHash);
  let before: string | null = null;
  const result = await withLockedFile(ws, rel, async (file) => {
    const current = await file.read();
    try {
      before = trace.textBeforeSave(rel, current);
    } catch {
      before = null; // a link store that cannot answer must not fail the save
    }
    return file.write(content, expectedHash, undefined, current);
  });
  await trace
    .onSaved(rel, before, content)
    .catch((error: unknown) => services.log(`specdeck: recording links for ${rel} failed: ${error instanceof Error ? error.message : String(error)}`));
  return result;
}
