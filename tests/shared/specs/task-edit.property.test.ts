// Property: on generated and mutated task files, parse → set state → parse changes exactly that
// task, and the text differs in exactly that character (or not at all for a no-op).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SettableTaskState, Task } from '../../../shared/specs/model';
import { parseTasks } from '../../../shared/specs/tasks-markdown';
import { setTaskState } from '../../../shared/specs/task-edit';

type Settable = SettableTaskState;
const STATES: Settable[] = ['todo', 'in-progress', 'done'];

const id = fc.oneof(
  fc.constant(''),
  fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }).map((n) => n.join('.') + ' '),
  fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 1 }).map((n) => n.join('.') + '. '),
  fc.integer({ min: 1, max: 999 }).map((n) => `T${String(n).padStart(3, '0')} [P] [US1] `),
  fc.constant('15A.1 '),
);
const taskLine = fc
  .record({
    indent: fc.constantFrom('', '  ', '    ', '\t'),
    bullet: fc.constantFrom('-', '*', '+', '1.', '2)'),
    state: fc.constantFrom(' ', 'x', 'X', '-', '~', '?'),
    optional: fc.constantFrom('', '*', '\\*'),
    id,
    title: fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  })
  .map((l) => `${l.indent}${l.bullet} [${l.state}]${l.optional} ${l.id}${l.title}`);
const otherLine = fc.oneof(
  fc.constantFrom('', '# Tasks', '## Phase 1: Setup', '  - detail', '  - _Requirements: 1.1, 2.3_', '```', '~~~', '- [P] tasks = legend', '- [ ] inside?', '## Task 1: Heading task', '### Task 1.1: Sub heading', '- 2. Main task without a box', '  - _Depends: 1.1_', '  - _Blocked: waiting_'),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
);
const file = fc
  .record({
    bom: fc.boolean(),
    lines: fc.array(fc.oneof({ weight: 3, arbitrary: taskLine }, { weight: 2, arbitrary: otherLine }), { maxLength: 40 }),
    endings: fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 40, maxLength: 40 }),
    trailing: fc.boolean(),
  })
  .map((f) => (f.bom ? '\ufeff' : '') + f.lines.map((l, i) => l + (i < f.lines.length - 1 || f.trailing ? f.endings[i] : '')).join(''));

/** Random small edits: insert, delete or replace characters, including brackets and line breaks. */
const mutated = fc
  .tuple(file, fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom('[', ']', ' ', 'x', '\n', '\r', '-', '*', '`', '\u0000', '\ufffd')), { maxLength: 6 }))
  .map(([text, edits]) => {
    let t = text;
    for (const [at, op, ch] of edits) {
      const i = t.length === 0 ? 0 : at % (t.length + 1);
      if (op === 'insert') t = t.slice(0, i) + ch + t.slice(i);
      else if (op === 'delete') t = t.slice(0, i) + t.slice(i + 1);
      else t = t.slice(0, i) + ch + t.slice(i + 1);
    }
    return t;
  });

function expectedChar(task: Task, state: Settable): string {
  if (state === 'done' && task.state === 'done') return task.stateChar;
  return state === 'todo' ? ' ' : state === 'done' ? 'x' : '-';
}

function checkEdit(text: string, pick: number, state: Settable): void {
  const before = parseTasks(text, 't.md').tasks;
  const boxes = before.filter((t) => t.checkbox !== false);
  fc.pre(boxes.length > 0); // a file with no checkbox has nothing to edit: fast-check draws another
  const task = boxes[pick % boxes.length]!;
  const after = setTaskState(text, task, state);
  const char = expectedChar(task, state);
  // The text differs in exactly that character.
  expect(after.length).toBe(text.length);
  for (let i = 0; i < text.length; i++) {
    if (i === task.stateOffset) expect(after[i]).toBe(char);
    else if (after.charCodeAt(i) !== text.charCodeAt(i)) throw new Error(`byte ${i} changed`);
  }
  // Re-parsing changes exactly that task.
  const reparsed = parseTasks(after, 't.md').tasks;
  expect(reparsed.length).toBe(before.length);
  reparsed.forEach((t, i) => {
    const b = before[i]!;
    if (b === task) {
      expect(t.stateChar).toBe(char);
      expect({ ...t, state: b.state, stateChar: b.stateChar }).toEqual(b);
    } else if (b.checkbox === false) {
      // A task without a checkbox shows its sub-tasks' progress: only its state may follow.
      expect({ ...t, state: b.state }).toEqual(b);
    } else {
      expect(t).toEqual(b);
    }
  });
}

describe('task state edits (property)', () => {
  it('on generated task files', () => {
    fc.assert(fc.property(file, fc.nat(), fc.constantFrom(...STATES), checkEdit), { numRuns: 500 });
  });

  it('on mutated task files', () => {
    fc.assert(fc.property(mutated, fc.nat(), fc.constantFrom(...STATES), checkEdit), { numRuns: 500 });
  });
});
