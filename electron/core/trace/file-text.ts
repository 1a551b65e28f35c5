// Reads a workspace file for linking: text only, within a size limit. Binary, non-UTF-8 and huge
// files are never linked (their saves still succeed).
import { ApiError } from '../../../shared/api/errors';
import { decodeUtf8 } from '../workspace/files';
import type { Workspace } from '../workspace/workspace';

/** Files above this are not linked: diffing them on every save would stall the serving thread. */
export const TRACE_FILE_LIMIT = 2 * 1024 * 1024;

export function linkableText(text: string): boolean {
  return text.length <= TRACE_FILE_LIMIT && !text.includes('\u0000');
}

/** The text of bytes already read (a save's), or null when they cannot be linked. */
export function linkableFromBytes(bytes: Uint8Array): string | null {
  if (bytes.length > TRACE_FILE_LIMIT) return null;
  const text = decodeUtf8(bytes);
  return text !== null && linkableText(text) ? text : null;
}

/** The file's text, or null when it is missing, binary, not UTF-8 or too large. */
export async function readLinkableText(ws: Workspace, rel: string): Promise<string | null> {
  const text = await readLinkableOrMissing(ws, rel);
  return text === MISSING ? null : text;
}

export const MISSING = Symbol('missing');

/**
 * As readLinkableText, but tells a missing file (MISSING) from one that cannot be linked (null).
 * Read through the workspace: a path that leads outside (a link, a swapped folder) is not linkable.
 */
export async function readLinkableOrMissing(ws: Workspace, rel: string): Promise<string | null | typeof MISSING> {
  let handle;
  try {
    handle = (await ws.openFile(rel)).handle;
  } catch (error) {
    if (error instanceof ApiError) return null;
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? MISSING : null;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > TRACE_FILE_LIMIT) return null;
    return linkableFromBytes(await handle.readFile());
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** Files read back to back before the scan yields to other work (saves, API calls). */
const SCAN_SLICE = 256;

/**
 * `pick` over the linkable text of every file (null text: missing, binary, not UTF-8, too
 * large), in the files' order. Whole-tree scans (the link rebuild, the citing-test scan) read
 * each file synchronously: one async read costs several thread-pool round trips, which made a
 * 100,000-file tree take minutes. It yields between slices so the serving thread stays responsive.
 */
export async function scanLinkableTexts<R>(ws: Workspace, files: readonly string[], pick: (rel: string, text: string | null) => R): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % SCAN_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    const rel = files[i]!;
    const bytes = ws.readBytesSync(rel, TRACE_FILE_LIMIT);
    out.push(pick(rel, bytes ? linkableFromBytes(bytes) : null));
  }
  return out;
}
