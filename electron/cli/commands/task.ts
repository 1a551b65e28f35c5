import { ApiError } from '../../../shared/api/errors';
import { defineCommand, UsageError } from '../command';
import { withSession } from '../open-folder';
import { resolveSpecId } from '../spec-args';

const STATES = ['todo', 'in-progress', 'done'] as const;
type Settable = (typeof STATES)[number];

export const taskCommand = defineCommand({
  name: 'task',
  summary: "Set one task's state in its tasks file (only the state character changes)",
  usage: 'specdeck task <folder> <spec-id> <task-id> --set todo|in-progress|done [--complete-parents]',
  options: { set: { type: 'string' }, 'complete-parents': { type: 'boolean' } },
  positionals: ['folder', 'spec id', 'task id'],
  async run({ values, positionals, io }) {
    const state = values.set as Settable | undefined;
    if (state === undefined || !STATES.includes(state)) throw new UsageError(`--set must be one of ${STATES.join(', ')}`);
    const [dir, specId, taskId] = positionals as [string, string, string];
    return withSession(dir, async (session) => {
      const spec = resolveSpecId(await session.specs.list(), specId);
      const { spec: full, tasksHash } = await session.specs.get(spec.id);
      if (!full.tasksFile || tasksHash === null) throw new ApiError('NOT_FOUND', `Spec ${spec.id} has no readable tasks file`);
      const before = new Map(full.tasks.map((t) => [t.pos.line, t.state]));
      const after = await session.specs.setTaskState(spec.id, taskId, state, tasksHash, { completeParents: values['complete-parents'] === true });
      const changed = after.spec.tasks.filter((t) => before.get(t.pos.line) !== t.state);
      if (changed.length === 0) io.out(`${taskId} was already ${state}; ${full.tasksFile} is unchanged`);
      for (const t of changed) io.out(`${full.tasksFile}:${t.pos.line}: ${t.id} ${t.title} → ${t.state}`);
      if (after.recovered) io.err(`specdeck task: ${after.recovered.message}`);
      return 0;
    });
  },
});
