// Synchronous tree walk for the index worker: every visible regular file with its size and
// mtime. Symlinks are not followed (no loops; ripgrep does the same), and whatever cannot be
// read is reported through `skip` and passed over. Each folder is opened and verified before it
// is listed (listVerifiedSync): a folder swapped for a link to outside during the walk is
// skipped, never listed. Files are lstat-ed by path (through the descriptor cost a procfs lookup
// per file): a swap between listing and lstat can only give an outside file's size and mtime to
// an inside name, and the content read that follows is verified (it refuses, and the row goes).
import { lstatSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { IgnoreRules } from '../workspace/ignore-rules';
import { listVerifiedSync, RaceError } from '../workspace/pinned';

export interface ScannedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export type SkipReporter = (relPath: string, reason: string) => void;

/**
 * Walks `start` (workspace-relative, '' for the root, else a folder known to be visible).
 * `onFile` is called for each file; the walker keeps no list of its own.
 */
export function scanTree(
  root: string,
  rules: IgnoreRules,
  start: string,
  onFile: (file: ScannedFile) => void,
  skip: SkipReporter,
  /**
   * Which files the caller wants (a shard: the paths that hash to it). Other files are passed
   * over before any system call, so shards walking one tree do not stat each other's files.
   */
  wants: (relPath: string) => boolean = () => true,
): void {
  const pending = [start];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = listVerifiedSync(path.join(root, dir));
    } catch (error) {
      skip(dir === '' ? '.' : dir, errorReason(error));
      continue;
    }
    noteIgnoreFileAbsence(rules, dir, entries);
    visitEntries(root, dir, entries, rules, pending, onFile, skip, wants);
  }
}

/** The listing says whether a folder has a .gitignore: most do not, and then no stat is needed for it. */
export function noteIgnoreFileAbsence(rules: IgnoreRules, dir: string, entries: readonly Dirent[]): void {
  if (dir !== '' && !entries.some((e) => e.name === '.gitignore')) rules.noteNoIgnoreFile(dir);
}

/** One listed folder's entries: files reported, visible folders queued. */
function visitEntries(
  root: string,
  dir: string,
  entries: Dirent[],
  rules: IgnoreRules,
  pending: string[],
  onFile: (file: ScannedFile) => void,
  skip: SkipReporter,
  wants: (relPath: string) => boolean,
): void {
  for (const entry of entries) {
    const name = entry.name;
    const rel = dir === '' ? name : `${dir}/${name}`;
    // The entry's type comes with the listing (lstat semantics: a link is a link), so only
    // files need an lstat (for size and mtime): a folder costs no system call of its own.
    const listedDir = entry.isDirectory() && !name.includes('\uFFFD');
    if (!listedDir && entry.isFile() && !wants(rel)) continue;
    let info: Stats | null = null;
    if (!listedDir) {
      try {
        info = lstatSync(path.join(root, rel));
      } catch (error) {
        if (name.includes('\uFFFD')) skip(rel, 'name is not valid UTF-8');
        else skip(rel, errorReason(error));
        continue;
      }
    }
    const isDir = listedDir || info!.isDirectory();
    // The walk never enters an ignored folder, so only this entry's own verdict is needed.
    if (rules.isIgnoredInVisibleFolder(rel, isDir)) continue;
    if (isDir) pending.push(rel);
    else if (info!.isFile()) onFile({ path: rel, size: info!.size, mtimeMs: info!.mtimeMs });
    else skip(rel, notAFileReason(info!));
  }
}

/** Why an entry that is neither a folder nor a regular file is passed over (every walk says it alike). */
export function notAFileReason(entry: { isSymbolicLink(): boolean }): string {
  return entry.isSymbolicLink() ? 'symbolic link (not followed)' : 'not a regular file';
}

export function errorReason(error: unknown): string {
  if (error instanceof RaceError) return 'moved or replaced by a link during the scan';
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'deleted during the scan';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'replaced by a symbolic link during the scan'; // opens do not follow links (O_NOFOLLOW)
    case 'ENAMETOOLONG':
      return 'name too long';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
