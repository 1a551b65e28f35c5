// Many small file reads, a few at a time: one read after another leaves the disk and the thread
// pool idle between them (a 100,000-file tree took minutes), all at once exhausts descriptors.

/** Reads of workspace files in flight at once: enough to keep libuv's pool busy, far below fd limits. */
export const READ_CONCURRENCY = 16;

/**
 * fn over every item with at most `limit` calls running, results in the items' order (callers
 * that add them to ordered sets stay deterministic). A throw rejects the whole map.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
