// The API's one implementation. Transports hand it a method name and raw params and send back the
// Outcome it returns; validation and error mapping happen here, once, for every transport.
import type { z } from 'zod';
import { apiParams, isApiMethod, type ApiMethod, type ApiParams, type ApiResult } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Outcome } from '../../../shared/api/wire';
import { exceedsDepth } from '../../../shared/json/read-limited';
import type { IndexService } from '../index/index-service';
import type { SpecService } from '../specs/spec-service';
import type { TraceService } from '../trace/trace-service';
import { apiErrorFromFs } from '../workspace/fs-errors';
import type { IgnoreRules } from '../workspace/ignore-rules';
import type { Workspace } from '../workspace/workspace';
import { fileHandlers } from './file-handlers';
import { gitHandlers } from './git-handlers';
import type { Handlers } from './handler-types';
import { indexHandlers } from './index-handlers';
import { specHandlers } from './spec-handlers';
import { traceHandlers } from './trace-handlers';
import { uiHandlers } from './ui-handlers';
import type { UiStateStore } from '../storage/ui-state-store';
import { evidenceHandlers } from './evidence-handlers';
import type { EvidenceService } from '../evidence/evidence-service';
import { workspaceHandlers, type WorkspaceSwitch } from './workspace-handlers';

/**
 * Deepest result a transport is asked to carry. JSON.stringify (WebSocket) and structured clone
 * (IPC) recurse; a result built from hostile input must fail as its own call, not overflow there.
 */
export const MAX_RESULT_DEPTH = 1000;

export interface Router {
  dispatch(method: string, params: unknown): Promise<Outcome>;
}

/**
 * What the router serves (the Session is one): the open workspace's services, read on every
 * call because opening another folder replaces them.
 */
export interface RouterServices extends WorkspaceSwitch {
  readonly workspace: Workspace;
  readonly rules: IgnoreRules;
  readonly specs: SpecService;
  readonly index: IndexService | null;
  readonly trace: TraceService;
  readonly evidence: EvidenceService;
  traceIfPresent(): TraceService | null;
  readonly uiState: UiStateStore;
}

export function createRouter(services: RouterServices, log: (message: string) => void = console.error): Router {
  const workspace = () => services.workspace;
  const handlers: Handlers = {
    ...workspaceHandlers(services),
    ...fileHandlers({ workspace, rules: () => services.rules, traceIfPresent: () => services.traceIfPresent(), log }),
    ...specHandlers(() => services.specs),
    ...indexHandlers(() => services.index),
    ...gitHandlers(workspace),
    ...traceHandlers({ trace: () => services.trace, workspace }),
    ...uiHandlers(() => services.uiState),
    ...evidenceHandlers({ evidence: () => services.evidence, specs: () => services.specs, workspace }),
  };

  return {
    async dispatch(method, params) {
      try {
        if (!isApiMethod(method)) throw new ApiError('INVALID_ARGUMENT', `Unknown method: ${String(method)}`, 'method');
        const parsed = apiParams[method].safeParse(params ?? {});
        if (!parsed.success) throw invalidArgument(parsed.error);
        const handler = handlers[method] as (p: unknown) => Promise<unknown>;
        const result = await handler(parsed.data);
        if (exceedsDepth(result, MAX_RESULT_DEPTH)) {
          log(`specdeck: the result of ${method} nests deeper than ${MAX_RESULT_DEPTH} levels; not sent`);
          return { ok: false, error: { code: 'INTERNAL', message: `The result of ${method} nests deeper than ${MAX_RESULT_DEPTH} levels and cannot be sent` } };
        }
        return { ok: true, result };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error: error.toData() };
        const subject = subjectOf(params);
        const fsError = apiErrorFromFs(error, subject?.value, subject?.field);
        if (fsError) return { ok: false, error: fsError.toData() };
        log(`specdeck: internal error in ${String(method)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
      }
    },
  };
}

/** The path a call was about, as the caller wrote it, to name in a file-system error. */
function subjectOf(params: unknown): { field: string; value: string } | undefined {
  const p = params as Record<string, unknown> | null;
  for (const field of ['path', 'dir']) {
    const value = p?.[field];
    if (typeof value === 'string') return { field, value };
  }
  return undefined;
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
