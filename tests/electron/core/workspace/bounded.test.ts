import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../../../electron/core/workspace/bounded';

describe('mapBounded', () => {
  it('keeps the items order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const items = Array.from({ length: 50 }, (_, i) => i);
    const out = await mapBounded(items, 4, async (n) => {
      running++;
      peak = Math.max(peak, running);
      // Later items finish first: the order of results must still follow the items.
      await new Promise((r) => setImmediate(r));
      if (n % 2 === 0) await new Promise((r) => setImmediate(r));
      running--;
      return n * 2;
    });
    expect(out).toEqual(items.map((n) => n * 2));
    expect(peak).toBe(4);
  });

  it('answers an empty list and passes a throw on', async () => {
    expect(await mapBounded([], 8, async () => 1)).toEqual([]);
    await expect(mapBounded([1, 2, 3], 2, async (n) => { if (n === 2) throw new Error('bad 2'); return n; })).rejects.toThrow('bad 2');
  });
});
