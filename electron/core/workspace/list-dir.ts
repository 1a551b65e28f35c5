// One folder's visible children, for the lazy Files tree.
import { readdir } from 'node:fs/promises';
import { ApiError } from '../../../shared/api/errors';
import type { DirEntry } from '../../../shared/api/contract';
import type { IgnoreRules } from './ignore-rules';
import { PinnedFolder } from './pinned';
import type { Workspace } from './workspace';

export async function listDir(ws: Workspace, rules: IgnoreRules, dir: string): Promise<DirEntry[]> {
  const absolute = dir === '' ? ws.root : await ws.resolve(dir, 'dir');
  let dirents;
  let pinned: PinnedFolder | null = null;
  try {
    // Listed through the folder as opened and verified: a swap for a link since lists nothing outside.
    pinned = await PinnedFolder.open(absolute);
    dirents = await readdir(pinned.at(''), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ApiError('NOT_FOUND', `No such folder: ${dir}`, 'dir');
    if (code === 'ENOTDIR') throw new ApiError('INVALID_ARGUMENT', `Not a folder: ${dir}`, 'dir');
    throw ws.raceError(error, dir, 'dir');
  } finally {
    await pinned?.close();
  }
  const folder = dir === '' ? '' : ws.relative(absolute);
  // Everything inside an ignored folder is ignored; otherwise each entry needs only its own verdict.
  if (folder !== '' && rules.isIgnored(folder, true)) return [];
  const prefix = folder === '' ? '' : folder + '/';
  const entries: DirEntry[] = [];
  for (const d of dirents) {
    const kind = d.isDirectory() ? 'dir' : d.isSymbolicLink() ? 'symlink' : 'file';
    const rel = prefix + d.name;
    if (rules.isIgnoredInVisibleFolder(rel, kind === 'dir')) continue;
    entries.push({ name: d.name, path: rel, kind });
  }
  return entries.sort((a, b) => {
    if ((a.kind === 'dir') !== (b.kind === 'dir')) return a.kind === 'dir' ? -1 : 1;
    return a.name.localeCompare(b.name);
  });
}
