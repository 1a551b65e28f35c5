// Git as the shared store: commits with a Spec-Task trailer yield links on any clone; a rebase
// that rewrites history is re-read; a folder outside git works without commit links.
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../../support/temp-workspace';
import { specdeckBin } from '../../../support/cli-process';
import { APP, demoFiles, git, openFixture, SPEC, useTempDataDir, writeTree, lines, type Fixture } from './trace-fixture';

const open: Fixture[] = [];
const cleanup: Array<() => void> = [];
afterEach(async () => {
  for (const fx of open.splice(0)) await fx.close();
  for (const c of cleanup.splice(0)) c();
});

async function repoWithTrailerCommit() {
  const data = useTempDataDir();
  const dir = tempDir('specdeck-trace-git-');
  cleanup.push(() => dir.remove(), () => data.remove());
  writeTree(dir.path, demoFiles());
  git(dir.path, 'init', '-q');
  git(dir.path, 'add', '.');
  git(dir.path, 'commit', '-q', '-m', 'initial');
  const fx = await openFixture(dir.path, data, dir);
  open.push(fx);
  await fx.startTask('1');
  const changed = lines(APP);
  changed.splice(4, 1, 'export function hello() {', "  return 'hello';", '}');
  await fx.save('src/app.ts', changed.join('\n') + '\n');
  const { trailer } = await fx.call('trace.trailer', {});
  expect(trailer).toBe(`Spec-Task: ${SPEC}/1`);
  git(dir.path, 'add', '-A'); // tasks.md ([-]) too: spec documents get no commit links
  git(dir.path, 'commit', '-q', '-m', 'Add the greeter', '-m', trailer!);
  return { fx, dir, data };
}

it('a committed trailer link appears in a fresh clone with an empty link store', async () => {
  const { fx, dir } = await repoWithTrailerCommit();
  const before = await fx.call('trace.fileLinks', { path: 'src/app.ts' });
  // The commit now carries the edit: its edit link is superseded by the commit link.
  expect(before.map((l) => [l.source, l.startLine, l.endLine])).toEqual([['commit', 5, 7]]);

  const clone = tempDir('specdeck-trace-clone-');
  const cloneData = useTempDataDir(); // another machine: nothing in its data folder
  cleanup.push(() => clone.remove(), () => cloneData.remove());
  git(clone.path, 'clone', '-q', dir.path, 'work');
  const other = await openFixture(`${clone.path}/work`, cloneData, clone);
  open.push(other);
  const links = await other.call('trace.fileLinks', { path: 'src/app.ts' });
  expect(links).toMatchObject([{ source: 'commit', taskKey: `${SPEC}/1`, taskTitle: 'Write the greeter', startLine: 5, endLine: 7, state: 'linked' }]);
  expect(links[0]!.commit).toBe(git(`${clone.path}/work`, 'rev-parse', 'HEAD').trim());
  const report = await other.call('trace.spec', { specId: SPEC });
  expect(report.git).toBe(true);
  expect(report.tasks.find((t) => t.taskId === '1')?.links).toHaveLength(1);
});

it('commit links are re-anchored to the working tree and re-read after a rebase rewrites history', async () => {
  const { fx, dir } = await repoWithTrailerCommit();
  const oldSha = git(dir.path, 'rev-parse', 'HEAD').trim();
  // Rewrite: insert a commit below the trailer commit (rebase), which moves the linked lines down.
  git(dir.path, 'checkout', '-q', '-b', 'base', 'HEAD~1');
  writeTree(dir.path, { 'src/app.ts': '// header 1\n// header 2\n' + APP });
  git(dir.path, 'commit', '-q', '-am', 'headers');
  git(dir.path, 'checkout', '-q', 'main');
  git(dir.path, 'rebase', '-q', 'base');
  const newSha = git(dir.path, 'rev-parse', 'HEAD').trim();
  expect(newSha).not.toBe(oldSha);
  await fx.session.trace.onExternalChanges(['src/app.ts']); // what the watcher reports after the rebase
  const links = await fx.call('trace.fileLinks', { path: 'src/app.ts' });
  expect(links.map((l) => [l.commit, l.startLine, l.endLine, l.state])).toEqual([[newSha, 7, 9, 'linked']]);
});

it('a branch switch drops the links of commits that are not checked out and brings them back', async () => {
  const { fx, dir } = await repoWithTrailerCommit();
  expect(await fx.call('trace.fileLinks', { path: 'src/app.ts' })).toHaveLength(1); // the UI reads after the commit
  git(dir.path, 'checkout', '-q', '-b', 'other', 'HEAD~1');
  await fx.session.trace.onExternalChanges(['src/app.ts']);
  expect(await fx.call('trace.fileLinks', { path: 'src/app.ts' })).toEqual([]);
  git(dir.path, 'checkout', '-q', 'main');
  await fx.session.trace.onExternalChanges(['src/app.ts']);
  expect((await fx.call('trace.fileLinks', { path: 'src/app.ts' })).map((l) => [l.source, l.startLine])).toEqual([['commit', 5]]);
});

it('code changed after the commit makes the commit link suspect, even in a fresh store', async () => {
  const { fx, dir } = await repoWithTrailerCommit();
  writeTree(dir.path, { 'src/app.ts': fx.read('src/app.ts').replace("return 'hello'", "return 'bonjour'") });
  const clone = useTempDataDir();
  cleanup.push(() => clone.remove());
  const fresh = await openFixture(dir.path, clone, dir);
  open.push(fresh);
  expect(await fresh.call('trace.fileLinks', { path: 'src/app.ts' })).toMatchObject([{ source: 'commit', startLine: 5, endLine: 7, state: 'suspect', reasons: ['code-changed'] }]);
});

it('outside a git repository everything but commit links works', async () => {
  const data = useTempDataDir();
  const dir = tempDir('specdeck-trace-nogit-');
  cleanup.push(() => dir.remove(), () => data.remove());
  writeTree(dir.path, demoFiles());
  const fx = await openFixture(dir.path, data, dir);
  open.push(fx);
  await fx.startTask('2');
  await fx.save('src/app.ts', APP + 'bye();\n');
  const report = await fx.call('trace.spec', { specId: SPEC });
  expect(report.git).toBe(false);
  expect(report.tasks.find((t) => t.taskId === '2')?.links).toMatchObject([{ source: 'edit', startLine: 21, endLine: 21 }]);
  await expect(fx.call('trace.installHook', {})).rejects.toMatchObject({ code: 'UNSUPPORTED' });
});

it('the prepare-commit-msg hook, installed on request, adds the trailer to a real commit', async () => {
  const { fx, dir } = await repoWithTrailerCommit();
  await fx.startTask('2');
  // The built command (npm test builds before it runs the tests).
  const hook = await fx.session.trace.installHook(`'${process.execPath}' '${specdeckBin}'`);
  expect(hook.installed).toBe(true);
  writeTree(dir.path, { 'src/bye.ts': 'bye();\n' });
  git(dir.path, 'add', 'src/bye.ts');
  git(dir.path, 'commit', '-q', '-m', 'Add bye');
  expect(git(dir.path, 'log', '-1', '--format=%(trailers:key=Spec-Task,valueonly)').trim()).toBe(`${SPEC}/2`);
});

it('concurrent reads and a second session import each trailer commit once', async () => {
  const { fx, dir, data } = await repoWithTrailerCommit();
  const second = await openFixture(dir.path, data, dir);
  open.push(second);
  const results = await Promise.all([
    fx.call('trace.fileLinks', { path: 'src/app.ts' }),
    fx.call('trace.spec', { specId: SPEC }),
    second.call('trace.fileLinks', { path: 'src/app.ts' }),
  ]);
  expect(results[0].map((l) => l.source)).toEqual(['commit']);
  expect(fx.session.trace.store.all().filter((l) => l.source === 'commit')).toHaveLength(1);
});
