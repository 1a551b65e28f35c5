// Clearing the search box clears the results, even when the search typed before is still running:
// its late answer must not bring back results for a query that is no longer there. The API is the
// renderer's boundary: it is stood in for by an ApiClient whose search.text answers when told.
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import type { TextSearchResult } from '../../../shared/api/contract';

const { setApi } = await import('../../../renderer/src/api/client-instance');
const { useSearch } = await import('../../../renderer/src/stores/search-store');

describe('search store', () => {
  it('drops the answer of a search whose query was cleared meanwhile', async () => {
    let answer: ((result: TextSearchResult) => void) | null = null;
    setApi({
      call: (async (method: string) => {
        if (method === 'search.text') return new Promise<TextSearchResult>((resolve) => (answer = resolve));
        throw new Error(`unexpected call ${method}`);
      }) as ApiClient['call'],
      on: () => () => {},
    });
    useSearch.getState().setQuery('sessionCache');
    const running = useSearch.getState().run();
    useSearch.getState().setQuery('');
    await useSearch.getState().run();
    expect(answer).not.toBeNull();
    answer!({ files: [], truncated: false } as unknown as TextSearchResult);
    await running;
    expect(useSearch.getState().result).toBeNull();
    expect(useSearch.getState().searching).toBe(false);
  });
});
