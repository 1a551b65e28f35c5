// The checked-out git branch of a workspace, read from .git/HEAD (no git process: fast, and works
// where git is not installed). Handles worktrees and submodules, whose `.git` is a file that
// points at the real git directory.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GitBranch } from '../../../shared/api/contract';

/** The git directory of the repository holding `root` (the workspace may be a subfolder of it). */
async function gitDir(root: string): Promise<string | null> {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    try {
      const info = await stat(dotGit);
      if (info.isDirectory()) return dotGit;
      const pointer = /^gitdir:\s*(.+)$/m.exec(await readFile(dotGit, 'utf8'));
      return pointer ? path.resolve(dir, pointer[1]!.trim()) : null;
    } catch {
      if (path.dirname(dir) === dir) return null; // reached the file-system root
    }
  }
}

export async function readGitBranch(root: string): Promise<GitBranch> {
  const dir = await gitDir(root);
  if (!dir) return { repository: false, branch: null, detached: null };
  try {
    const head = (await readFile(path.join(dir, 'HEAD'), 'utf8')).trim();
    const ref = /^ref:\s*refs\/heads\/(.+)$/.exec(head);
    if (ref) return { repository: true, branch: ref[1]!, detached: null };
    return { repository: true, branch: null, detached: /^[0-9a-f]{40,64}$/.test(head) ? head.slice(0, 7) : null };
  } catch {
    return { repository: true, branch: null, detached: null };
  }
}
