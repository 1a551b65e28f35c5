// The shape of an API handler: validated params in, the method's result out. Each feature's
// handler module provides the methods it owns; the router checks that together they cover all.
import type { z } from 'zod';
import type { apiParams, ApiMethod, ApiResult } from '../../../shared/api/contract';

export type Handler<M extends ApiMethod> = (params: z.output<(typeof apiParams)[M]>) => Promise<ApiResult<M>>;

export type Handlers<M extends ApiMethod = ApiMethod> = { [K in M]: Handler<K> };

/**
 * A service of the open workspace, looked up on every call: `workspace.open` replaces them all,
 * so a handler must never keep one.
 */
export type Current<T> = () => T;
