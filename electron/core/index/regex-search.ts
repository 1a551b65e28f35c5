// Regular-expression searches run in their own worker thread with a time budget. JavaScript's
// engine backtracks: `(a+)+$` over a line of 34 `a`s and a `!` ran 15 s on the serving thread,
// freezing every connection. Here such a search only ever costs its own worker, which is ended
// when the budget runs out; the caller gets QUERY_TOO_EXPENSIVE, and the next search a new worker.
import type { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors';
import type { TextSearchResult } from '../../../shared/api/contract';
import type { FromWorker } from './protocol';
import type { TextSearchParams } from './text-search';
import { spawnIndexWorker } from './worker-spawn';

/** Wall time, generous for any real search on a loaded machine (nothing else waits on it but the
 * next search); tiny beside a catastrophic backtrack, which grows twofold per character. */
export const DEFAULT_REGEX_BUDGET_MS = 20_000;

/** The budget: the caller's, else SPECDECK_REGEX_BUDGET_MS (the CLI has no option for it), else the default. */
export function regexBudgetMs(option?: number): number {
  if (option !== undefined) return option;
  const fromEnv = Number(process.env.SPECDECK_REGEX_BUDGET_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_REGEX_BUDGET_MS;
}

export class RegexSearchWorker {
  private worker: Worker | null = null;
  private nextId = 1;

  private readonly budgetMs: number;

  constructor(budgetMs?: number) {
    this.budgetMs = regexBudgetMs(budgetMs);
  }

  /** Runs the search on each shard database (read-only), in order; one result per shard. */
  search(dbPaths: string[], params: TextSearchParams): Promise<TextSearchResult[]> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (message: FromWorker) => {
        if (message.type === 'search-started' && message.id === id) {
          // Timed from here: a new worker's start-up (slow under load, or under tsx) is not the query's cost.
          timer = setTimeout(expire, this.budgetMs);
          return;
        }
        if (message.type !== 'searched' || message.id !== id) return;
        finish();
        if (message.error) reject(ApiError.fromData(message.error));
        else resolve(message.results);
      };
      const onError = (error: Error) => {
        finish();
        this.discard(worker);
        reject(error);
      };
      const onExit = () => onError(new Error('the search worker stopped'));
      const expire = () => {
        finish();
        this.discard(worker);
        reject(
          new ApiError(
            'QUERY_TOO_EXPENSIVE',
            `The regular expression did not finish within ${formatSeconds(this.budgetMs)} s (it may backtrack exponentially, as (a+)+ does); simplify it`,
            'query',
          ),
        );
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ type: 'search', id, dbPaths, params });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    const worker = spawnIndexWorker();
    worker.unref(); // an idle search worker never keeps the process alive
    return worker;
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }
}

function formatSeconds(ms: number): string {
  return ms >= 10_000 ? String(Math.round(ms / 1000)) : String(Math.round(ms / 100) / 10);
}
