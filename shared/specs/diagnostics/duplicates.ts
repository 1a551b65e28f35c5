// Duplicate task IDs (an edit by ID would be ambiguous) and duplicate requirement IDs.
import type { Diagnostic, Requirement, Task } from '../model';

export function checkDuplicates(tasks: readonly Task[], requirements: readonly Requirement[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seenTasks = new Map<string, Task>();
  for (const t of tasks) {
    if (!t.numbered) continue;
    const first = seenTasks.get(t.id);
    if (first) {
      out.push({ severity: 'error', code: 'duplicate-task-id', message: `Task ID ${t.id} is used again (first on line ${first.pos.line}); address this one as L${t.pos.line}`, pos: t.pos });
    } else seenTasks.set(t.id, t);
  }
  const seenReqs = new Map<string, Requirement>();
  for (const r of requirements) {
    if (r.kind === 'scenario') continue;
    const key = `${r.capability ?? ''}\u0000${r.delta ?? ''}\u0000${r.id}`;
    const first = seenReqs.get(key);
    if (first) {
      out.push({ severity: 'error', code: 'duplicate-requirement-id', message: `Requirement ID ${r.id} is used again (first at ${first.pos.file}:${first.pos.line})`, pos: r.pos });
    } else seenReqs.set(key, r);
  }
  return out;
}
