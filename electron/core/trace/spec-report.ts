// Requirement → tasks → links for one spec, with the coverage figures the task list and
// `specdeck trace` show.
import type { TraceLink, TraceSpecReport } from '../../../shared/api/contract';
import type { Spec } from '../../../shared/specs/model';
import { coverageMode, phaseStoryId } from './format-coverage';
import { referencedRequirementIds } from './hashes';

export function buildSpecReport(spec: Spec, links: readonly TraceLink[], git: boolean): TraceSpecReport {
  const taskIds = new Set(spec.tasks.map((t) => t.id));
  const mode = coverageMode(spec);
  // Tasks that serve a Spec Kit story through their phase heading (not through a reference).
  const viaPhase = new Map<string, string[]>();
  const tasks = spec.tasks.map((task) => {
    const referenced = referencedRequirementIds(spec, task);
    const story = phaseStoryId(spec, task);
    // Served through the heading unless the task also carries the story's own tag (`[US1]`).
    const tagged = story !== null && (task.refDetails ?? []).some((r) => r.ids.includes(story) && /^\[?US\d+\]?$/i.test(r.raw.trim()));
    if (story && !tagged) viaPhase.set(story, [...(viaPhase.get(story) ?? []), task.id]);
    return {
      taskId: task.id,
      key: `${spec.id}/${task.id}`,
      title: task.title,
      state: task.state,
      requirementIds: story && !referenced.includes(story) ? [...referenced, story] : referenced,
      links: links.filter((l) => l.state !== 'orphaned' && l.taskId === task.id),
    };
  });
  // Tasks by the requirement IDs they reference; a criterion's tasks also count for its requirement.
  const tasksByReq = new Map<string, string[]>();
  for (const t of tasks) for (const id of t.requirementIds) tasksByReq.set(id, [...(tasksByReq.get(id) ?? []), t.taskId]);
  const requirements = spec.requirements.map((r) => ({
    id: r.id,
    title: r.title,
    text: r.text,
    kind: r.kind,
    taskIds: [...new Set([...(tasksByReq.get(r.id) ?? []), ...(r.parentId !== null ? (tasksByReq.get(r.parentId) ?? []) : [])])],
    viaPhase: [...new Set([...(viaPhase.get(r.id) ?? []), ...(r.parentId !== null ? (viaPhase.get(r.parentId) ?? []) : [])])],
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
      // OpenSpec tasks cite no requirement: "without tasks" would say nothing true.
      requirementsWithoutTasks: mode === 'not-applicable' ? [] : requirements.filter((r) => !covered(r.id)).map((r) => r.id),
      doneWithoutCode: tasks.filter((t) => t.state === 'done' && t.links.length === 0).map((t) => t.taskId),
      linked: links.filter((l) => l.state === 'linked').length,
      suspect: links.filter((l) => l.state === 'suspect').length,
      orphaned: orphaned.length,
    },
    git,
    coverageMode: mode,
  };
}
