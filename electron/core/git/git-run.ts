// Runs the real `git` binary (no shell) in the workspace; null when git or the repository is absent.
import { execFile } from 'node:child_process';

export class GitUnavailable extends Error {}

export function runGit(cwd: string, args: readonly string[], maxBuffer = 256 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotePath=false', ...args],
      { cwd, maxBuffer, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (error) reject(new GitUnavailable(`git ${args[0]} failed: ${String(stderr || error.message).trim()}`));
        else resolve(stdout);
      },
    );
  });
}

/** HEAD's commit, or null when the folder is not in a git repository (or has no commit yet). */
export async function gitHead(cwd: string): Promise<string | null> {
  try {
    return (await runGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() || null;
  } catch {
    return null;
  }
}
