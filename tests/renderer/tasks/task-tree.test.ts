// The task list's tree logic (renderer/src/tasks/task-tree.ts) over tasks parsed by the real parser.
import { describe, expect, it } from 'vitest';
import { parseTasks } from '../../../shared/specs/tasks-markdown';
import { countTasks, taskKeys, visibleRows } from '../../../renderer/src/tasks/task-tree';

const FILE = '.kiro/specs/demo/tasks.md';
const TEXT = `# Plan

- [x] 1. Setup
- [ ] 2. Store
- [ ] 2.1 Models
- [-] 2.2 Atomic write
- [ ]* 2.3 Tests
- [ ] 3. Commands
  - [x] 3.1 Add
  - [x] 3.2 Done
`;
const tasks = parseTasks(TEXT, FILE).tasks;
const ids = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => r.task.id);

describe('the task tree', () => {
  it('shows every task under "all", marking the parents', () => {
    const rows = visibleRows(tasks, 'all', {});
    expect(ids(rows)).toEqual(['1', '2', '2.1', '2.2', '2.3', '3', '3.1', '3.2']);
    expect(rows.filter((r) => r.hasChildren).map((r) => r.task.id)).toEqual(['2', '3']);
  });

  it('hides the descendants of a collapsed parent, and only those', () => {
    expect(ids(visibleRows(tasks, 'all', { '2': true }))).toEqual(['1', '2', '3', '3.1', '3.2']);
  });

  it('keeps a parent that has matching children, so the tree keeps its shape', () => {
    // 3 is open but its children are done: under "done", 3 stays as their parent.
    expect(ids(visibleRows(tasks, 'done', {}))).toEqual(['1', '3', '3.1', '3.2']);
    expect(ids(visibleRows(tasks, 'open', {}))).toEqual(['2', '2.1', '2.2', '2.3', '3']);
  });

  it('counts done, in progress, open and optional tasks', () => {
    expect(countTasks(tasks)).toEqual({ total: 8, done: 3, inProgress: 1, open: 5, optional: 1 });
  });

  it('keys tasks by ID, telling repeated IDs apart, so keys survive lines moving', () => {
    const moved = parseTasks(`\n\n\n${TEXT}`, FILE).tasks;
    expect(taskKeys(moved)).toEqual(taskKeys(tasks));
    const repeated = parseTasks('- [ ] 1. A\n- [ ] 1. B\n', FILE).tasks;
    expect(taskKeys(repeated)).toEqual(['1', '1#1']);
  });
});
