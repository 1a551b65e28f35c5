// Containment that holds under races. Resolving a path (realpath) and then using it leaves a gap in
// which a folder can be swapped for a symlink to outside. So a file is opened first and the opened
// descriptor's real path is checked (Linux: /proc/self/fd/N; elsewhere: fstat identity against the
// resolved path), and writes pin the parent folder with a descriptor and address names through it
// (`/proc/self/fd/N/name`, an openat on Linux), so a swap after the check cannot redirect them.
import { constants, existsSync, fstatSync, openSync, closeSync, readdirSync, readFileSync, readlinkSync, readSync, statSync, type Dirent } from 'node:fs';
import { open, readdir, readlink, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export const PROC_FD = process.platform === 'linux' && existsSync('/proc/self/fd');
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const DIRECTORY = constants.O_DIRECTORY ?? 0;
// A FIFO or device swapped in for a file must not hang the thread (regular files ignore it).
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Where an open descriptor really is (Linux), or null where the system cannot tell. */
export async function fdRealPath(fd: number): Promise<string | null> {
  return PROC_FD ? readlink(`/proc/self/fd/${fd}`) : null;
}

function fdRealPathSync(fd: number): string | null {
  return PROC_FD ? readlinkSync(`/proc/self/fd/${fd}`) : null;
}

export class RaceError extends Error {
  constructor(readonly opened: string | null) {
    super(`the path changed while it was opened${opened ? ` (it led to ${opened})` : ''}`);
  }
}

/** Opens `absolute` (already resolved, no link in its last part) and proves the descriptor is that file. */
export async function openVerified(absolute: string, flags: number | string = constants.O_RDONLY): Promise<FileHandle> {
  const numeric = typeof flags === 'number' ? flags : flags === 'r' ? constants.O_RDONLY : constants.O_RDWR;
  return openAndVerify(absolute, numeric | NOFOLLOW);
}

/** Opens `absolute` and proves the descriptor is it (real path, or identity); closes it if not. */
async function openAndVerify(absolute: string, flags: number): Promise<FileHandle> {
  const handle = await open(absolute, flags);
  try {
    const real = await fdRealPath(handle.fd);
    if (real !== null) {
      if (real !== absolute) throw new RaceError(real);
    } else {
      const [opened, named] = await Promise.all([handle.stat(), stat(absolute)]);
      if (opened.dev !== named.dev || opened.ino !== named.ino) throw new RaceError(null);
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Synchronous openVerified, for the parsers' synchronous reads. Returns the descriptor. */
export function openVerifiedSync(absolute: string, flags: number = constants.O_RDONLY): number {
  const fd = openSync(absolute, flags | NOFOLLOW);
  try {
    const real = fdRealPathSync(fd);
    if (real !== null) {
      if (real !== absolute) throw new RaceError(real);
    } else {
      const opened = fstatSync(fd);
      const named = statSync(absolute);
      if (opened.dev !== named.dev || opened.ino !== named.ino) throw new RaceError(null);
    }
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * A folder held open by descriptor. `at(name)` addresses an entry of *that* folder even if its
 * path is swapped afterwards (Linux); elsewhere it is the plain path, checked by identity at open.
 */
export class PinnedFolder {
  private constructor(
    readonly folder: string,
    private readonly handle: FileHandle,
  ) {}

  static async open(folder: string): Promise<PinnedFolder> {
    return new PinnedFolder(folder, await openAndVerify(folder, constants.O_RDONLY | DIRECTORY));
  }

  at(name: string): string {
    return PROC_FD ? `/proc/self/fd/${this.handle.fd}/${name}` : path.join(this.folder, name);
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** Whether an error means "not (verifiably) at that path": gone, a link, or moved while opened. */
export function isRaceOrGone(error: unknown): boolean {
  if (error instanceof RaceError) return true;
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP';
}

/**
 * Reads the file at `absolute` (a real path, no link in any part) into `buffer`, at most its
 * length; returns the bytes read. The index's one way to read a file: opened, verified, read.
 * Throws the fs error, or RaceError when a folder on the way was swapped for a link.
 */
export function readVerifiedInto(absolute: string, buffer: Buffer): number {
  return readAndClose(openVerifiedSync(absolute, constants.O_RDONLY | NONBLOCK), buffer);
}

/** Reads an open descriptor into `buffer` (at most its length) and closes it; returns the bytes read. */
export function readAndClose(fd: number, buffer: Buffer): number {
  let length = 0;
  try {
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0 || (length += n) === buffer.length) return length;
    }
  } finally {
    closeSync(fd);
  }
}

/** A small file's text (e.g. a `.gitignore`), read verified; null when absent, not a file, or raced. */
export function readVerifiedTextSync(absolute: string): string | null {
  let fd: number;
  try {
    fd = openVerifiedSync(absolute, constants.O_RDONLY | NONBLOCK);
  } catch {
    return null;
  }
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd, 'utf8') : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * One folder's entries, listed through its descriptor after the open was verified at `absolute`
 * (a real path), so a swap of the folder (or of one above it) cannot make a walk list outside
 * names. Throws the fs error (ENOENT, EACCES…), ELOOP for a link, or RaceError.
 */
export function listVerifiedSync(absolute: string): Dirent[] {
  const fd = openVerifiedSync(absolute, constants.O_RDONLY | DIRECTORY);
  try {
    return readdirSync(PROC_FD ? `/proc/self/fd/${fd}` : absolute, { withFileTypes: true });
  } finally {
    closeSync(fd);
  }
}

/** listVerifiedSync for the asynchronous walk. */
export async function listVerified(absolute: string): Promise<Dirent[]> {
  const handle = await openAndVerify(absolute, constants.O_RDONLY | DIRECTORY | NOFOLLOW);
  try {
    return await readdir(PROC_FD ? `/proc/self/fd/${handle.fd}` : absolute, { withFileTypes: true });
  } finally {
    await handle.close();
  }
}
