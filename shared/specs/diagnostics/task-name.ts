// How a diagnostic names a task: as the file names it. A numbered task by its ID; a checkbox
// without a number we read by the label it starts with (`TASK-1.4.2`) or its words, and its line.
import type { Task } from '../model';

const LABEL = /^\**([A-Z][A-Za-z]{0,8}-\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*)\b/;

export function taskName(t: Task): string {
  if (t.numbered) return t.id;
  const label = LABEL.exec(t.title);
  if (label) return `${label[1]} (line ${t.pos.line})`;
  const words = t.title.replace(/[*_`~]/g, '').trim();
  const short = words.length > 40 ? `${words.slice(0, 40).trimEnd()}…` : words;
  return short ? `"${short}" (line ${t.pos.line})` : `on line ${t.pos.line}`;
}
