// The `prepare-commit-msg` hook, installed only when the user asks: it appends the active task's
// `Spec-Task:` trailer (from `specdeck trailer`) unless the message already has one.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { runGit } from '../git/git-run';

const MARKER = '# specdeck:prepare-commit-msg';

export function hookScript(specdeckCommand: string): string {
  return `#!/bin/sh
${MARKER} (installed on request; remove this file to stop it)
# Appends the active Specdeck task as a Spec-Task trailer. Never blocks a commit.
case "$2" in merge|squash) exit 0 ;; esac
trailer=$(${specdeckCommand} trailer "$(git rev-parse --show-toplevel)" 2>/dev/null) || exit 0
[ -n "$trailer" ] || exit 0
grep -q "^Spec-Task:" "$1" && exit 0
git interpret-trailers --in-place --trailer "$trailer" "$1" || true
exit 0
`;
}

export async function installCommitHook(root: string, specdeckCommand = 'specdeck'): Promise<{ installed: boolean; path: string; message: string }> {
  let hooksDir: string;
  try {
    hooksDir = path.resolve(root, (await runGit(root, ['rev-parse', '--git-path', 'hooks'], { ownHooksPath: true })).trim());
  } catch {
    throw new ApiError('UNSUPPORTED', 'This folder is not in a git repository; there is no commit hook to install');
  }
  const hookPath = path.join(hooksDir, 'prepare-commit-msg');
  const existing = await readFile(hookPath, 'utf8').catch(() => null);
  if (existing !== null && !existing.includes(MARKER)) {
    return { installed: false, path: hookPath, message: `${hookPath} exists and is not Specdeck's; left alone (add \`specdeck trailer\` to it yourself)` };
  }
  await mkdir(hooksDir, { recursive: true });
  await writeFile(hookPath, hookScript(specdeckCommand));
  await chmod(hookPath, 0o755);
  return { installed: true, path: hookPath, message: `Installed ${hookPath}` };
}
