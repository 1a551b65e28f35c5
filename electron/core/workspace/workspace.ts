// An opened folder and the one rule every file access goes through: stay inside it.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { apiErrorFromFs } from './fs-errors';

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
    if (relative.includes('\0')) throw new ApiError('INVALID_ARGUMENT', 'Path contains a NUL byte', field);
    if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
      throw new ApiError('OUTSIDE_WORKSPACE', `Absolute paths are not accepted: ${relative}`, field);
    }
    const lexical = path.resolve(this.root, relative);
    if (!this.contains(lexical)) {
      throw new ApiError('OUTSIDE_WORKSPACE', `Path is outside the workspace: ${relative}`, field);
    }
    const real = await realpathOfDeepestExisting(lexical);
    if (!this.contains(real)) {
      throw new ApiError('OUTSIDE_WORKSPACE', `Path leads outside the workspace through a link: ${relative}`, field);
    }
    return real;
  }

  /** Workspace-relative form (with `/`) of an absolute path inside the workspace. */
  relative(absolute: string): string {
    return path.relative(this.root, absolute).split(path.sep).join('/');
  }

  private contains(absolute: string): boolean {
    return absolute === this.root || absolute.startsWith(this.root + path.sep);
  }
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
