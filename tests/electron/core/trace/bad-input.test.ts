// Bad input and faults: huge and binary saves, renumbered and deleted tasks, comment tags,
// two sessions on one workspace, outside edits seen by the real watcher, a damaged store.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Session } from '../../../../electron/core/session';
import { traceDbPath } from '../../../../electron/core/trace/link-store';
import { APP, demoWorkspace, lines, openFixture, SPEC, TASKS, type Fixture } from './trace-fixture';

let fx: Fixture;
const extra: Array<{ close(): Promise<void> }> = [];
beforeEach(async () => {
  fx = await demoWorkspace();
});
afterEach(async () => {
  for (const s of extra.splice(0)) await s.close();
  await fx.close();
  fx.dir.remove();
  fx.data.remove();
});

async function linkLine10(taskId = '1') {
  await fx.startTask(taskId);
  const l = lines(APP);
  l[9] = 'const linked = true;';
  await fx.save('src/app.ts', l.join('\n') + '\n');
  await fx.call('trace.stop', { complete: false });
}

it('saving a huge or a binary file succeeds and links nothing', async () => {
  await fx.startTask('1');
  const huge = 'x'.repeat(100) + '\n';
  await fx.save('src/huge.txt', huge.repeat(30_000)); // 3 MB, above the linking limit
  await fx.save('src/blob.bin', 'abc\u0000def\n');
  expect(fx.read('src/huge.txt').length).toBe(3_030_000);
  expect(await fx.call('trace.fileLinks', { path: 'src/huge.txt' })).toEqual([]);
  expect(await fx.call('trace.fileLinks', { path: 'src/blob.bin' })).toEqual([]);
  // A linked file that becomes huge keeps its link, now suspect (the code can no longer be read).
  await fx.save('src/app.ts', APP + 'more();\n');
  await fx.save('src/app.ts', huge.repeat(30_000));
  expect(await fx.call('trace.fileLinks', { path: 'src/app.ts' })).toMatchObject([{ state: 'suspect', reasons: ['code-deleted'] }]);
});

it('a renumbered task keeps its links (matched by title); a deleted task leaves them orphaned, not dropped', async () => {
  await linkLine10('2');
  // A new task 1 is inserted: "Write the farewell" becomes 3.
  fx.write(`${SPEC}/tasks.md`, TASKS.replace('- [ ] 1. Write the greeter', '- [ ] 1. Set up\n- [ ] 2. Write the greeter').replace('2. Write the farewell', '3. Write the farewell').replace('3. Document it', '4. Document it'));
  fx.session.specs.forget([`${SPEC}/tasks.md`]);
  expect(await fx.call('trace.fileLinks', { path: 'src/app.ts' })).toMatchObject([{ taskKey: `${SPEC}/3`, taskTitle: 'Write the farewell', state: 'linked' }]);
  expect(await fx.call('trace.taskLinks', { specId: SPEC, taskId: '3' })).toHaveLength(1);

  // Renamed in place (same ID, new title): still its link, now suspect.
  fx.write(`${SPEC}/tasks.md`, fx.read(`${SPEC}/tasks.md`).replace('3. Write the farewell', '3. Write the goodbye'));
  fx.session.specs.forget([`${SPEC}/tasks.md`]);
  expect(await fx.call('trace.fileLinks', { path: 'src/app.ts' })).toMatchObject([{ taskKey: `${SPEC}/3`, taskTitle: 'Write the goodbye', state: 'suspect', reasons: ['task-changed'] }]);

  fx.write(`${SPEC}/tasks.md`, '# Implementation Plan\n\n- [ ] 1. Something else\n');
  fx.session.specs.forget([`${SPEC}/tasks.md`]);
  const report = await fx.call('trace.spec', { specId: SPEC });
  expect(report.orphaned).toMatchObject([{ path: 'src/app.ts', startLine: 10, state: 'orphaned', taskTitle: null }]);
  expect(report.coverage.orphaned).toBe(1);
});

it('comment tags (@spec and [impl->…]) are links; they move with their line and end when removed', async () => {
  const l = lines(APP);
  l[2] = `// @spec ${SPEC}/1 greets`;
  l[7] = `/* [impl->task~${SPEC}/2~1] */`;
  l[8] = `// @spec ${SPEC}/9`;
  fx.write('src/app.ts', l.join('\n') + '\n');
  const report = await fx.call('trace.spec', { specId: SPEC });
  expect(report.tasks.find((t) => t.taskId === '1')?.links).toMatchObject([{ source: 'comment', startLine: 3, endLine: 3, state: 'linked' }]);
  expect(report.tasks.find((t) => t.taskId === '2')?.links).toMatchObject([{ source: 'comment', startLine: 8 }]);
  expect(report.orphaned).toMatchObject([{ taskKey: `${SPEC}/9`, startLine: 9 }]);

  await fx.save('src/app.ts', '// new first line\n' + fx.read('src/app.ts').replace(`// @spec ${SPEC}/9\n`, ''));
  const links = await fx.call('trace.fileLinks', { path: 'src/app.ts' });
  expect(links.map((x) => [x.taskKey, x.startLine])).toEqual([
    [`${SPEC}/1`, 4],
    [`${SPEC}/2`, 9],
  ]);
});

it('two sessions on one workspace share the active task and the links, and lose no write', async () => {
  const other = await Session.open(fx.root);
  extra.push(other);
  await fx.startTask('1');
  expect(await other.trace.active()).toMatchObject({ key: `${SPEC}/1` });
  await fx.save('src/app.ts', APP + 'a();\n');
  // The other window's watcher sees the same change after the save recorded it: nothing doubles or moves.
  await other.trace.onExternalChanges(['src/app.ts']);
  await Promise.all([other.trace.onExternalChanges(['src/app.ts']), fx.session.trace.onExternalChanges(['src/app.ts'])]);
  expect((await other.trace.fileLinks('src/app.ts')).map((x) => [x.startLine, x.endLine])).toEqual([[21, 21]]);
  await other.trace.stop(true);
  expect(await fx.call('trace.active', {})).toBeNull();
});

it('the real watcher re-anchors links after an outside edit', async () => {
  await linkLine10();
  await fx.close();
  const watched = await Session.open(fx.dir.path, { watch: true, index: false });
  const changed: string[][] = [];
  watched.onEvent((event, payload) => {
    if (event === 'trace.changed') changed.push((payload as { paths: string[] }).paths);
  });
  fx = await openFixture(fx.dir.path, fx.data, fx.dir); // keeps afterEach working
  extra.push(watched);
  writeFileSync(`${fx.root}/src/app.ts`, '// inserted\n' + fx.read('src/app.ts'));
  const deadline = Date.now() + 10_000;
  while (changed.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(changed[0]).toEqual(['src/app.ts']);
  expect((await watched.trace.fileLinks('src/app.ts'))[0]).toMatchObject({ startLine: 11, state: 'linked' });
});

it('a damaged link store is moved aside, not deleted, and a new one starts', async () => {
  await linkLine10();
  const dbPath = traceDbPath(fx.root);
  await fx.close();
  writeFileSync(dbPath, 'this is not a database'.repeat(100));
  fx = await openFixture(fx.dir.path, fx.data, fx.dir);
  expect(await fx.call('trace.fileLinks', { path: 'src/app.ts' })).toEqual([]);
  expect(await fx.call('trace.active', {})).toBeNull();
});

it('rejects bad arguments with a clear error', async () => {
  await expect(fx.call('trace.start', { specId: SPEC, taskId: '42', expectedHash: 'a'.repeat(64) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(fx.call('trace.start', { specId: SPEC, taskId: '1', expectedHash: 'a'.repeat(64) })).rejects.toMatchObject({ code: 'CONFLICT' });
  await expect(fx.call('trace.fileLinks', { path: '../outside.ts' })).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
  await expect(fx.call('trace.accept', { linkIds: [] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  expect(fx.read(`${SPEC}/tasks.md`)).toBe(TASKS);
});

it('a tag saved into a file with no links becomes a link at once', async () => {
  await fx.call('trace.active', {}); // the store exists
  await fx.save('src/new.ts', `// @spec ${SPEC}/2\nexport {};\n`);
  expect(fx.session.trace.store.byPath('src/new.ts')).toMatchObject([{ source: 'comment', task_id: '2', start_line: 1 }]);
});

it('saving a spec document while a task is active links nothing (spec edits are not code)', async () => {
  await fx.startTask('1');
  await fx.save(`${SPEC}/design.md`, `# Design\n\nTag example: @spec ${SPEC}/1\n`);
  await fx.save(`${SPEC}/requirements.md`, fx.read(`${SPEC}/requirements.md`) + '\nMore text.\n');
  expect(fx.session.trace.store.all()).toEqual([]);
});

it('emits trace.activeChanged on start and stop, and trace.changed for recorded links', async () => {
  const events: Array<[string, unknown]> = [];
  fx.session.onEvent((event, payload) => {
    if (event.startsWith('trace.')) events.push([event, payload]);
  });
  await fx.startTask('1');
  await fx.save('src/app.ts', APP + 'x();\n');
  await fx.call('trace.stop', { complete: false });
  expect(events).toEqual([
    ['trace.activeChanged', { active: expect.objectContaining({ key: `${SPEC}/1` }) }],
    ['trace.changed', { taskKeys: [`${SPEC}/1`], paths: ['src/app.ts'] }],
    ['trace.activeChanged', { active: null }],
  ]);
});
