// Reading files for the editor and writing them back atomically, refusing stale writes.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { EDITOR_FILE_LIMIT, type FileContent } from '../../../shared/api/contract';
import { hashBytes } from './hash';
import type { Workspace } from './workspace';

const BINARY_SNIFF_BYTES = 8000;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readWorkspaceFile(ws: Workspace, rel: string, limit = EDITOR_FILE_LIMIT): Promise<FileContent> {
  const absolute = await ws.resolve(rel);
  const info = await statOrNotFound(absolute, rel);
  if (!info.isFile()) throw new ApiError('INVALID_ARGUMENT', `Not a file: ${rel}`, 'path');
  if (info.size > limit) return { kind: 'too-large', path: rel, size: info.size, limit };
  const bytes = await readFile(absolute);
  const hash = hashBytes(bytes);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary', path: rel, hash, size: bytes.length };
  const content = decodeUtf8(bytes);
  if (content === null) return { kind: 'not-utf8', path: rel, hash, size: bytes.length };
  return { kind: 'text', path: rel, content, hash, size: bytes.length };
}

/** Strict UTF-8 (a BOM is kept as U+FEFF so that writing back restores it), or null. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A file's bytes as read, with their hash and the file's mode. */
export interface CurrentFile {
  bytes: Buffer;
  hash: string;
  mode: number;
}

/** The current bytes and hash of a file, or null when it does not exist. */
export async function readCurrent(absolute: string): Promise<CurrentFile | null> {
  try {
    const [bytes, info] = await Promise.all([readFile(absolute), stat(absolute)]);
    return { bytes, hash: hashBytes(bytes), mode: info.mode & 0o7777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * A workspace file's bytes and hash, read through the containment check, with the absolute path
 * it resolved to (so that a write of the same file need not resolve or read it again); null when
 * it does not exist.
 */
export async function readWorkspaceBytes(ws: Workspace, rel: string): Promise<({ absolute: string } & CurrentFile) | null> {
  const absolute = await ws.resolve(rel);
  const current = await readCurrent(absolute);
  return current && { absolute, ...current };
}

/** What a caller already read of the file it writes: its resolved path and its bytes (null: missing). */
export interface ReadBeforeWrite {
  absolute: string;
  current: CurrentFile | null;
}

/**
 * Writes `content` to `rel` if the file still has `expectedHash` (null: must not exist yet).
 * `known` is what the caller just read of it (readWorkspaceBytes): the write then reads nothing.
 * Atomic: a temporary file in the same folder, fsync, then rename over the target; the file's
 * mode is kept. On CONFLICT nothing is written and the caller still holds its text.
 */
export async function writeWorkspaceFile(
  ws: Workspace,
  rel: string,
  content: string | Uint8Array,
  expectedHash: string | null,
  known?: ReadBeforeWrite,
): Promise<{ hash: string; size: number }> {
  const absolute = known?.absolute ?? (await ws.resolve(rel));
  const current = known ? known.current : await readCurrent(absolute);
  if (expectedHash === null && current !== null) {
    throw new ApiError('CONFLICT', `${rel} already exists on disk; read it before writing`);
  }
  if (expectedHash !== null && current === null) {
    throw new ApiError('CONFLICT', `${rel} was deleted on disk since it was read`);
  }
  if (expectedHash !== null && current !== null && current.hash !== expectedHash) {
    throw new ApiError('CONFLICT', `${rel} changed on disk since it was read`);
  }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await atomicWrite(absolute, bytes, current?.mode ?? 0o644);
  return { hash: hashBytes(bytes), size: bytes.length };
}

async function atomicWrite(absolute: string, bytes: Uint8Array, mode: number): Promise<void> {
  const temp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.specdeck-tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.chmod(mode); // the umask may have narrowed the mode given to open()
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, absolute);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

async function statOrNotFound(absolute: string, rel: string) {
  try {
    return await stat(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('NOT_FOUND', `No such file: ${rel}`, 'path');
    throw error;
  }
}
