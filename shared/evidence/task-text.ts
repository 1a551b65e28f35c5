// A task's own text in its tasks file: its line and the detail lines below it, up to the next task
// or heading (sub-tasks have their own text). Named files and property tags are read from it.
import type { Task } from '../specs/model';

export function taskTexts(text: string, tasks: readonly Task[]): Map<string, string> {
  const lines = text.split(/\r?\n/);
  const starts = [...tasks].sort((a, b) => a.pos.line - b.pos.line);
  const out = new Map<string, string>();
  for (const [i, task] of starts.entries()) {
    const from = task.pos.line - 1;
    const next = starts[i + 1]?.pos.line ?? lines.length + 1;
    const own = [lines[from] ?? ''];
    for (let l = from + 1; l < Math.min(next - 1, from + 200); l++) {
      const line = lines[l]!;
      if (/^#{1,6}\s/.test(line)) break;
      own.push(line);
    }
    // Duplicate IDs (a diagnostic elsewhere): keep both texts.
    out.set(task.id, out.has(task.id) ? `${out.get(task.id)}\n${own.join('\n')}` : own.join('\n'));
  }
  return out;
}
