// An opened folder and the one rule every file access goes through: stay inside it.
import { closeSync, fstatSync, readFileSync, realpathSync } from 'node:fs';
import { constants } from 'node:fs';
import { lstat, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { apiErrorFromFs } from './fs-errors';
import { openVerified, openVerifiedSync, RaceError } from './pinned';

export class Workspace {
  private constructor(
    /** Real path of the folder (symlinks resolved). */
    readonly root: string,
  ) {}

  get name(): string {
    return path.basename(this.root);
  }

  static async open(folder: string): Promise<Workspace> {
    const absolute = path.resolve(folder);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      // Not everything is NOT_FOUND: a folder we may not read, a link loop, a name too long.
      const mapped = apiErrorFromFs(error, absolute);
      if (mapped && mapped.code !== 'NOT_FOUND') throw mapped;
      throw new ApiError('NOT_FOUND', `No such folder: ${absolute}`, 'path');
    }
    if (!info.isDirectory()) {
      throw new ApiError('INVALID_ARGUMENT', `Not a folder: ${absolute}`, 'path');
    }
    return new Workspace(await realpath(absolute));
  }

  /**
   * Resolves a workspace-relative path to an absolute one, refusing anything that lands outside
   * the workspace: `..`, absolute paths, and symlinks (at any level) that point out of it.
   * The deepest existing ancestor is resolved with realpath, so the path need not exist yet.
   */
  async resolve(relative: string, field = 'path'): Promise<string> {
    const real = await realpathOfDeepestExisting(this.lexical(relative, field));
    if (!this.contains(real)) {
      throw new ApiError('OUTSIDE_WORKSPACE', `Path leads outside the workspace through a link: ${relative}`, field);
    }
    return real;
  }

  /**
   * Opens an existing file for reading and proves the descriptor is inside the workspace (a folder
   * swapped for a link after resolve is caught). Errors from open (ENOENT…) pass through.
   */
  async openFile(relative: string, field = 'path'): Promise<{ absolute: string; handle: FileHandle }> {
    for (let attempt = 0; ; attempt++) {
      const absolute = await this.resolve(relative, field);
      try {
        // O_NONBLOCK: opening a FIFO must not hang the caller (regular files ignore it).
        return { absolute, handle: await openVerified(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)) };
      } catch (error) {
        if (attempt === 0 && isRace(error)) continue; // resolve again: it may be inside after all
        throw this.raceError(error, relative, field);
      }
    }
  }

  /** Whether something exists at the path (not following a final link); false for paths outside. */
  async exists(relative: string): Promise<boolean> {
    try {
      await lstat(await this.resolve(relative));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The bytes of a file inside the workspace, or null when it is missing, not a file, leads
   * outside, or is larger than maxBytes.
   */
  readBytesSync(relative: string, maxBytes = Infinity): Buffer | null {
    let fd: number;
    try {
      // native: one realpath(3) call, not an lstat per path component (whole-tree scans call this per file).
      const real = realpathSync.native(this.lexical(relative, 'path'));
      if (!this.contains(real)) return null;
      // O_NONBLOCK: a FIFO swapped in must not hang the thread (regular files ignore it).
      fd = openVerifiedSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch {
      return null;
    }
    try {
      const info = fstatSync(fd);
      return info.isFile() && info.size <= maxBytes ? readFileSync(fd) : null;
    } catch {
      return null;
    } finally {
      closeSync(fd);
    }
  }

  /** A race (RaceError, or ELOOP from O_NOFOLLOW) as the API error it means; other errors as they are. */
  raceError(error: unknown, relative: string, field = 'path'): unknown {
    if (error instanceof RaceError) {
      if (error.opened !== null && !this.contains(error.opened)) {
        return new ApiError('OUTSIDE_WORKSPACE', `Path leads outside the workspace through a link: ${relative}`, field);
      }
      return new ApiError('CONFLICT', `${relative} was moved or replaced while it was opened; try again`, field);
    }
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      return new ApiError('CONFLICT', `${relative} was replaced by a link while it was opened; try again`, field);
    }
    return error;
  }

  /** The lexical checks: no NUL, not absolute, no `..` out of the root. */
  private lexical(relative: string, field: string): string {
    if (relative.includes('\0')) throw new ApiError('INVALID_ARGUMENT', 'Path contains a NUL byte', field);
    if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
      throw new ApiError('OUTSIDE_WORKSPACE', `Absolute paths are not accepted: ${relative}`, field);
    }
    const lexical = path.resolve(this.root, relative);
    if (!this.contains(lexical)) {
      throw new ApiError('OUTSIDE_WORKSPACE', `Path is outside the workspace: ${relative}`, field);
    }
    return lexical;
  }

  /** Workspace-relative form (with `/`) of an absolute path inside the workspace. */
  relative(absolute: string): string {
    return path.relative(this.root, absolute).split(path.sep).join('/');
  }

  contains(absolute: string): boolean {
    return absolute === this.root || absolute.startsWith(this.root + path.sep);
  }
}

function isRace(error: unknown): boolean {
  return error instanceof RaceError || (error as NodeJS.ErrnoException).code === 'ELOOP';
}

async function realpathOfDeepestExisting(absolute: string): Promise<string> {
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
