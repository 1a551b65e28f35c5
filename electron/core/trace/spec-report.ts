// Requirement → tasks → links for one spec, with the coverage figures the task list and
// `specdeck trace` show.
import type { TraceLink, TraceSpecReport } from '../../../shared/api/contract';
import type { Spec } from '../../../shared/specs/model';
import { referencedRequirementIds } from './hashes';

export function buildSpecReport(spec: Spec, links: readonly TraceLink[], git: boolean): TraceSpecReport {
  const taskIds = new Set(spec.tasks.map((t) => t.id));
  const tasks = spec.tasks.map((task) => ({
    taskId: task.id,
    key: `${spec.id}/${task.id}`,
    title: task.title,
    state: task.state,
    requirementIds: referencedRequirementIds(spec, task),
    links: links.filter((l) => l.state !== 'orphaned' && l.taskId === task.id),
  }));
  // Tasks by the requirement IDs they reference; a criterion's tasks also count for its requirement.
  const tasksByReq = new Map<string, string[]>();
  for (const t of tasks) for (const id of t.requirementIds) tasksByReq.set(id, [...(tasksByReq.get(id) ?? []), t.taskId]);
  const requirements = spec.requirements.map((r) => ({
    id: r.id,
    title: r.title,
    taskIds: [...new Set([...(tasksByReq.get(r.id) ?? []), ...(r.parentId !== null ? (tasksByReq.get(r.parentId) ?? []) : [])])],
  }));
  const coveredIds = new Set(requirements.filter((r) => r.taskIds.length > 0).map((r) => r.id));
  // A requirement counts as covered when it or one of its criteria is referenced.
  for (const r of spec.requirements) if (r.parentId !== null && coveredIds.has(r.id)) coveredIds.add(r.parentId);
  const covered = (id: string) => coveredIds.has(id);
  const orphaned = links.filter((l) => l.state === 'orphaned' || !taskIds.has(l.taskId));
  return {
    specId: spec.id,
    requirements,
    tasks,
    orphaned,
    coverage: {
      requirementsWithoutTasks: requirements.filter((r) => !covered(r.id)).map((r) => r.id),
      doneWithoutCode: tasks.filter((t) => t.state === 'done' && t.links.length === 0).map((t) => t.taskId),
      linked: links.filter((l) => l.state === 'linked').length,
      suspect: links.filter((l) => l.state === 'suspect').length,
      orphaned: orphaned.length,
    },
    git,
  };
}
