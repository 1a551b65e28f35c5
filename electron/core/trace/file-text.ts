// Reads a workspace file for linking: text only, within a size limit. Binary, non-UTF-8 and huge
// files are never linked (their saves still succeed).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeUtf8 } from '../workspace/files';

/** Files above this are not linked: diffing them on every save would stall the serving thread. */
export const TRACE_FILE_LIMIT = 2 * 1024 * 1024;

export function linkableText(text: string): boolean {
  return text.length <= TRACE_FILE_LIMIT && !text.includes('\u0000');
}

/** The file's text, or null when it is missing, binary, not UTF-8 or too large. */
export async function readLinkableText(root: string, rel: string): Promise<string | null> {
  const text = await readLinkableOrMissing(root, rel);
  return text === MISSING ? null : text;
}

export const MISSING = Symbol('missing');

/** As readLinkableText, but tells a missing file (MISSING) from one that cannot be linked (null). */
export async function readLinkableOrMissing(root: string, rel: string): Promise<string | null | typeof MISSING> {
  const absolute = path.join(root, rel);
  try {
    const info = await stat(absolute);
    if (!info.isFile() || info.size > TRACE_FILE_LIMIT) return null;
    const text = decodeUtf8(await readFile(absolute));
    return text !== null && linkableText(text) ? text : null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? MISSING : null;
  }
}
