// The router's `trace.*` methods, and the save that records links: thin wrappers over the
// session's trace service.
import type { Session } from '../session';
import { writeWorkspaceFile } from '../workspace/files';

/**
 * `fs.write` with linking: the text before the save is taken first, the write happens exactly as
 * without tracing, then links are recorded. Linking never fails a save (the error is logged).
 */
export async function saveWithLinks(session: Session, rel: string, content: string, expectedHash: string | null, log: (message: string) => void) {
  const trace = session.traceIfPresent();
  // Containment first: the text before the save is read before writeWorkspaceFile checks the path.
  if (trace) await session.workspace.resolve(rel);
  const before = trace ? await trace.textBeforeSave(rel).catch(() => null) : null;
  const result = await writeWorkspaceFile(session.workspace, rel, content, expectedHash);
  if (trace) {
    await trace.onSaved(rel, before, content).catch((error: unknown) => log(`specdeck: recording links for ${rel} failed: ${error instanceof Error ? error.message : String(error)}`));
  }
  return result;
}

export function traceHandlers(session: Session) {
  return {
    'trace.active': async () => session.trace.active(),
    'trace.start': async ({ specId, taskId, expectedHash }: { specId: string; taskId: string; expectedHash: string }) => session.trace.start(specId, taskId, expectedHash),
    'trace.stop': async ({ complete, expectedHash }: { complete: boolean; expectedHash?: string | undefined }) => session.trace.stop(complete, expectedHash),
    'trace.taskLinks': async ({ specId, taskId }: { specId: string; taskId: string }) => session.trace.taskLinks(specId, taskId),
    'trace.fileLinks': async ({ path }: { path: string }) => {
      await session.workspace.resolve(path); // OUTSIDE_WORKSPACE for paths that escape
      return session.trace.fileLinks(path);
    },
    'trace.spec': async ({ specId }: { specId: string }) => session.trace.specReport(specId),
    'trace.accept': async ({ linkIds }: { linkIds: string[] }) => session.trace.accept(linkIds),
    'trace.trailer': async () => ({ trailer: await session.trace.trailer() }),
    'trace.installHook': async () => session.trace.installHook(),
  };
}
