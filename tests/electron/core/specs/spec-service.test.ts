// SpecService on real files: parse on index, re-parse on change, conflict-checked write-back.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/errors';
import { Session } from '../../../../electron/core/session';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

const SPEC = '.kiro/specs/demo';
const TASKS = `${SPEC}/tasks.md`;
let dir: TempDir;
let session: Session;
const write = (rel: string, content: string | Buffer) => {
  mkdirSync(path.dirname(path.join(dir.path, rel)), { recursive: true });
  writeFileSync(path.join(dir.path, rel), content);
};
const read = (rel: string) => readFileSync(path.join(dir.path, rel), 'utf8');

beforeEach(async () => {
  dir = tempDir();
  write(`${SPEC}/requirements.md`, '### Requirement 1\n#### Acceptance Criteria\n1. THE X SHALL y\n');
  write(TASKS, '- [ ] 1. Parent\n  - [ ] 1.1 child\n  - [ ]* 1.2 optional\n- [ ] 2. Same id\n- [ ] 2. Same id again\n');
  write(`${SPEC}/.config.kiro`, '{"specId": "abc", "workflowType": "requirements-first", "specType": "feature"}');
  session = await Session.open(dir.path);
});
afterEach(async () => {
  await session.close();
  dir.remove();
});

async function setState(taskId: string, state: 'todo' | 'in-progress' | 'done', completeParents = false) {
  const { tasksHash } = await session.specs.get(SPEC);
  return session.specs.setTaskState(SPEC, taskId, state, tasksHash!, { completeParents });
}

describe('SpecService', () => {
  it('parses on index: all() returns full specs with config and diagnostics', async () => {
    const [spec] = await session.specs.all();
    expect(spec!.config?.values).toMatchObject({ specId: 'abc' });
    expect(spec!.tasks.map((t) => t.id)).toEqual(['1', '1.1', '1.2', '2', '2']);
    expect(spec!.diagnostics.map((d) => d.code)).toContain('duplicate-task-id');
  });

  it('completes the parent only when asked (optional children ignored)', async () => {
    await setState('1.1', 'done');
    expect(read(TASKS)).toContain('- [ ] 1. Parent');
    await setState('1.1', 'todo');
    const after = await setState('1.1', 'done', true);
    expect(read(TASKS)).toContain('- [x] 1. Parent');
    expect(after.spec.tasks.find((t) => t.id === '1')!.state).toBe('done');
  });

  it('refuses an ambiguous task ID and accepts L<line> instead', async () => {
    await expect(setState('2', 'done')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await setState('L5', 'done');
    expect(read(TASKS).split('\n')[4]).toBe('- [x] 2. Same id again');
  });

  it('re-parses after a file change once told about it', async () => {
    await session.specs.get(SPEC);
    write(TASKS, '- [x] 1. Rewritten\n');
    session.specs.forget([TASKS]);
    const { spec } = await session.specs.get(SPEC);
    expect(spec.tasks.map((t) => [t.id, t.state])).toEqual([['1', 'done']]);
  });

  it('refuses with CONFLICT when the file changed since the hash was read, losing nothing', async () => {
    const { tasksHash } = await session.specs.get(SPEC);
    write(TASKS, read(TASKS) + '- [ ] 3. added elsewhere\n');
    const edited = read(TASKS);
    await expect(session.specs.setTaskState(SPEC, '1.1', 'done', tasksHash!)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(read(TASKS)).toBe(edited);
  });

  it('keeps the file mode on write-back', async () => {
    chmodSync(path.join(dir.path, TASKS), 0o600);
    await setState('1.1', 'done');
    expect(statSync(path.join(dir.path, TASKS)).mode & 0o777).toBe(0o600);
  });

  it('reads a file with invalid UTF-8 (with a warning) but refuses to rewrite it', async () => {
    write(TASKS, Buffer.concat([Buffer.from('- [ ] 1. caf'), Buffer.from([0xe9]), Buffer.from('\n- [ ] 2. ok\n')]));
    session.specs.forget([TASKS]);
    const { spec } = await session.specs.get(SPEC);
    expect(spec.tasks.map((t) => t.id)).toEqual(['1', '2']);
    expect(spec.diagnostics.map((d) => d.code)).toContain('invalid-utf8');
    const err = await setState('2', 'done').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('UNSUPPORTED');
  });
});

describe('SpecService.forget', () => {
  it('names a spec created by a new file, and finds it on the next read', async () => {
    expect((await session.specs.list()).map((s) => s.id)).toEqual([SPEC]);
    write('openspec/changes/add-x/tasks.md', '- [ ] 1.1 a\n');
    expect(session.specs.forget(['openspec/changes/add-x/tasks.md'])).toEqual(['openspec/changes/add-x']);
    expect((await session.specs.list()).map((s) => s.id)).toEqual([SPEC, 'openspec/changes/add-x']);
  });
});
