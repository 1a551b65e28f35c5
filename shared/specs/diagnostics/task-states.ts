// A parent done while required children are open, and the reverse (all required children done,
// the parent not). Optional children never hold a parent back.
import type { Diagnostic, Task } from '../model';
import { taskName } from './task-name';

export function checkParentStates(tasks: readonly Task[]): Diagnostic[] {
  const children = childrenByParent(tasks);
  const out: Diagnostic[] = [];
  for (const parent of tasks) {
    const kids = children.get(parent)?.filter((c) => !c.optional) ?? [];
    if (kids.length === 0) continue;
    const open = kids.filter((c) => c.state !== 'done');
    if (parent.state === 'done' && open.length > 0) {
      out.push({
        severity: 'warning',
        code: 'parent-done-children-open',
        message: `Task ${taskName(parent)} is done but ${open.length} required sub-task(s) are not: ${open.slice(0, 5).map(taskName).join(', ')}${open.length > 5 ? ', …' : ''}`,
        pos: parent.pos,
      });
    } else if (parent.state !== 'done' && open.length === 0) {
      out.push({ severity: 'info', code: 'children-done-parent-open', message: `Every required sub-task of ${taskName(parent)} is done, but ${taskName(parent)} is not`, pos: parent.pos });
    }
  }
  return out;
}

/** Children by parent task object (IDs may repeat, so the link is resolved by position). */
export function childrenByParent(tasks: readonly Task[]): Map<Task, Task[]> {
  const map = new Map<Task, Task[]>();
  const latest = new Map<string, Task>();
  for (const t of tasks) {
    if (t.parentId !== null) {
      const parent = latest.get(t.parentId);
      if (parent) {
        const list = map.get(parent);
        if (list) list.push(t);
        else map.set(parent, [t]);
      }
    }
    latest.set(t.id, t);
  }
  return map;
}
