// Runs async work one piece at a time, in the order it was queued. A piece that fails rejects its
// own promise only: the next one still runs.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Queues `work` behind everything queued before; resolves or rejects with its outcome. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => {});
    return result;
  }
}
