// Reading files for the editor and writing them back atomically, refusing stale writes.
import { randomBytes } from 'node:crypto';
import { constants, lstatSync, renameSync } from 'node:fs';
import { link, lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { EDITOR_FILE_LIMIT, type FileContent, type RecoveredEdit } from '../../../shared/api/contract';
import { SerialQueue } from '../../../shared/async/serial-queue';
import { hashBytes } from './hash';
import { PinnedFolder } from './pinned';
import type { Workspace } from './workspace';

const BINARY_SNIFF_BYTES = 8000;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export async function readWorkspaceFile(ws: Workspace, rel: string, limit = EDITOR_FILE_LIMIT): Promise<FileContent> {
  const handle = await openOrNotFound(ws, rel);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ApiError('INVALID_ARGUMENT', `Not a file: ${rel}`, 'path');
    if (info.size > limit) return { kind: 'too-large', path: rel, size: info.size, limit };
    const bytes = await handle.readFile();
    const hash = hashBytes(bytes);
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary', path: rel, hash, size: bytes.length };
    const content = decodeUtf8(bytes);
    if (content === null) return { kind: 'not-utf8', path: rel, hash, size: bytes.length };
    return { kind: 'text', path: rel, content, hash, size: bytes.length };
  } finally {
    await handle.close();
  }
}

/** Strict UTF-8 (a BOM is kept as U+FEFF so that writing back restores it), or null. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

export interface CurrentFile {
  bytes: Buffer;
  hash: string;
  mode: number;
}

export interface WriteResult {
  hash: string;
  size: number;
  /** An outside edit that landed during the rename: its bytes were kept in a recovery file. */
  recovered?: RecoveredEdit;
}

/** Test seams at the two windows of a write (after fsync; after the last check, before rename). */
export interface WriteProbe {
  afterSync?: () => Promise<void> | void;
  beforeRename?: () => Promise<void> | void;
  /** Right after the rename (the stress script times the window from the last check to here). */
  afterRename?: () => void;
}

/** A file held under this process's write lock: reads and writes in it cannot interleave with others'. */
export interface LockedFile {
  readonly absolute: string;
  read(): Promise<CurrentFile | null>;
  /**
   * `current` is what read() returned under this lock: the write's first check uses it instead
   * of reading the file again (the check after fsync still reads it).
   */
  write(content: string | Uint8Array, expectedHash: string | null, probe?: WriteProbe, current?: CurrentFile | null): Promise<WriteResult>;
}

const locks = new Map<string, { queue: SerialQueue; users: number }>();

/**
 * Runs `work` holding the write lock of `rel` (one per real path, for the whole process: two
 * sessions, two connections, two ticks). The hash check a write makes happens inside it.
 */
export async function withLockedFile<T>(ws: Workspace, rel: string, work: (file: LockedFile) => Promise<T>): Promise<T> {
  const absolute = await ws.resolve(rel);
  let lock = locks.get(absolute);
  if (!lock) locks.set(absolute, (lock = { queue: new SerialQueue(), users: 0 }));
  lock.users++;
  try {
    return await lock.queue.run(() =>
      work({
        absolute,
        read: () => readCurrentAt(ws, rel, absolute),
        write: (content, expectedHash, probe, current) => writeLocked(ws, rel, absolute, content, expectedHash, probe, current),
      }),
    );
  } finally {
    if (--lock.users === 0) locks.delete(absolute);
  }
}

/**
 * Writes `content` to `rel` if the file still has `expectedHash` (null: must not exist yet).
 * Atomic: a temporary file in the same (pinned) folder, fsync, a last check, then rename over the
 * target; the file's mode is kept. On CONFLICT nothing is written and the caller still holds its text.
 */
export function writeWorkspaceFile(ws: Workspace, rel: string, content: string | Uint8Array, expectedHash: string | null, probe?: WriteProbe): Promise<WriteResult> {
  return withLockedFile(ws, rel, (file) => file.write(content, expectedHash, probe));
}

/**
 * A workspace file's bytes and hash, read through the verified open (a link out of the
 * workspace is refused); null when it does not exist.
 */
export async function readWorkspaceBytes(ws: Workspace, rel: string): Promise<CurrentFile | null> {
  let handle: FileHandle;
  try {
    handle = (await ws.openFile(rel)).handle;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return readOpened(handle, `Not a file: ${rel}`);
}

/** An opened file's bytes, hash and mode; closes the handle. */
async function readOpened(handle: FileHandle, notAFile: string): Promise<CurrentFile> {
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ApiError('INVALID_ARGUMENT', notAFile, 'path');
    const bytes = await handle.readFile();
    return { bytes, hash: hashBytes(bytes), mode: info.mode & 0o7777 };
  } finally {
    await handle.close();
  }
}

async function readCurrentAt(ws: Workspace, rel: string, absolute: string): Promise<CurrentFile | null> {
  const folder = await pin(ws, rel, absolute);
  try {
    return await readEntry(folder.at(path.basename(absolute)));
  } finally {
    await folder.close();
  }
}

async function writeLocked(
  ws: Workspace,
  rel: string,
  absolute: string,
  content: string | Uint8Array,
  expectedHash: string | null,
  probe: WriteProbe = {},
  known?: CurrentFile | null,
): Promise<WriteResult> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const folder = await pin(ws, rel, absolute);
  const base = path.basename(absolute);
  const target = folder.at(base);
  const stamp = randomBytes(6).toString('hex');
  const temp = folder.at(`.${base}.${stamp}.specdeck-tmp`);
  // A second name for the file being replaced: after the rename it still holds whatever the old
  // file held at that moment, so an in-place edit that slipped in is kept, not dropped.
  const keep = folder.at(`.${base}.${stamp}.keep.specdeck-tmp`);
  let tempMade = false;
  let keepMade = false;
  try {
    const current = known !== undefined ? known : await readEntry(target);
    checkExpected(rel, current, expectedHash);
    await writeTemp(temp, bytes, current?.mode ?? 0o644);
    tempMade = true;
    await probe.afterSync?.();

    if (expectedHash === null) {
      // link() refuses an existing name: creating the file cannot replace one made meanwhile.
      try {
        await link(temp, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ApiError('CONFLICT', `${rel} already exists on disk; read it before writing`);
        if (!linkUnsupported(error)) throw error;
        checkExpected(rel, await readEntry(target), null);
        await probe.beforeRename?.();
        await rename(temp, target);
        tempMade = false;
      }
      return { hash: hashBytes(bytes), size: bytes.length };
    }

    let keptIno: number | null = null;
    try {
      await link(target, keep);
      keepMade = true;
      keptIno = (await lstat(keep)).ino;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('CONFLICT', `${rel} was deleted on disk since it was read`);
      if (!linkUnsupported(error)) throw error;
    }
    // The last check, after fsync: the content (through the kept name; an in-place edit after
    // this is caught below), then that the name still points at that file and the rename, back to
    // back and synchronous so nothing runs between them: the window left is the gap between two
    // system calls, in which only a replace-by-rename from outside is lost.
    checkExpected(rel, await readEntry(keepMade ? keep : target), expectedHash);
    await probe.beforeRename?.();
    if (keptIno !== null && lstatInode(target) !== keptIno) {
      throw new ApiError('CONFLICT', `${rel} was replaced on disk while it was being saved; nothing was written`);
    }
    renameSync(temp, target);
    probe.afterRename?.();
    tempMade = false;
    const result: WriteResult = { hash: hashBytes(bytes), size: bytes.length };
    if (keepMade) {
      const displaced = await readEntry(keep);
      if (displaced !== null && displaced.hash !== expectedHash) {
        const name = `${base}.specdeck-recovered-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await rename(keep, folder.at(name));
        keepMade = false;
        const recoveryPath = ws.relative(path.join(path.dirname(absolute), name));
        result.recovered = {
          path: recoveryPath,
          message: `${rel} was changed on disk while it was being saved; that version was kept in ${recoveryPath}`,
        };
      }
    }
    return result;
  } finally {
    if (tempMade) await unlink(temp).catch(() => {});
    if (keepMade) await unlink(keep).catch(() => {});
    await folder.close();
  }
}

function checkExpected(rel: string, current: CurrentFile | null, expectedHash: string | null): void {
  if (expectedHash === null && current !== null) throw new ApiError('CONFLICT', `${rel} already exists on disk; read it before writing`);
  if (expectedHash !== null && current === null) throw new ApiError('CONFLICT', `${rel} was deleted on disk since it was read`);
  if (expectedHash !== null && current !== null && current.hash !== expectedHash) throw new ApiError('CONFLICT', `${rel} changed on disk since it was read`);
}

/** The parent folder, held open and proved to be the resolved one (see pinned.ts). */
async function pin(ws: Workspace, rel: string, absolute: string): Promise<PinnedFolder> {
  try {
    return await PinnedFolder.open(path.dirname(absolute));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ApiError('NOT_FOUND', `The folder of ${rel} does not exist`, 'path');
    throw ws.raceError(error, rel);
  }
}

/** One entry of a pinned folder (no link followed), or null when it does not exist. */
async function readEntry(entry: string): Promise<CurrentFile | null> {
  let handle: FileHandle;
  try {
    handle = await open(entry, constants.O_RDONLY | NOFOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new ApiError('CONFLICT', 'The file was replaced by a link while it was being saved; nothing was written');
    throw error;
  }
  return readOpened(handle, 'Not a file');
}

async function writeTemp(temp: string, bytes: Uint8Array, mode: number): Promise<void> {
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, mode);
  try {
    await handle.writeFile(bytes);
    await handle.chmod(mode); // the umask may have narrowed the mode given to open()
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function lstatInode(entry: string): number | null {
  try {
    return lstatSync(entry).ino;
  } catch {
    return null;
  }
}

function linkUnsupported(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV' || code === 'ENOSYS';
}

async function openOrNotFound(ws: Workspace, rel: string): Promise<FileHandle> {
  try {
    return (await ws.openFile(rel)).handle;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('NOT_FOUND', `No such file: ${rel}`, 'path');
    throw error;
  }
}
