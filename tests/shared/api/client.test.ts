// The client turns transport outcomes back into results and typed ApiErrors.
import { describe, expect, it } from 'vitest';
import { createApiClient, type Transport } from '../../../shared/api/client';
import { ApiError } from '../../../shared/api/errors';
import type { Outcome } from '../../../shared/api/wire';

function transportAnswering(outcome: Outcome) {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const calls: [string, unknown][] = [];
  const transport: Transport = {
    async call(method, params) {
      calls.push([method, params]);
      return outcome;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, calls, emit: (event: string, payload: unknown) => listeners.forEach((l) => l(event, payload)) };
}

describe('createApiClient', () => {
  it('passes method and params through and returns the result', async () => {
    const { transport, calls } = transportAnswering({ ok: true, result: { root: '/w', name: 'w' } });
    await expect(createApiClient(transport).call('workspace.info', {})).resolves.toEqual({ root: '/w', name: 'w' });
    expect(calls).toEqual([['workspace.info', {}]]);
  });

  it('throws an ApiError with the code and field of an error outcome', async () => {
    const { transport } = transportAnswering({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'bad path', field: 'path' } });
    const error = await createApiClient(transport).call('fs.read', { path: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'path', message: 'bad path' });
  });

  it('maps a malformed error to INTERNAL rather than trusting it', async () => {
    const { transport } = transportAnswering({ ok: false, error: { code: 'NOPE', message: 1 } as never });
    await expect(createApiClient(transport).call('specs.list', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('delivers only the subscribed event, until unsubscribed', () => {
    const { transport, emit } = transportAnswering({ ok: true, result: null });
    const seen: unknown[] = [];
    const off = createApiClient(transport).on('files.changed', (p) => seen.push(p));
    emit('specs.changed', { specIds: [] });
    emit('files.changed', { paths: ['a'] });
    off();
    emit('files.changed', { paths: ['b'] });
    expect(seen).toEqual([{ paths: ['a'] }]);
  });
});
