// References from tasks to requirements: dangling IDs (warning) and free text (info, kept).
// A reference written once for a whole section is shared by its tasks and reported once.
import type { Diagnostic, Requirement, Task, TaskRef } from '../model';
import { taskName } from './task-name';

export function checkReferences(tasks: readonly Task[], requirements: readonly Requirement[], hasRequirementsDoc: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const known = new Set<string>();
  for (const r of requirements) if (r.kind !== 'scenario') known.add(r.id);
  const seen = new Set<TaskRef>();
  for (const t of tasks) {
    for (const ref of t.refDetails ?? []) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      // A section's reference stands above its first task.
      const who = () => (ref.pos.line < t.pos.line ? `The tasks under "${t.section ?? 'the top of the file'}" refer` : `Task ${taskName(t)} refers`);
      if (ref.kind === 'free') {
        out.push({ severity: 'info', code: 'unresolved-reference', message: `${who()} to "${ref.raw}", which is not a requirement ID; kept as text`, pos: ref.pos });
        continue;
      }
      if (!hasRequirementsDoc) continue;
      const missing = ref.ids.filter((id) => !known.has(id));
      if (missing.length > 0) {
        out.push({
          severity: 'warning',
          code: 'dangling-reference',
          message: `${who()} to ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not in the requirements`,
          pos: ref.pos,
        });
      }
    }
  }
  return out;
}
