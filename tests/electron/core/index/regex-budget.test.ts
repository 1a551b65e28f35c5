// Finding 3 of issue 12: a regex search ran on the serving thread with a backtracking engine, so
// `(a+)+$` over a line of `a`s and a `!` froze every connection. It now runs in a worker with a
// time budget: the serving thread stays free, and the search answers QUERY_TOO_EXPENSIVE.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/errors';
import { makeTree, useIndexSandbox } from './helpers';

const sandbox = useIndexSandbox();
// 2^40 backtracking steps: hours, on any machine, so the budget always runs out first.
const EVIL_LINE = `${'a'.repeat(40)}!`;

describe('regex search off the serving thread', () => {
  it('answers a catastrophic backtrack with QUERY_TOO_EXPENSIVE while the serving thread stays free', async () => {
    const root = makeTree({ 'evil.txt': `${EVIL_LINE}\n`, 'ok.txt': 'aaa!\n' });
    const index = sandbox.open(root, { regexBudgetMs: 2000 });
    await index.whenIdle();

    const order: string[] = [];
    const search = index.searchText({ query: '(a+)+$', regex: true }).then(
      () => order.push('search answered'),
      (error: unknown) => {
        order.push('search refused');
        return error;
      },
    );
    // A turn of the event loop: on the serving thread it waited for the whole backtrack.
    await new Promise((resolve) => setTimeout(resolve, 10));
    order.push('serving thread ran');
    // Other work is served meanwhile (not ordered against the budget: under load it may take long).
    expect((await index.searchFiles('ok')).map((h) => h.path)).toContain('ok.txt');

    const error = await search;
    expect(order).toEqual(['serving thread ran', 'search refused']);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', field: 'query' });
  }, 60_000);

  it('serves the next regex search (in a new worker) and reports regex errors as INVALID_ARGUMENT', async () => {
    const root = makeTree({ 'evil.txt': `${EVIL_LINE}\n`, 'ok.txt': 'aaa!\nbbb\n' });
    const index = sandbox.open(root, { regexBudgetMs: 2000 });
    await index.whenIdle();
    await expect(index.searchText({ query: '(a+)+$', regex: true })).rejects.toMatchObject({ code: 'QUERY_TOO_EXPENSIVE' });
    const result = await index.searchText({ query: '^a{3}!$', regex: true });
    expect(result.hits.map((h) => `${h.path}:${h.line}`)).toEqual(['ok.txt:1']);
    await expect(index.searchText({ query: '(unclosed', regex: true })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'query' });
    const again = await index.searchText({ query: 'b+', regex: true });
    expect(again.hits.map((h) => `${h.path}:${h.line}`)).toEqual(['ok.txt:2']);
  }, 60_000);
});
