// The active task and the links a save records: they follow their code, end with it, and turn
// suspect when the task, a requirement or the code changes.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { APP, demoWorkspace, lines, SPEC, type Fixture } from './trace-fixture';

let fx: Fixture;
beforeEach(async () => {
  fx = await demoWorkspace();
});
afterEach(async () => {
  await fx.close();
  fx.dir.remove();
  fx.data.remove();
});

function withChange(text: string, change: (l: string[]) => void): string {
  const l = lines(text);
  change(l);
  return l.join('\n') + '\n';
}

it('starting a Kiro task marks it [-], one task at a time; completing marks it done and ends it', async () => {
  expect(await fx.call('trace.active', {})).toBeNull();
  await fx.startTask('1');
  expect(fx.read(`${SPEC}/tasks.md`)).toContain('- [-] 1. Write the greeter');
  expect(await fx.call('trace.active', {})).toMatchObject({ key: `${SPEC}/1`, title: 'Write the greeter', inFile: true });
  expect(await fx.call('trace.trailer', {})).toEqual({ trailer: `Spec-Task: ${SPEC}/1` });

  await fx.startTask('2'); // the previous one stops (back to todo: Specdeck marked it)
  const tasks = fx.read(`${SPEC}/tasks.md`);
  expect(tasks).toContain('- [ ] 1. Write the greeter');
  expect(tasks).toContain('- [-] 2. Write the farewell');

  const { spec } = await fx.call('trace.stop', { complete: true });
  expect(spec?.spec.tasks.find((t) => t.id === '2')?.state).toBe('done');
  expect(fx.read(`${SPEC}/tasks.md`)).toContain('- [x] 2. Write the farewell');
  expect(await fx.call('trace.active', {})).toBeNull();
  expect(await fx.call('trace.trailer', {})).toEqual({ trailer: null });
});

it('a save while a task is active links the changed lines; saves without one link nothing', async () => {
  await fx.save('src/app.ts', withChange(APP, (l) => (l[4] = 'const untracked = 0;')));
  await fx.startTask('1');
  await fx.save('src/app.ts', withChange(fx.read('src/app.ts'), (l) => l.splice(9, 2, 'function hello() {', "  return 'hello';", '}')));
  const links = await fx.call('trace.fileLinks', { path: 'src/app.ts' });
  expect(links).toHaveLength(1);
  expect(links[0]).toMatchObject({ source: 'edit', taskKey: `${SPEC}/1`, taskTitle: 'Write the greeter', startLine: 10, endLine: 12, state: 'linked' });
  // A second save next to it extends the same link instead of adding another.
  await fx.save('src/app.ts', withChange(fx.read('src/app.ts'), (l) => l.splice(12, 0, 'hello();')));
  expect((await fx.call('trace.taskLinks', { specId: SPEC, taskId: '1' })).map((l) => [l.startLine, l.endLine])).toEqual([[10, 13]]);
});

it('links move when lines are inserted or deleted above them (saves and outside edits) and end with their code', async () => {
  await fx.startTask('1');
  await fx.save('src/app.ts', withChange(APP, (l) => (l[9] = 'const greeting = "hello";')));
  await fx.call('trace.stop', { complete: false });
  // Saved in Specdeck with no active task: three lines above.
  await fx.save('src/app.ts', withChange(fx.read('src/app.ts'), (l) => l.unshift('// a', '// b', '// c')));
  expect((await fx.call('trace.fileLinks', { path: 'src/app.ts' }))[0]).toMatchObject({ startLine: 13, endLine: 13, state: 'linked' });
  // Edited outside Specdeck: two lines above removed.
  fx.write('src/app.ts', withChange(fx.read('src/app.ts'), (l) => l.splice(0, 2)));
  await fx.session.trace.onExternalChanges(['src/app.ts']);
  expect((await fx.call('trace.fileLinks', { path: 'src/app.ts' }))[0]).toMatchObject({ startLine: 11, endLine: 11, state: 'linked' });
  // The linked line is deleted: the link ends.
  fx.write('src/app.ts', withChange(fx.read('src/app.ts'), (l) => l.splice(10, 1)));
  await fx.session.trace.onExternalChanges(['src/app.ts']);
  expect(await fx.call('trace.fileLinks', { path: 'src/app.ts' })).toEqual([]);
});

it('a link turns suspect when its code, its task or a referenced requirement changes; accepting re-stamps it', async () => {
  await fx.startTask('1');
  await fx.save('src/app.ts', withChange(APP, (l) => (l[2] = 'const greeting = "hello";')));
  await fx.call('trace.stop', { complete: true });

  fx.write('src/app.ts', withChange(fx.read('src/app.ts'), (l) => (l[2] = 'const greeting = "hi";')));
  await fx.session.trace.onExternalChanges(['src/app.ts']);
  let [link] = await fx.call('trace.fileLinks', { path: 'src/app.ts' });
  expect(link).toMatchObject({ state: 'suspect', reasons: ['code-changed'] });
  [link] = await fx.call('trace.accept', { linkIds: [link!.id] });
  expect(link).toMatchObject({ state: 'linked', reasons: [] });

  const req = fx.read(`${SPEC}/requirements.md`).replace('SHALL print hello', 'SHALL print hello in English');
  await fx.save(`${SPEC}/requirements.md`, req);
  fx.session.specs.forget([`${SPEC}/requirements.md`]);
  expect((await fx.call('trace.fileLinks', { path: 'src/app.ts' }))[0]).toMatchObject({ state: 'suspect', reasons: ['requirement-changed'] });

  fx.write(`${SPEC}/tasks.md`, fx.read(`${SPEC}/tasks.md`).replace('_Requirements: 1.1_', '_Requirements: 1.1, 2.1_'));
  fx.session.specs.forget([`${SPEC}/tasks.md`]);
  const report = await fx.call('trace.spec', { specId: SPEC });
  expect(report.tasks.find((t) => t.taskId === '1')?.links[0]).toMatchObject({ state: 'suspect', reasons: ['task-changed', 'requirement-changed'] });
  expect(report.coverage).toMatchObject({ suspect: 1, linked: 0, doneWithoutCode: ['3'] });
});

it('Spec Kit tasks stay unchanged in the file while active (tracked in the store only)', async () => {
  await fx.close();
  fx.dir.remove();
  fx.data.remove();
  const tasks = '# Tasks\n\n## Phase 1\n\n- [ ] T001 Create the model\n- [ ] T002 Add the view\n';
  fx = await demoWorkspace({ 'specs/001-x/spec.md': '# Feature\n\n- **FR-001**: System MUST work.\n', 'specs/001-x/tasks.md': tasks, 'src/a.ts': 'a\n' });
  const { tasksHash } = await fx.call('specs.get', { specId: 'specs/001-x' });
  const { active } = await fx.call('trace.start', { specId: 'specs/001-x', taskId: 'T001', expectedHash: tasksHash! });
  expect(active).toMatchObject({ key: 'specs/001-x/T001', inFile: false });
  expect(fx.read('specs/001-x/tasks.md')).toBe(tasks);
  await fx.save('src/a.ts', 'a\nb\n');
  expect(await fx.call('trace.fileLinks', { path: 'src/a.ts' })).toMatchObject([{ taskKey: 'specs/001-x/T001', startLine: 2, endLine: 2 }]);
  await fx.call('trace.stop', { complete: true });
  expect(fx.read('specs/001-x/tasks.md')).toContain('- [x] T001');
});

it('a heading task (no checkbox) can be started and completed: nothing is written, its sub-tasks keep their state', async () => {
  const text = '## Task 1: Greeter\n\n- [ ] 1.1 Write it\n';
  await fx.save(`${SPEC}/tasks.md`, text);
  await fx.startTask('1');
  expect(await fx.call('trace.active', {})).toMatchObject({ key: `${SPEC}/1`, inFile: false });
  const { spec } = await fx.call('trace.stop', { complete: true });
  expect(spec?.spec.tasks.map((t) => [t.id, t.state])).toEqual([
    ['1', 'todo'],
    ['1.1', 'todo'],
  ]);
  expect(fx.read(`${SPEC}/tasks.md`)).toBe(text);
  expect(await fx.call('trace.active', {})).toBeNull();
});
