import { describe, expect, it } from 'vitest';
import { parseTasks } from '../../../shared/specs/tasks-markdown';

const ids = (text: string, format?: Parameters<typeof parseTasks>[2]) => parseTasks(text, 't.md', format).tasks;

describe('Kiro task lines', () => {
  it('reads states [ ], [x], [X], [-], [~] (in progress in Kiro) and keeps any other character as unknown', () => {
    const tasks = ids('- [ ] 1. a\n- [x] 2. b\n- [X] 3. c\n- [-] 4. d\n- [~] 5. e\n- [?] 6. f');
    expect(tasks.map((t) => [t.state, t.stateChar])).toEqual([
      ['todo', ' '], ['done', 'x'], ['done', 'X'], ['in-progress', '-'], ['in-progress', '~'], ['unknown', '?'],
    ]);
  });

  it('reads the three optional markers: ]*, ]\\*, N.M*', () => {
    const tasks = ids('- [ ] 1. parent\n  - [ ]* 1.1 a\n  - [ ]\\* 1.2 b\n  - [ ] 1.3* c\n  - [ ] 1.4 d');
    expect(tasks.map((t) => [t.id, t.optional, t.title])).toEqual([
      ['1', false, 'parent'], ['1.1', true, 'a'], ['1.2', true, 'b'], ['1.3', true, 'c'], ['1.4', false, 'd'],
    ]);
  });

  it('takes hierarchy from the number first: sub-tasks at column 0 still nest', () => {
    const tasks = ids('- [ ] 1. A\n- [ ] 1.1 a\n- [ ] 1.1.1 deep\n- [ ] 2. B\n- [ ] 2.1 b');
    expect(tasks.map((t) => [t.id, t.parentId, t.depth])).toEqual([
      ['1', null, 0], ['1.1', '1', 1], ['1.1.1', '1.1', 2], ['2', null, 0], ['2.1', '2', 1],
    ]);
  });

  it('takes hierarchy from indentation when the number names no earlier task', () => {
    const tasks = ids('- [ ] Setup\n  - [ ] child one\n    - [ ] grandchild\n  - [ ] child two\n- [ ] 3.1 orphan');
    expect(tasks.map((t) => [t.id, t.parentId, t.depth])).toEqual([
      ['L1', null, 0], ['L2', 'L1', 1], ['L3', 'L2', 2], ['L4', 'L1', 1], ['3.1', null, 0],
    ]);
    expect(tasks[0]!.numbered).toBe(false);
  });

  it('accepts alphanumeric IDs (15A.1) and Spec Kit IDs with suffixes (T033a)', () => {
    expect(ids('- [ ] 15A. x\n  - [ ] 15A.1 y').map((t) => [t.id, t.parentId])).toEqual([['15A', null], ['15A.1', '15A']]);
    expect(ids('- [ ] T033a [P] [US2] thing', 'speckit').map((t) => [t.id, t.tags, t.refs])).toEqual([['T033a', ['P', 'US2'], ['US2']]]);
  });

  it('reads bold IDs with a colon (`**T-1.1**: Title`)', () => {
    expect(ids('- [x] **T-1.1**: Add model').map((t) => [t.id, t.title])).toEqual([['T-1.1', 'Add model']]);
  });

  it('reads references under a task: _Requirements_, localised, Validates, ranges, All, free text', () => {
    const tasks = ids([
      '- [ ] 1. A',
      '  - detail',
      '  - _Requirements: 1.1, 2.3_',
      '- [ ] 2. B',
      '  - _需求: 3.1、3.2_',
      '  - **Validates: Requirements 4.2, 4.3**',
      '- [ ] 3. C',
      '  - _Requirements: 1.1-1.3, All, see the design_',
    ].join('\n'));
    expect(tasks.map((t) => t.refs)).toEqual([['1.1', '2.3'], ['3.1', '3.2', '4.2', '4.3'], ['1.1', '1.2', '1.3', 'All', 'see the design']]);
    expect(tasks[2]!.refDetails!.map((r) => r.kind)).toEqual(['range', 'all', 'free']);
    expect(tasks[0]!.refDetails![0]!.pos).toEqual({ file: 't.md', line: 3, column: 20 });
  });

  it('ignores checkboxes in fenced code blocks and says so', () => {
    const r = parseTasks('- [ ] 1. real\n```md\n- [ ] 2. example\n```\n~~~\n- [x] 3. example\n~~~\n- [ ] 4. real', 't.md');
    expect(r.tasks.map((t) => t.id)).toEqual(['1', '4']);
    expect(r.fencedCheckboxes).toBe(2);
    expect(r.diagnostics.filter((d) => d.code === 'task-in-code-fence')).toHaveLength(2);
  });

  it("reads OpenSpec ordered-list tasks and keeps the group heading as the section", () => {
    const tasks = ids('## 1. Group\n1. [x] 1.1 first\n2. [ ] 1.2 second', 'openspec-change');
    expect(tasks.map((t) => [t.id, t.state, t.section])).toEqual([['1.1', 'done', '1. Group'], ['1.2', 'todo', '1. Group']]);
  });

  it("does not read Spec Kit's `- [P] tasks = …` legend as a task", () => {
    expect(ids('- [P] tasks = different files\n- [ ] T001 [P] real', 'speckit').map((t) => t.id)).toEqual(['T001']);
  });

  it('reports a sub-task under the wrong parent number', () => {
    const r = parseTasks('- [ ] 1. A\n- [ ] 2. B\n  - [ ] 1.1 misplaced', 't.md');
    expect(r.diagnostics.map((d) => [d.code, d.pos.line])).toEqual([['task-wrong-parent', 3]]);
    expect(r.tasks[2]!.parentId).toBe('1');
  });

  it('a heading starts a new context: group headings do not make wrong-parent reports', () => {
    const r = parseTasks('- [ ] 12.5 last of 12\n## 13. Group\n### 13.1 Page\n- [x] 13.1.1 a\n- [x] 13.1.2 b', 't.md');
    expect(r.diagnostics).toEqual([]);
    expect(r.tasks.map((t) => t.parentId)).toEqual([null, null, null]);
  });

  it('records the position and the offset of the state character (after a BOM too)', () => {
    const text = '\ufeff# T\r\n\t- [ ] 1. a';
    const [t] = parseTasks(text, 't.md').tasks;
    expect(t!.pos).toEqual({ file: 't.md', line: 2, column: 2 });
    expect(text[t!.stateOffset]).toBe(' ');
    expect(text.slice(t!.stateOffset - 1, t!.stateOffset + 2)).toBe('[ ]');
  });
});
