// Reads `Spec-Task: <spec-id>/<task-id>` trailers from `git log` and the line ranges each such
// commit changed: the committed half of the link store, the same on every clone.
import { gitOperation, runGit, type GitRunner } from '../git/git-run';
import { parseUnifiedDiff, type FileHunks } from './unified-diff';

export const TRAILER_KEY = 'Spec-Task';

export interface TrailerCommit {
  sha: string;
  /** Commit time, ISO. */
  time: string;
  /** Task keys named by its trailers. */
  keys: string[];
}

/** Commits reachable from HEAD that touch the workspace folder and carry a Spec-Task trailer. */
export async function readTrailerCommits(root: string): Promise<TrailerCommit[]> {
  const out = await runGit(root, ['log', `--format=%H%x00%cI%x00%(trailers:key=${TRAILER_KEY},valueonly,separator=%x01)%x1e`, 'HEAD', '--', '.']);
  const commits: TrailerCommit[] = [];
  for (const record of out.split('\x1e')) {
    const [sha, time, trailers] = record.trim().split('\x00');
    if (!sha || !time || !trailers) continue;
    const keys = trailers
      .split('\x01')
      .map((k) => k.trim())
      .filter((k) => /^\S+\/\S+$/.test(k));
    if (keys.length > 0) commits.push({ sha, time, keys: [...new Set(keys)] });
  }
  return commits;
}

/** The hunks one commit made, paths relative to the workspace (merges: against the first parent). */
export async function commitHunks(root: string, sha: string): Promise<FileHunks[]> {
  const out = await runGit(root, ['show', '--format=', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', '--diff-merges=first-parent', '--relative', sha, '--', '.']);
  return parseUnifiedDiff(out);
}

/**
 * Hunks from a commit's version of these files to the working tree's (for re-anchoring), keyed by
 * the path in the working tree. With `renames`, pass both names of each renamed file. `git`: the
 * operation's runner when called for many commits (gitOperation).
 */
export async function hunksSinceCommit(root: string, sha: string, paths: readonly string[], renames = false, git: GitRunner = gitOperation(root)): Promise<Map<string, FileHunks>> {
  const out = await git(['diff', '--unified=0', '--no-color', '--no-ext-diff', renames ? '-M' : '--no-renames', '--relative', sha, '--', ...paths]);
  const result = new Map<string, FileHunks>();
  for (const file of parseUnifiedDiff(out)) result.set(file.path, file);
  return result;
}

/** Files renamed since a commit (old path → path in the working tree), as git's rename detection sees them. */
export async function renamedSince(root: string, sha: string, git: GitRunner = gitOperation(root)): Promise<Map<string, string>> {
  const out = await git(['diff', '--name-status', '-z', '-M', '--diff-filter=R', '--relative', sha, '--', '.']);
  const parts = out.split('\0');
  const renames = new Map<string, string>();
  for (let i = 0; i + 2 < parts.length; i += 3) if (parts[i]!.startsWith('R')) renames.set(parts[i + 1]!, parts[i + 2]!);
  return renames;
}

/** A file's text at a commit, or null (deleted, binary, not there). */
export async function fileAtCommit(root: string, sha: string, rel: string): Promise<string | null> {
  try {
    return await runGit(root, ['show', `${sha}:./${rel}`]);
  } catch {
    return null;
  }
}

/** Splits `<spec-id>/<task-id>` at the last slash (spec IDs are folders; task IDs have no slash). */
export function splitTaskKey(key: string): { specId: string; taskId: string } | null {
  const at = key.lastIndexOf('/');
  if (at <= 0 || at === key.length - 1) return null;
  return { specId: key.slice(0, at), taskId: key.slice(at + 1) };
}
