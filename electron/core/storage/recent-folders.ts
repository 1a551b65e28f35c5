// Recently opened folders: the list logic (pure) and a small JSON store in the user-data folder.
// No electron import: the desktop app passes app.getPath('userData'), the browser host its data folder.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SerialQueue } from '../../../shared/async/serial-queue';

export const MAX_RECENT_FOLDERS = 10;

/** `folder` first, no duplicates, at most `max` entries. */
export function addRecent(list: readonly string[], folder: string, max = MAX_RECENT_FOLDERS): string[] {
  return [folder, ...list.filter((f) => f !== folder)].slice(0, max);
}

export function removeRecent(list: readonly string[], folder: string): string[] {
  return list.filter((f) => f !== folder);
}

/** Whatever the file holds, a clean list: absolute path strings only, deduplicated, capped. */
export function parseRecentFile(text: string, max = MAX_RECENT_FOLDERS): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const folders = (data as { folders?: unknown } | null)?.folders;
  if (!Array.isArray(folders)) return [];
  const clean = folders.filter((f): f is string => typeof f === 'string' && path.isAbsolute(f));
  return [...new Set(clean)].slice(0, max);
}

export class RecentFoldersStore {
  private folders: string[] = [];
  private readonly file: string;
  private readonly writes = new SerialQueue(); // one failed write must not block the next

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'recent-folders.json');
  }

  async load(): Promise<string[]> {
    try {
      this.folders = parseRecentFile(await readFile(this.file, 'utf8'));
    } catch {
      this.folders = []; // first run, or unreadable: start empty rather than fail the launch
    }
    return this.list();
  }

  list(): string[] {
    return [...this.folders];
  }

  async add(folder: string): Promise<string[]> {
    return this.save(addRecent(this.folders, folder));
  }

  async remove(folder: string): Promise<string[]> {
    return this.save(removeRecent(this.folders, folder));
  }

  async clear(): Promise<string[]> {
    return this.save([]);
  }

  /** Updates the list at once; writes are queued so overlapping changes land in order. */
  private async save(folders: string[]): Promise<string[]> {
    // The same list again (an open recorded by the session and then by the desktop app) writes nothing.
    if (folders.length === this.folders.length && folders.every((f, i) => f === this.folders[i])) return this.list();
    this.folders = folders;
    await this.writes.run(() => this.write());
    return this.list();
  }

  private async write(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    // Write then rename, so a crash never leaves half a file.
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ version: 1, folders: this.folders }, null, 2) + '\n');
    await rename(tmp, this.file);
  }
}
