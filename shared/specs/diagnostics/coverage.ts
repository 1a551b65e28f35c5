// Which requirements no task covers. The units counted are the leaves a task can name: Kiro
// criteria (and requirements without criteria), Spec Kit user stories and FR- items (SC- success
// criteria are outcomes to measure, not work to do). A task naming a requirement covers its
// criteria too; `All` covers everything. OpenSpec tasks do not name requirements: no coverage.
import type { Coverage, Diagnostic, Requirement, Task } from '../model';

const COVERABLE = new Set<Requirement['kind']>(['requirement', 'criterion', 'functional', 'user-story']);

export function coverageUnits(requirements: readonly Requirement[]): Requirement[] {
  // OpenSpec requirements carry their capability; tasks never reference them by name.
  if (requirements.some((r) => r.capability !== undefined)) return [];
  const withChildren = new Set<string>();
  for (const r of requirements) if (r.kind === 'criterion' && r.parentId !== null) withChildren.add(r.parentId);
  return requirements.filter((r) => COVERABLE.has(r.kind) && !(r.kind === 'requirement' && withChildren.has(r.id)));
}

export function computeCoverage(tasks: readonly Task[], requirements: readonly Requirement[]): { coverage: Coverage; uncovered: Requirement[] } {
  const units = coverageUnits(requirements);
  const named = new Set<string>();
  let all = false;
  for (const t of tasks) {
    for (const ref of t.refDetails ?? []) {
      if (ref.kind === 'all') all = true;
      for (const id of ref.ids) named.add(id);
    }
  }
  const uncovered = all ? [] : units.filter((u) => !named.has(u.id) && !(u.parentId !== null && named.has(u.parentId)));
  return { coverage: { covered: units.length - uncovered.length, total: units.length }, uncovered };
}

export function checkCoverage(tasks: readonly Task[], requirements: readonly Requirement[]): Diagnostic[] {
  if (tasks.length === 0) return [];
  return computeCoverage(tasks, requirements).uncovered.map((r) => ({
    severity: 'info' as const,
    code: 'uncovered-requirement',
    message: `${r.kind === 'criterion' ? 'Criterion' : 'Requirement'} ${r.id} is not referenced by any task`,
    pos: r.pos,
  }));
}
