import { describe, expect, it } from 'vitest';
import { parseTasks } from '../../../shared/specs/tasks-markdown';
import { setTaskState, setTaskStateWithParents, TaskEditError } from '../../../shared/specs/task-edit';

const text = '\ufeff# Tasks\r\n\r\n- [ ] 1. Parent\r\n  - [ ] 1.1 a\r\n  - [x] 1.2 b\r\n  - [ ]* 1.3 optional\r\n- [X] 2. Done upper\r\n';
const parsed = () => parseTasks(text, 't.md').tasks;
const byId = (id: string) => parsed().find((t) => t.id === id)!;

describe('setTaskState', () => {
  it('start → [-], done → [x], todo → [ ], changing only that character (BOM and CRLF kept)', () => {
    expect(setTaskState(text, byId('1.1'), 'in-progress')).toBe(text.replace('- [ ] 1.1', '- [-] 1.1'));
    expect(setTaskState(text, byId('1.1'), 'done')).toBe(text.replace('- [ ] 1.1', '- [x] 1.1'));
    expect(setTaskState(text, byId('2'), 'todo')).toBe(text.replace('- [X] 2.', '- [ ] 2.'));
  });

  it('keeps an upper-case X when the task is already done', () => {
    expect(setTaskState(text, byId('2'), 'done')).toBe(text);
  });

  it('refuses when the text no longer has the task where it was parsed', () => {
    const task = byId('1.1');
    expect(() => setTaskState('x' + text, task, 'done')).toThrow(TaskEditError);
  });
});

describe('setTaskStateWithParents', () => {
  it('marks the parent done when its last required child is done (optional children ignored)', () => {
    const tasks = parsed();
    const r = setTaskStateWithParents(text, tasks, byId('1.1'), 'done', { completeParents: true });
    expect(r.changed.map((t) => t.id)).toEqual(['1.1', '1']);
    expect(r.text).toBe(text.replace('- [ ] 1.1', '- [x] 1.1').replace('- [ ] 1. Parent', '- [x] 1. Parent'));
  });

  it('leaves the parent alone without the option, or while a required child is open', () => {
    expect(setTaskStateWithParents(text, parsed(), byId('1.1'), 'done').changed.map((t) => t.id)).toEqual(['1.1']);
    const open = text.replace('- [x] 1.2', '- [ ] 1.2');
    const tasks = parseTasks(open, 't.md').tasks;
    const r = setTaskStateWithParents(open, tasks, tasks.find((t) => t.id === '1.1')!, 'done', { completeParents: true });
    expect(r.changed.map((t) => t.id)).toEqual(['1.1']);
  });

  it('completes ancestors up the chain', () => {
    const deep = '- [ ] 1. a\n  - [ ] 1.1 b\n    - [ ] 1.1.1 c\n';
    const tasks = parseTasks(deep, 't.md').tasks;
    const r = setTaskStateWithParents(deep, tasks, tasks[2]!, 'done', { completeParents: true });
    expect(r.text).toBe('- [x] 1. a\n  - [x] 1.1 b\n    - [x] 1.1.1 c\n');
  });
});
