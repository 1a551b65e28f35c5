// Issue 12 finding 10: opening a folder must not run commands named by its own `.git/config` or
// `.gitattributes` (fsmonitor, textconv, external diff, clean filters, signature checks, hooks).
// The repository's config points each of them at a script that logs its name; Specdeck opens the
// folder, imports its trailer commits (git log, show, diff against the working tree, blob reads)
// and the log must stay empty. A plain `git diff` first proves the config really is armed.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { gitOperation, runGit } from '../../../../electron/core/git/git-run';
import { blameFile } from '../../../../electron/core/evidence/git-facts';
import { commitHunks, fileAtCommit, hunksSinceCommit, readTrailerCommits } from '../../../../electron/core/trace/git-trailers';
import { tempDir, type TempDir } from '../../../support/temp-workspace';
import { APP, demoFiles, git, lines, openFixture, SPEC, useTempDataDir, writeTree, type Fixture } from '../trace/trace-fixture';

const dirs: TempDir[] = [];
const fixtures: Fixture[] = [];
afterEach(async () => {
  for (const fx of fixtures.splice(0)) await fx.close();
  for (const d of dirs.splice(0)) d.remove();
});

function armedRepository() {
  const data = useTempDataDir();
  const dir = tempDir('specdeck-hostile-git-');
  const tools = tempDir('specdeck-hostile-tools-'); // outside the workspace
  dirs.push(dir, tools, data);
  const log = path.join(tools.path, 'ran.log');
  const script = path.join(tools.path, 'ran.sh');
  // Logs its first argument, then behaves like cat so that git gets usable output either way.
  writeFileSync(script, `#!/bin/sh\necho "$1" >> '${log}'\nshift\nexec cat "$@"\n`);
  chmodSync(script, 0o755);
  const fsmonitor = path.join(tools.path, 'fsmonitor.sh');
  writeFileSync(fsmonitor, `#!/bin/sh\necho fsmonitor >> '${log}'\n`);
  chmodSync(fsmonitor, 0o755);

  writeTree(dir.path, demoFiles());
  git(dir.path, 'init', '-q');
  git(dir.path, 'add', '.');
  git(dir.path, 'commit', '-q', '-m', 'initial');
  const changed = lines(APP);
  changed.splice(4, 1, 'export function hello() {', "  return 'hello';", '}');
  writeFileSync(path.join(dir.path, 'src/app.ts'), changed.join('\n') + '\n');
  git(dir.path, 'commit', '-q', '-am', 'Add the greeter', '-m', `Spec-Task: ${SPEC}/1`);
  // A later, uncommitted edit: importing the commit diffs it against the working tree.
  writeFileSync(path.join(dir.path, 'src/app.ts'), '// top\n' + changed.join('\n') + '\n');

  // Armed only now, so that the set-up's own git calls above ran nothing.
  appendFileSync(
    path.join(dir.path, '.git/config'),
    [
      '[core]',
      `\tfsmonitor = ${fsmonitor}`,
      `\tpager = ${script} pager`,
      '[diff]',
      `\texternal = ${script} external`,
      '[diff "evil"]',
      `\ttextconv = ${script} textconv`,
      `\tcommand = ${script} diffcommand`,
      '[filter "evil"]',
      `\tclean = ${script} clean`,
      `\tsmudge = ${script} smudge`,
      '[log]',
      '\tshowSignature = true',
      '[gpg]',
      `\tprogram = ${script} gpg`,
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir.path, '.gitattributes'), '* diff=evil filter=evil\n');
  mkdirSync(path.join(dir.path, '.git/hooks'), { recursive: true });
  for (const hook of ['post-index-change', 'reference-transaction', 'post-checkout']) {
    writeFileSync(path.join(dir.path, '.git/hooks', hook), `#!/bin/sh\necho hook-${hook} >> '${log}'\n`);
    chmodSync(path.join(dir.path, '.git/hooks', hook), 0o755);
  }
  const ran = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);
  return { dir, data, log, ran };
}

it('the armed config runs commands under a plain git (the test can fail)', () => {
  const { dir, ran } = armedRepository();
  spawnSync('git', ['diff', 'HEAD~1'], { cwd: dir.path, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' }, stdio: 'ignore' });
  expect(ran().length).toBeGreaterThan(0);
});

it('opening the folder and importing its commits runs none of them', async () => {
  const { dir, data, log, ran } = armedRepository();
  rmSync(log, { force: true });
  const fx = await openFixture(dir.path, data, dir);
  fixtures.push(fx);
  const links = await fx.call('trace.fileLinks', { path: 'src/app.ts' });
  // The work still gets done: the commit link, moved down one line by the uncommitted edit.
  expect(links.map((l) => [l.source, l.startLine, l.endLine])).toEqual([['commit', 6, 8]]);
  const report = await fx.call('trace.spec', { specId: SPEC });
  expect(report.git).toBe(true);

  const commits = await readTrailerCommits(fx.root);
  expect(commits).toHaveLength(1);
  const sha = commits[0]!.sha;
  expect((await commitHunks(fx.root, sha)).map((f) => f.path)).toContain('src/app.ts');
  expect((await hunksSinceCommit(fx.root, sha, ['src/app.ts'])).get('src/app.ts')?.hunks.length).toBeGreaterThan(0);
  expect(await fileAtCommit(fx.root, sha, 'src/app.ts')).toContain('export function hello()');
  await runGit(fx.root, ['status', '--porcelain']);
  await runGit(fx.root, ['log', '-p', '-1']);
  expect(ran()).toEqual([]);
});

it('caps the output and names the cap instead of buffering without bound', async () => {
  const { dir } = armedRepository();
  await expect(runGit(dir.path, ['log', '-p'], { maxBytes: 64 })).rejects.toThrow(/output.*64 bytes/i);
});

it('blaming a file (evidence) runs none of them: blame applies textconv unless told not to', async () => {
  const { dir, ran } = armedRepository();
  const lines = await blameFile(dir.path, 'src/app.ts');
  expect(lines?.get(6)?.uncommitted).toBe(false); // the work is done: line 6 is the greeter's commit
  expect(lines?.get(1)?.uncommitted).toBe(true); // the uncommitted "// top"
  expect(ran()).toEqual([]);
});

it('one operation reads the filter drivers once, and its calls are guarded as runGit is', async () => {
  const { dir, ran } = armedRepository();
  // A `git` first on PATH that logs each call's subcommand, then runs the real one.
  const shim = tempDir('specdeck-git-shim-');
  dirs.push(shim);
  const calls = path.join(shim.path, 'calls.log');
  const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(path.join(shim.path, 'git'), `#!/bin/sh\nfor a; do case "$a" in -c) skip=1;; *) if [ -z "$skip" ]; then case "$a" in -*) ;; *) echo "$a" >> '${calls}'; break;; esac; fi; skip=;; esac; done\nexec '${realGit}' "$@"\n`);
  chmodSync(path.join(shim.path, 'git'), 0o755);
  const saved = process.env.PATH;
  process.env.PATH = `${shim.path}${path.delimiter}${saved ?? ''}`;
  try {
    const logged = () => readFileSync(calls, 'utf8').split('\n').filter(Boolean);
    await runGit(dir.path, ['status', '--porcelain']);
    expect(logged()).toEqual(['config', 'status']); // the shim sees the calls (the test can fail)
    rmSync(calls);
    const run = gitOperation(dir.path);
    expect((await blameFile(dir.path, 'src/app.ts', null, run))?.size).toBeGreaterThan(0);
    expect((await blameFile(dir.path, `${SPEC}/tasks.md`, null, run))?.size).toBeGreaterThan(0);
    await run(['status', '--porcelain']);
    await run(['diff', 'HEAD']);
    expect(logged()).toEqual(['config', 'blame', 'blame', 'status', 'diff']);
  } finally {
    process.env.PATH = saved;
  }
  expect(ran()).toEqual([]);
});
