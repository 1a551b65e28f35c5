// `specs.*` and `tasks.setState`: the spec list, one spec, every diagnostic, and ticking a task.
import type { SpecService } from '../specs/spec-service';
import type { Current, Handlers } from './handler-types';

export function specHandlers(specs: Current<SpecService>): Handlers<'specs.list' | 'specs.get' | 'tasks.setState' | 'specs.diagnostics'> {
  return {
    'specs.diagnostics': async () => {
      const service = specs();
      const [all, workspace] = await Promise.all([service.all(), service.workspaceDiagnostics()]);
      // Findings of no one spec (settings, OpenSpec root configs) carry an empty specId, as in `check`.
      return [...all.flatMap((spec) => spec.diagnostics.map((d) => ({ ...d, specId: spec.id }))), ...workspace.map((d) => ({ ...d, specId: '' }))];
    },
    'specs.list': async () => specs().list(),
    'specs.get': async ({ specId }) => specs().get(specId),
    'tasks.setState': async ({ specId, taskId, state, expectedHash, completeParents }) =>
      specs().setTaskState(specId, taskId, state, expectedHash, { completeParents: completeParents ?? false }),
  };
}
