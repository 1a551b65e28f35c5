// Duplicate task IDs (an edit by ID would be ambiguous) and duplicate requirement IDs. One finding
// per mistake: a requirement heading written twice is one error, not one more per criterion under
// it (their IDs repeat only because the heading does).
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
  // The repeated requirement whose criteria are being read (their duplicates follow from it).
  let repeatedParent: string | null = null;
  for (const r of requirements) {
    if (r.kind === 'scenario') continue;
    // Capability, delta and ID joined by NULs; the bare ID when the first two are empty (a key
    // with no NUL cannot equal a joined one, so the same requirements share a key either way).
    const key = !r.capability && !r.delta && r.id.indexOf('\u0000') === -1 ? r.id : `${r.capability ?? ''}\u0000${r.delta ?? ''}\u0000${r.id}`;
    const first = seenReqs.get(key);
    if (r.kind !== 'criterion') repeatedParent = first ? r.id : null;
    if (first) {
      if (r.kind === 'criterion' && r.parentId !== null && r.parentId === repeatedParent) continue;
      out.push({ severity: 'error', code: 'duplicate-requirement-id', message: `Requirement ID ${r.id} is used again (first at ${first.pos.file}:${first.pos.line})`, pos: r.pos });
    } else seenReqs.set(key, r);
  }
  return out;
}
