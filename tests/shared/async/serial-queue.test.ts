import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../../shared/async/serial-queue';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('SerialQueue', () => {
  it('runs one piece at a time, in the order queued', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const gate = deferred<void>();
    const a = queue.run(async () => {
      log.push('a starts');
      await gate.promise;
      log.push('a ends');
      return 'a';
    });
    const b = queue.run(() => {
      log.push('b runs');
      return 'b';
    });
    await Promise.resolve();
    expect(log).toEqual(['a starts']); // b waits although it is synchronous
    gate.resolve();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('a failure rejects only its own promise; the next piece still runs', async () => {
    const queue = new SerialQueue();
    const failing = queue.run(() => Promise.reject(new Error('boom')));
    const thrown = queue.run(() => {
      throw new Error('sync boom');
    });
    const next = queue.run(() => 42);
    await expect(failing).rejects.toThrow('boom');
    await expect(thrown).rejects.toThrow('sync boom');
    expect(await next).toBe(42);
  });
});
