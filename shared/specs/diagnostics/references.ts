// References from tasks to requirements: dangling IDs (warning) and free text (info, kept).
import type { Diagnostic, Requirement, Task } from '../model';

export function checkReferences(tasks: readonly Task[], requirements: readonly Requirement[], hasRequirementsDoc: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const known = new Set<string>();
  for (const r of requirements) if (r.kind !== 'scenario') known.add(r.id);
  for (const t of tasks) {
    for (const ref of t.refDetails ?? []) {
      if (ref.kind === 'free') {
        out.push({ severity: 'info', code: 'unresolved-reference', message: `Task ${t.id} refers to "${ref.raw}", which is not a requirement ID; kept as text`, pos: ref.pos });
        continue;
      }
      if (!hasRequirementsDoc) continue;
      const missing = ref.ids.filter((id) => !known.has(id));
      if (missing.length > 0) {
        out.push({
          severity: 'warning',
          code: 'dangling-reference',
          message: `Task ${t.id} refers to ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not in the requirements`,
          pos: ref.pos,
        });
      }
    }
  }
  return out;
}
