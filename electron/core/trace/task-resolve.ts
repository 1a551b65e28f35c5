// Finds the task a link names now. A task keeps its link when renumbered (matched by its title)
// and when its title is edited in place (matched by its ID); otherwise the link is orphaned.
import { ApiError } from '../../../shared/api/errors';
import type { Spec, Task } from '../../../shared/specs/model';
import type { SpecService } from '../specs/spec-service';
import { hashRequirements, hashTask } from './hashes';

export interface TaskStamp {
  spec: Spec;
  task: Task;
  taskHash: string;
  reqHash: string;
}

export function resolveTask(spec: Spec, taskId: string, title: string): Task | null {
  const byId = spec.tasks.filter((t) => t.id === taskId);
  if (byId.length === 1 && byId[0]!.title === title) return byId[0]!;
  const byTitle = title ? spec.tasks.filter((t) => t.title === title) : [];
  if (byTitle.length === 1) return byTitle[0]!;
  if (byId.length === 1) return byId[0]!;
  return null;
}

export function stampOf(spec: Spec, task: Task): TaskStamp {
  return { spec, task, taskHash: hashTask(task), reqHash: hashRequirements(spec, task) };
}

/** Reads specs once per operation (a report touches the same spec many times). */
export class SpecCache {
  private readonly specs = new Map<string, Spec | null>();
  constructor(private readonly service: SpecService) {}

  async get(specId: string): Promise<Spec | null> {
    if (!this.specs.has(specId)) {
      try {
        this.specs.set(specId, (await this.service.get(specId)).spec);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'NOT_FOUND')) throw error;
        this.specs.set(specId, null);
      }
    }
    return this.specs.get(specId) ?? null;
  }

  async stamp(specId: string, taskId: string, title: string): Promise<TaskStamp | null> {
    const spec = await this.get(specId);
    const task = spec ? resolveTask(spec, taskId, title) : null;
    return spec && task ? stampOf(spec, task) : null;
  }
}
