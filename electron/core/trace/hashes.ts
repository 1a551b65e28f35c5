// The hashes a link is stamped with (Doorstop-style): the linked lines, the task's text and the
// text of the requirements it references. A link is suspect when a current hash differs.
import { createHash } from 'node:crypto';
import type { Spec, Task } from '../../../shared/specs/model';

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Hash of lines [startLine, endLine] (1-based, inclusive); whitespace at line ends ignored. */
export function hashLines(lines: readonly string[], startLine: number, endLine: number): string {
  return sha(lines.slice(startLine - 1, endLine).map((l) => l.trimEnd()).join('\n'));
}

/** The task's own text: its title and what it references (its state and position are not its text). */
export function hashTask(task: Task): string {
  return sha(`${task.title}\n${task.refs.join('\n')}`);
}

/** The requirement IDs a task references, resolved (`All` is every requirement). */
export function referencedRequirementIds(spec: Spec, task: Task): string[] {
  const ids = new Set<string>();
  for (const ref of task.refDetails ?? []) {
    if (ref.kind === 'all') for (const r of spec.requirements) ids.add(r.id);
    else for (const id of ref.ids) ids.add(id);
  }
  if (!task.refDetails) for (const id of task.refs) ids.add(id);
  const known = new Set(spec.requirements.map((r) => r.id));
  return [...ids].filter((id) => known.has(id));
}

/** The text of every referenced requirement (and of its criteria), in a stable order. */
export function hashRequirements(spec: Spec, task: Task): string {
  const ids = new Set(referencedRequirementIds(spec, task));
  const parts = spec.requirements
    .filter((r) => ids.has(r.id) || (r.parentId !== null && ids.has(r.parentId)))
    .map((r) => `${r.id}\u0000${r.title}\u0000${r.text}`)
    .sort();
  return sha(parts.join('\u0001'));
}
