// The folders inside one folder, for the "Open…" form's browser in browser mode. Only folder
// names are listed (no files, nothing read): no more than what `workspace.open` could be given.
import { readdir, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FolderListing } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';


const MAX_FOLDERS = 2000;
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Lists `dir` (absolute; the home folder when empty). Hidden folders (`.git`, `.cache`) are left out. */
export async function browseFolders(dir: string | undefined): Promise<FolderListing> {
  const wanted = dir && dir.trim() !== '' ? dir : os.homedir();
  if (!path.isAbsolute(wanted)) throw new ApiError('INVALID_ARGUMENT', `Invalid argument path: must be an absolute path, not ${wanted}`, 'path');
  let real: string;
  try {
    real = await realpath(wanted);
    if (!(await stat(real)).isDirectory()) throw new ApiError('INVALID_ARGUMENT', `Not a folder: ${wanted}`, 'path');
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('NOT_FOUND', `No such folder: ${wanted}`, 'path');
  }
  let entries;
  try {
    entries = await readdir(real, { withFileTypes: true });
  } catch (error) {
    throw new ApiError('INVALID_ARGUMENT', `The folder ${real} cannot be listed: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'path');
  }
  const names = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort(collator.compare);
  const parent = path.dirname(real);
  return {
    path: real,
    parent: parent === real ? null : parent,
    folders: names.slice(0, MAX_FOLDERS).map((name) => ({ name, path: path.join(real, name) })),
    truncated: names.length > MAX_FOLDERS,
  };
}
