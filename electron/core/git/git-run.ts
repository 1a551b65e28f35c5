// The one way Specdeck runs `git` (no shell): a workspace is untrusted input, and its own
// `.git/config` and `.gitattributes` can name commands (fsmonitor, textconv, external diff,
// clean/smudge filters, signature checks, hooks, a pager). None of them may run because a folder
// was opened, so every call turns them off, and is bounded in time and output.
import { execFile } from 'node:child_process';

export class GitUnavailable extends Error {}

export interface GitRunOptions {
  /** Output cap; past it the call fails rather than buffering without bound. */
  maxBytes?: number;
  timeoutMs?: number;
  /** Keep the repository's core.hooksPath: only for asking git where hooks live (nothing runs). */
  ownHooksPath?: boolean;
}

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 120_000;

/** Settings that make git run a command of the repository's choosing, switched off for every call. */
const SAFE_CONFIG = [
  'core.quotePath=false',
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'diff.external=',
  'log.showSignature=false',
  'core.untrackedCache=false',
] as const;

/** Subcommands that print diffs or read text through textconv (blame does by default): textconv and diff drivers are refused on their command line. */
const DIFFING = new Set(['diff', 'show', 'log', 'blame']);
/** Subcommands that read the working tree through the repository's clean filters. */
const WORKTREE_READING = new Set(['diff', 'status', 'add', 'stash', 'ls-files', 'grep', 'blame', 'diff-files', 'diff-index']);

export function runGit(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  return gitOperation(cwd)(args, options); // an operation of one call
}

export type GitRunner = (args: readonly string[], options?: GitRunOptions) => Promise<string>;

/**
 * runGit for the many calls of one operation in one folder (a blame per file): the repository's
 * filter drivers are read once, by its first call that reads the working tree, instead of one
 * extra `git config` process per call. Make one per operation, not one to keep.
 */
export function gitOperation(cwd: string): GitRunner {
  let drivers: Promise<string[]> | undefined;
  return (args, options = {}) => guardedGit(cwd, args, options, () => (drivers ??= filterDrivers(cwd)));
}

async function guardedGit(cwd: string, args: readonly string[], options: GitRunOptions, drivers: () => Promise<string[]>): Promise<string> {
  const [command, ...rest] = args;
  if (command === undefined) throw new GitUnavailable('git called without a command');
  const config: string[] = SAFE_CONFIG.filter((c) => !(options.ownHooksPath && c.startsWith('core.hooksPath=')));
  // A filter driver is named in .gitattributes and defined in config; an empty command disables it.
  if (WORKTREE_READING.has(command)) {
    for (const name of await drivers()) config.push(`filter.${name}.clean=`, `filter.${name}.smudge=`, `filter.${name}.process=`);
  }
  const guarded = DIFFING.has(command) ? [command, '--no-ext-diff', '--no-textconv', ...rest] : [command, ...rest];
  return execGit(cwd, [...config.flatMap((c) => ['-c', c]), '--no-pager', ...guarded], options);
}

/** HEAD's commit, or null when the folder is not in a git repository (or has no commit yet). */
export async function gitHead(cwd: string): Promise<string | null> {
  try {
    return (await runGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() || null;
  } catch {
    return null;
  }
}

async function filterDrivers(cwd: string): Promise<string[]> {
  let out: string;
  try {
    out = await execGit(cwd, [...SAFE_CONFIG.flatMap((c) => ['-c', c]), 'config', '-z', '--name-only', '--get-regexp', '^filter\\.'], {});
  } catch {
    return []; // exit 1: no such keys
  }
  const names = new Set<string>();
  for (const key of out.split('\0')) {
    const m = /^filter\.(.+)\.[^.]+$/s.exec(key);
    if (m) names.add(m[1]!);
  }
  return [...names];
}

function execGit(cwd: string, args: readonly string[], options: GitRunOptions): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const name = args.find((a, i) => i > 0 && args[i - 1] !== '-c' && a !== '-c' && !a.startsWith('--')) ?? 'git';
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: maxBytes, timeout: timeoutMs, killSignal: 'SIGKILL', encoding: 'utf8', env: gitEnv() }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') reject(new GitUnavailable(`git ${name}: output passed the cap of ${maxBytes} bytes`));
      else if ((error as { killed?: boolean }).killed) reject(new GitUnavailable(`git ${name}: no answer within ${timeoutMs} ms; stopped`));
      else reject(new GitUnavailable(`git ${name} failed: ${String(stderr || error.message).trim()}`));
    });
  });
}

/** The user's environment without GIT_* overrides (a hook's GIT_DIR, GIT_EXTERNAL_DIFF…). */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };
}
