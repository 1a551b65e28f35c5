// A max-heap of the numbers 0 .. n-1 by a key each, equal keys smaller number first, for
// quick-open's best-bound-first pass over folders: built in linear time, and only its top's key
// ever changes (it only drops).
export class FolderHeap {
  private readonly items: Int32Array;
  private count: number;

  constructor(
    n: number,
    /** The key of each number; the caller lowers the top's key through lowerTop. */
    readonly keys: Float64Array,
  ) {
    this.items = new Int32Array(n);
    for (let i = 0; i < n; i++) this.items[i] = i;
    this.count = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.count;
  }

  peek(): number {
    return this.items[0]!;
  }

  pop(): number {
    const top = this.items[0]!;
    this.items[0] = this.items[--this.count]!;
    this.down(0);
    return top;
  }

  /** Lowers the top's key and moves it to its place. */
  lowerTop(key: number): void {
    this.keys[this.items[0]!] = key;
    this.down(0);
  }

  private down(at: number): void {
    const { items, keys } = this;
    const item = items[at]!;
    const key = keys[item]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.count) break;
      const right = child + 1;
      if (right < this.count) {
        const kc = keys[items[child]!]!;
        const kr = keys[items[right]!]!;
        if (kr > kc || (kr === kc && items[right]! < items[child]!)) child = right;
      }
      const kc = keys[items[child]!]!;
      if (!(kc > key || (kc === key && items[child]! < item))) break;
      items[at] = items[child]!;
      at = child;
    }
    items[at] = item;
  }
}
