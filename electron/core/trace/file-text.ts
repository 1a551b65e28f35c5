// Reads a workspace file for linking: text only, within a size limit, through the workspace's
// containment check. Binary, non-UTF-8, huge and outside files are never linked (their saves
// still succeed).
import { readFile, stat } from 'node:fs/promises';
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

/** The file's text, or null when it is missing, binary, not UTF-8, too large or outside. */
export async function readLinkableText(ws: Workspace, rel: string): Promise<string | null> {
  const text = await readLinkableOrMissing(ws, rel);
  return text === MISSING ? null : text;
}

export const MISSING = Symbol('missing');

/** As readLinkableText, but tells a missing file (MISSING) from one that cannot be linked (null). */
export async function readLinkableOrMissing(ws: Workspace, rel: string): Promise<string | null | typeof MISSING> {
  try {
    const absolute = await ws.resolve(rel);
    const info = await stat(absolute);
    if (!info.isFile() || info.size > TRACE_FILE_LIMIT) return null;
    return linkableFromBytes(await readFile(absolute));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? MISSING : null;
  }
}

/** Whether a workspace file exists (false for paths that leave the workspace). */
export async function fileExists(ws: Workspace, rel: string): Promise<boolean> {
  try {
    await stat(await ws.resolve(rel));
    return true;
  } catch {
    return false;
  }
}
