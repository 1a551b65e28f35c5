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
  return coverageOf(tasks, coverageUnits(requirements));
}

function coverageOf(tasks: readonly Task[], units: Requirement[]): { coverage: Coverage; uncovered: Requirement[] } {
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

// Units of one group are cited together or not at all: Kiro requirements and their criteria,
// Spec Kit user stories, Spec Kit functional requirements.
const GROUP: Record<string, string> = { requirement: 'requirements', criterion: 'requirements', 'user-story': 'user stories', functional: 'functional requirements' };

/**
 * One `uncovered-requirement` per unit no task names. When the tasks name no unit of a group at
 * all (a tasks file that cites nothing, Spec Kit tasks tagged by story but never by FR-), listing
 * each unit says nothing the one `no-task-cites-requirements` info does not.
 */
export function checkCoverage(tasks: readonly Task[], requirements: readonly Requirement[]): Diagnostic[] {
  if (tasks.length === 0) return [];
  const units = coverageUnits(requirements);
  const { uncovered } = coverageOf(tasks, units);
  const open = new Set(uncovered);
  const byGroup = new Map<string, Requirement[]>();
  for (const u of units) {
    const g = GROUP[u.kind]!;
    const list = byGroup.get(g);
    if (list) list.push(u);
    else byGroup.set(g, [u]);
  }
  const out: Diagnostic[] = [];
  const file = tasks[0]!.pos.file;
  for (const [group, list] of byGroup) {
    if (list.every((u) => open.has(u))) {
      out.push({
        severity: 'info',
        code: 'no-task-cites-requirements',
        message: `No task cites any of the ${list.length} ${group}, so their coverage is not known (cite them with _Requirements: …_${group.includes('user') ? ' or [USn]' : ''})`,
        pos: { file, line: 1, column: 1 },
      });
      continue;
    }
    for (const r of list) {
      if (!open.has(r)) continue;
      out.push({
        severity: 'info',
        code: 'uncovered-requirement',
        message: `${r.kind === 'criterion' ? 'Criterion' : 'Requirement'} ${r.id} is not referenced by any task`,
        pos: r.pos,
      });
    }
  }
  return out;
}
