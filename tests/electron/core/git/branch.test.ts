// git.branch (electron/core/git/branch.ts): the branch read from .git/HEAD, on real repositories.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readGitBranch } from '../../../../electron/core/git/branch';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

const dirs: TempDir[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function repo(branch: string): string {
  const dir = tempDir('specdeck-git-');
  dirs.push(dir);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir.path, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
  git('init', '-q', '-b', branch);
  writeFileSync(path.join(dir.path, 'a.txt'), 'a\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'a');
  return dir.path;
}

describe('readGitBranch', () => {
  it('names the checked-out branch, slashes included', async () => {
    await expect(readGitBranch(repo('feature/login'))).resolves.toEqual({ repository: true, branch: 'feature/login', detached: null });
  });

  it('gives the short commit when HEAD is detached', async () => {
    const root = repo('main');
    execFileSync('git', ['checkout', '-q', '--detach'], { cwd: root });
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    await expect(readGitBranch(root)).resolves.toEqual({ repository: true, branch: null, detached: commit.slice(0, 7) });
  });

  it('follows a worktree’s .git file to its git directory', async () => {
    const root = repo('main');
    const worktree = path.join(path.dirname(root), `${path.basename(root)}-wt`);
    dirs.push({ path: worktree, remove: () => execFileSync('rm', ['-rf', worktree]) });
    execFileSync('git', ['worktree', 'add', '-q', '-b', 'side', worktree], { cwd: root });
    await expect(readGitBranch(worktree)).resolves.toEqual({ repository: true, branch: 'side', detached: null });
  });

  it('finds the repository of a workspace that is one of its subfolders', async () => {
    const root = repo('develop');
    mkdirSync(path.join(root, 'packages', 'app'), { recursive: true });
    await expect(readGitBranch(path.join(root, 'packages', 'app'))).resolves.toMatchObject({ branch: 'develop' });
  });

  it('says when the folder is not a repository', async () => {
    const dir = tempDir('specdeck-nogit-');
    dirs.push(dir);
    mkdirSync(path.join(dir.path, 'src'));
    await expect(readGitBranch(dir.path)).resolves.toEqual({ repository: false, branch: null, detached: null });
  });
});
