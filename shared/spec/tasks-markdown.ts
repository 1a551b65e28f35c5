// Reads checkbox task lines (`- [ ] 2.1 Title`) from a tasks document. First slice: Kiro shapes.
import type { Task, TaskState } from './model';

const TASK_LINE = /^([ \t]*)[-*+] \[(.)\](\\?\*)?[ \t]+(.*)$/;
const NUMBERED_TITLE = /^(\d+(?:\.\d+)*)\.?(\*)?[ \t]+(.*)$/;

export function stateOf(char: string): TaskState {
  if (char === ' ') return 'todo';
  if (char === 'x' || char === 'X') return 'done';
  if (char === '-') return 'in-progress';
  return 'unknown';
}

export function parseTaskLines(text: string, file: string): Task[] {
  const tasks: Task[] = [];
  let offset = 0;
  let lineNo = 0;
  for (const rawLine of text.split('\n')) {
    lineNo++;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const m = TASK_LINE.exec(line);
    if (m) {
      const indent = m[1] ?? '';
      const rest = m[4] ?? '';
      const numbered = NUMBERED_TITLE.exec(rest);
      const id = numbered ? numbered[1]! : `L${lineNo}`;
      const stateColumn = indent.length + 3; // `- [` then the state character
      tasks.push({
        id,
        numbered: numbered !== null,
        title: numbered ? numbered[3]! : rest,
        state: stateOf(m[2]!),
        stateChar: m[2]!,
        optional: Boolean(m[3]) || Boolean(numbered?.[2]),
        depth: 0,
        parentId: null,
        refs: [],
        pos: { file, line: lineNo, column: indent.length + 1 },
        stateOffset: offset + stateColumn,
        tags: [],
      });
    }
    offset += rawLine.length + 1;
  }
  return tasks;
}
