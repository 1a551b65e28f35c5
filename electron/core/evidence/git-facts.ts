// What git says about the workspace, read once per evidence run: every commit reachable from HEAD
// that touched the folder (with its files), the working tree's uncommitted paths, the shallow
// boundary, and the repository's top level (SARIF URIs are relative to it). One `git log`, one
// `git status`: the cost of evidence grows with the history once, not once per task.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gitOperation, runGit, type GitRunner } from '../git/git-run';

export interface GitCommit {
  sha: string;
  /** Committer time, ISO. */
  time: string;
  subject: string;
  /** Paths relative to the workspace root. */
  files: string[];
}

export interface GitFacts {
  repository: boolean;
  shallow: boolean;
  /** HEAD's commit; null without git or before the first commit. */
  head: string | null;
  /** The repository's top level (absolute); null without git. */
  toplevel: string | null;
  /** Newest first (git log order). */
  commits: GitCommit[];
  /** sha → index in `commits`. */
  index: Map<string, number>;
  /** Path → indices of the commits that changed it (ascending: newest first). */
  touches: Map<string, number[]>;
  /** Modified, added, deleted or untracked paths in the working tree (workspace-relative). */
  dirty: Set<string>;
  /** Commits at the shallow boundary: their diff is the whole tree, not a change. */
  boundary: Set<string>;
}

export const NO_GIT: GitFacts = {
  repository: false,
  shallow: false,
  head: null,
  toplevel: null,
  commits: [],
  index: new Map(),
  touches: new Map(),
  dirty: new Set(),
  boundary: new Set(),
};

export async function readGitFacts(root: string): Promise<GitFacts> {
  let toplevel: string;
  try {
    toplevel = (await runGit(root, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    return NO_GIT;
  }
  const head = await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).then(
    (s) => s.trim() || null,
    () => null,
  );
  const dirty = await readDirty(root);
  if (head === null) return { ...NO_GIT, repository: true, toplevel, dirty };
  const boundary = await readShallowBoundary(root);
  const commits = parseLog(await runGit(root, ['log', '--relative', '--name-only', '--no-renames', '--format=%x1e%H%x00%cI%x00%s', 'HEAD', '--', '.']));
  const index = new Map<string, number>();
  const touches = new Map<string, number[]>();
  commits.forEach((c, i) => {
    index.set(c.sha, i);
    if (boundary.has(c.sha)) return; // a grafted root "adds" every file: not a change
    for (const f of c.files) {
      const list = touches.get(f);
      if (list) list.push(i);
      else touches.set(f, [i]);
    }
  });
  return { repository: true, shallow: boundary.size > 0, head, toplevel, commits, index, touches, dirty, boundary };
}

export function parseLog(out: string): GitCommit[] {
  const commits: GitCommit[] = [];
  for (const record of out.split('\x1e')) {
    if (!record.trim()) continue;
    const [header, ...rest] = record.split('\n');
    const [sha, time, subject] = header!.split('\x00');
    if (!sha || !time) continue;
    commits.push({ sha, time, subject: subject ?? '', files: rest.filter((l) => l.length > 0) });
  }
  return commits;
}

export async function readDirty(root: string): Promise<Set<string>> {
  // -z: names as they are (no quoting); --relative paths need `status` run in the folder with `.`.
  const out = await runGit(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', '.']).catch(() => '');
  const prefix = (await runGit(root, ['rev-parse', '--show-prefix']).catch(() => '')).trim();
  const dirty = new Set<string>();
  for (const entry of out.split('\0')) {
    if (entry.length < 4) continue;
    const repoPath = entry.slice(3);
    dirty.add(prefix && repoPath.startsWith(prefix) ? repoPath.slice(prefix.length) : repoPath);
  }
  return dirty;
}

async function readShallowBoundary(root: string): Promise<Set<string>> {
  try {
    const file = (await runGit(root, ['rev-parse', '--git-path', 'shallow'])).trim();
    const text = await readFile(path.resolve(root, file), 'utf8');
    return new Set(text.split('\n').map((s) => s.trim()).filter(Boolean));
  } catch {
    return new Set(); // no shallow file: a full clone
  }
}

export interface BlameLine {
  sha: string;
  time: string;
  subject: string;
  /** The line has uncommitted changes. */
  uncommitted: boolean;
}

/**
 * `git blame` of one file: the commit that last changed each line (1-based); null when it cannot.
 * `git`: the operation's runner when blaming many files (gitOperation).
 */
export async function blameFile(root: string, rel: string, since: string | null = null, git: GitRunner = gitOperation(root)): Promise<Map<number, BlameLine> | null> {
  let out: string;
  try {
    // `since..HEAD` stops the walk at `since` (its lines are attributed to it); it blames HEAD's
    // text, so it is only used for a file without uncommitted changes.
    out = await git(since ? ['blame', '--porcelain', `${since}..HEAD`, '--', rel] : ['blame', '--porcelain', '--', rel]);
  } catch {
    return null; // untracked, or no commit yet
  }
  const info = new Map<string, { time: string; subject: string }>();
  const lines = new Map<number, BlameLine>();
  let current: { sha: string; line: number } | null = null;
  let pending: { time?: string; subject?: string } = {};
  for (const row of out.split('\n')) {
    const header = /^([0-9a-f]{40,64}) \d+ (\d+)(?: \d+)?$/.exec(row);
    if (header) {
      current = { sha: header[1]!, line: Number(header[2]) };
      pending = {};
      continue;
    }
    if (!current) continue;
    if (row.startsWith('committer-time ')) pending.time = new Date(Number(row.slice(15)) * 1000).toISOString();
    else if (row.startsWith('summary ')) pending.subject = row.slice(8);
    else if (row.startsWith('\t')) {
      if (!info.has(current.sha) && pending.time !== undefined) info.set(current.sha, { time: pending.time, subject: pending.subject ?? '' });
      const known = info.get(current.sha);
      const uncommitted = /^0+$/.test(current.sha);
      lines.set(current.line, { sha: current.sha, time: known?.time ?? '', subject: known?.subject ?? '', uncommitted });
      current = null;
    }
  }
  return lines;
}
