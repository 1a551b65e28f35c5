// The one client interface the renderer (and tests) use, whatever carries the messages.
import { ApiError, isApiErrorData } from './errors';
import type { ApiEvent, ApiEvents, ApiMethod, ApiParams, ApiResult } from './contract';
import type { Outcome } from './wire';

export interface ApiClient {
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** What a transport must provide: send a call and get its outcome; deliver events. */
export interface Transport {
  call(method: string, params: unknown): Promise<Outcome>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, params) {
      const outcome = await transport.call(method, params);
      if (outcome.ok) return outcome.result as never;
      throw isApiErrorData(outcome.error)
        ? ApiError.fromData(outcome.error)
        : new ApiError('INTERNAL', 'malformed error from the transport');
    },
    on(event, listener) {
      return transport.onEvent((name, payload) => {
        if (name === event) listener(payload as never);
      });
    },
  };
}
