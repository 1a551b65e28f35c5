// The heap quick-open scores folders from: highest key first, equal keys smaller number first.
import { describe, expect, it } from 'vitest';
import { FolderHeap } from '../../../../electron/core/index/folder-heap';

describe('FolderHeap', () => {
  it('pops by key, highest first, equal keys in number order, and re-places a lowered top', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const n of [0, 1, 2, 7, 100, 1000]) {
      const keys = Float64Array.from({ length: n }, () => Math.floor(random() * 20) / 4);
      const expected = Array.from({ length: n }, (_, i) => i);
      const heap = new FolderHeap(n, keys);
      // Lower a few tops first, as quick-open does when a tighter bound comes in.
      for (let k = 0; k < Math.min(n, 5); k++) heap.lowerTop(keys[heap.peek()]! - 1.5);
      expected.sort((a, b) => keys[b]! - keys[a]! || a - b);
      const popped: number[] = [];
      while (heap.size > 0) popped.push(heap.pop());
      expect(popped).toEqual(expected);
    }
  });
});
