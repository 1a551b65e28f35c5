// Ticking a task through the API rewrites only its state character, whatever the file's bytes.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callDirect, createRouter, type Router } from '../../../../electron/core/api/router';
import { Session } from '../../../../electron/core/session';
import { copyOfSampleProject, type TempDir } from '../../../support/temp-workspace';

const SPEC = '.kiro/specs/todo-cli';
const TASKS = path.join(SPEC, 'tasks.md');
let workspace: TempDir;
let session: Session;
let router: Router;

beforeEach(async () => {
  workspace = copyOfSampleProject();
  session = await Session.open(workspace.path);
  router = createRouter(session, () => {});
});
afterEach(async () => {
  await session.close();
  workspace.remove();
});

function differingBytes(a: Buffer, b: Buffer): number[] {
  expect(b.length).toBe(a.length);
  return [...a.keys()].filter((i) => a[i] !== b[i]);
}

async function tick(taskId: string, state: 'todo' | 'in-progress' | 'done') {
  const { tasksHash } = await callDirect(router, 'specs.get', { specId: SPEC });
  return callDirect(router, 'tasks.setState', { specId: SPEC, taskId, state, expectedHash: tasksHash! });
}

describe('tasks.setState', () => {
  it.each([
    ['LF', (t: string) => t],
    ['CRLF', (t: string) => t.replace(/\n/g, '\r\n')],
    ['a BOM and CRLF', (t: string) => '\uFEFF' + t.replace(/\n/g, '\r\n')],
    ['no trailing newline', (t: string) => t.replace(/\n+$/, '')],
  ])('changes exactly one byte with %s', async (_name, shape) => {
    const file = path.join(workspace.path, TASKS);
    writeFileSync(file, shape(readFileSync(file, 'utf8')));
    const before = readFileSync(file);
    const result = await tick('2.1', 'done');
    const after = readFileSync(file);
    const diff = differingBytes(before, after);
    expect(diff).toHaveLength(1);
    expect(String.fromCharCode(before[diff[0]!]!)).toBe(' ');
    expect(String.fromCharCode(after[diff[0]!]!)).toBe('x');
    expect(result.spec.tasks.find((t) => t.id === '2.1')?.state).toBe('done');
  });

  it('marks a task in progress with [-] and back to todo', async () => {
    const file = path.join(workspace.path, TASKS);
    await tick('3.1', 'in-progress');
    expect(readFileSync(file, 'utf8')).toContain('  - [-] 3.1 Add command with validation');
    await tick('3.1', 'todo');
    expect(readFileSync(file, 'utf8')).toContain('  - [ ] 3.1 Add command with validation');
  });

  it('refuses with CONFLICT when tasks.md changed since it was read, and loses nothing', async () => {
    const file = path.join(workspace.path, TASKS);
    const { tasksHash } = await callDirect(router, 'specs.get', { specId: SPEC });
    const edited = readFileSync(file, 'utf8') + '\n- [ ] 4. Added in another editor\n';
    writeFileSync(file, edited);
    const outcome = await router.dispatch('tasks.setState', { specId: SPEC, taskId: '2.1', state: 'done', expectedHash: tasksHash });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('reports an unknown task with NOT_FOUND naming taskId', async () => {
    const { tasksHash } = await callDirect(router, 'specs.get', { specId: SPEC });
    expect(await router.dispatch('tasks.setState', { specId: SPEC, taskId: '9.9', state: 'done', expectedHash: tasksHash })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'taskId' },
    });
  });
});

describe('tasks.setState with completeParents', () => {
  it('marks the parent done with its last required child, ignoring optional children', async () => {
    const file = path.join(workspace.path, TASKS);
    await tick('2.2', 'done');
    let { tasksHash } = await callDirect(router, 'specs.get', { specId: SPEC });
    await callDirect(router, 'tasks.setState', { specId: SPEC, taskId: '2.1', state: 'done', expectedHash: tasksHash!, completeParents: false });
    expect(readFileSync(file, 'utf8')).toContain('- [ ] 2. Implement the store');
    await tick('2.1', 'todo');
    ({ tasksHash } = await callDirect(router, 'specs.get', { specId: SPEC }));
    const result = await callDirect(router, 'tasks.setState', { specId: SPEC, taskId: '2.1', state: 'done', expectedHash: tasksHash!, completeParents: true });
    expect(readFileSync(file, 'utf8')).toContain('- [x] 2. Implement the store');
    expect(readFileSync(file, 'utf8')).toContain('- [ ]* 2.3 Write unit tests for the store');
    expect(result.spec.tasks.find((t) => t.id === '2')?.state).toBe('done');
  });
});

// Issue 12 finding 7: ticks that cannot lose each other.
describe('concurrent ticks', () => {
  it('two quick ticks of different tasks with the same hash both land', async () => {
    const { tasksHash } = await callDirect(router, 'specs.get', { specId: SPEC });
    await Promise.all([
      callDirect(router, 'tasks.setState', { specId: SPEC, taskId: '2.1', state: 'done', expectedHash: tasksHash! }),
      callDirect(router, 'tasks.setState', { specId: SPEC, taskId: '3.1', state: 'done', expectedHash: tasksHash! }),
    ]);
    const after = await callDirect(router, 'specs.get', { specId: SPEC });
    expect(after.spec.tasks.find((t) => t.id === '2.1')?.state).toBe('done');
    expect(after.spec.tasks.find((t) => t.id === '3.1')?.state).toBe('done');
  });

  it('a tick with a hash from before an outside edit is still refused', async () => {
    const { tasksHash } = await callDirect(router, 'specs.get', { specId: SPEC });
    await callDirect(router, 'tasks.setState', { specId: SPEC, taskId: '2.1', state: 'done', expectedHash: tasksHash! });
    appendFileSync(path.join(workspace.path, SPEC, 'tasks.md'), '\n- [ ] 9. Added outside\n');
    await expect(callDirect(router, 'tasks.setState', { specId: SPEC, taskId: '3.1', state: 'done', expectedHash: tasksHash! })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(path.join(workspace.path, SPEC, 'tasks.md'), 'utf8')).toContain('Added outside');
  });
});
