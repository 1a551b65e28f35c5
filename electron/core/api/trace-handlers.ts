// The `trace.*` methods: thin wrappers over the workspace's trace service.
import type { TraceService } from '../trace/trace-service';
import type { Workspace } from '../workspace/workspace';
import type { Current, Handlers } from './handler-types';

type TraceMethod = 'trace.active' | 'trace.start' | 'trace.stop' | 'trace.taskLinks' | 'trace.fileLinks' | 'trace.spec' | 'trace.accept' | 'trace.trailer' | 'trace.installHook';

export interface TraceServices {
  /** Opens (or creates) the workspace's link store on first use. */
  trace: Current<TraceService>;
  workspace: Current<Workspace>;
}

export function traceHandlers({ trace, workspace }: TraceServices): Handlers<TraceMethod> {
  return {
    'trace.active': async () => trace().active(),
    'trace.start': async ({ specId, taskId, expectedHash }) => trace().start(specId, taskId, expectedHash),
    'trace.stop': async ({ complete, expectedHash }) => trace().stop(complete, expectedHash),
    'trace.taskLinks': async ({ specId, taskId }) => trace().taskLinks(specId, taskId),
    'trace.fileLinks': async ({ path }) => {
      await workspace().resolve(path); // OUTSIDE_WORKSPACE for paths that escape
      return trace().fileLinks(path);
    },
    'trace.spec': async ({ specId }) => trace().specReport(specId),
    'trace.accept': async ({ linkIds }) => trace().accept(linkIds),
    'trace.trailer': async () => ({ trailer: await trace().trailer() }),
    'trace.installHook': async () => trace().installHook(),
  };
}
