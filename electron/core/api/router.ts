// The API's one implementation. Transports hand it a method name and raw params and send back the
// Outcome it returns; validation and error mapping happen here, once, for every transport.
import { z } from 'zod';
import { apiParams, isApiMethod, type ApiMethod, type ApiParams, type ApiResult } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Outcome } from '../../../shared/api/wire';
import { listDir } from '../workspace/list-dir';
import { readWorkspaceFile } from '../workspace/files';
import type { Session } from '../session';
import { readGitBranch } from '../git/branch';
import { makeWorkspaceDir } from '../workspace/make-dir';
import { saveWithLinks, traceHandlers } from './trace-handlers';

type Handlers = { [M in ApiMethod]: (params: z.output<(typeof apiParams)[M]>) => Promise<ApiResult<M>> };

export interface Router {
  dispatch(method: string, params: unknown): Promise<Outcome>;
}

export function createRouter(session: Session, log: (message: string) => void = console.error): Router {
  const handlers: Handlers = {
    'workspace.info': async () => session.info(),
    'workspace.open': async ({ path }) => session.open(path),
    'fs.list': async ({ dir }) => listDir(session.workspace, session.rules, dir),
    'fs.read': async ({ path }) => readWorkspaceFile(session.workspace, path),
    'fs.write': async ({ path, content, expectedHash }) => saveWithLinks(session, path, content, expectedHash, log),
    'specs.list': async () => session.specs.list(),
    'specs.get': async ({ specId }) => session.specs.get(specId),
    'tasks.setState': async ({ specId, taskId, state, expectedHash, completeParents }) =>
      session.specs.setTaskState(specId, taskId, state, expectedHash, { completeParents: completeParents ?? false }),
    'index.status': async () => requireIndex(session).status(),
    'search.text': async (params) => requireIndex(session).searchText(params),
    'search.files': async ({ query, limit }) => requireIndex(session).searchFiles(query, limit),
    'git.branch': async () => readGitBranch(session.workspace.root),
    'fs.mkdir': async ({ path }) => makeWorkspaceDir(session.workspace, path),
    ...traceHandlers(session),
  };

  return {
    async dispatch(method, params) {
      try {
        if (!isApiMethod(method)) throw new ApiError('INVALID_ARGUMENT', `Unknown method: ${String(method)}`, 'method');
        const parsed = apiParams[method].safeParse(params ?? {});
        if (!parsed.success) throw invalidArgument(parsed.error);
        const handler = handlers[method] as (p: unknown) => Promise<unknown>;
        return { ok: true, result: await handler(parsed.data) };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error: error.toData() };
        log(`specdeck: internal error in ${String(method)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
      }
    },
  };
}

function requireIndex(session: Session) {
  const index = session.index;
  if (!index) throw new ApiError('UNSUPPORTED', 'This session runs without a workspace index');
  return index;
}

function invalidArgument(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : issue?.code === 'unrecognized_keys' ? issue.keys.join(',') : 'params';
  return new ApiError('INVALID_ARGUMENT', `Invalid argument ${field}: ${issue?.message ?? 'invalid'}`, field);
}

/** Typed in-process call, for the CLI and tests: same validation and errors as the transports. */
export async function callDirect<M extends ApiMethod>(router: Router, method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
  const outcome = await router.dispatch(method, params);
  if (outcome.ok) return outcome.result as ApiResult<M>;
  throw ApiError.fromData(outcome.error);
}
