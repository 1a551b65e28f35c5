// The line diff and re-anchoring that keep links on their code.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { diffLines, splitLines, type Hunk } from '../../../../electron/core/trace/line-diff';
import { changedRanges, reanchorRange } from '../../../../electron/core/trace/reanchor';

function applyHunks(a: string[], b: string[], hunks: Hunk[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const h of hunks) {
    out.push(...a.slice(i, h.oldStart), ...b.slice(h.newStart, h.newEnd));
    i = h.oldEnd;
  }
  return [...out, ...a.slice(i)];
}

it('splits lines without terminators, CRLF or LF, with or without a final newline', () => {
  expect(splitLines('a\r\nb\n')).toEqual(['a', 'b']);
  expect(splitLines('a\nb')).toEqual(['a', 'b']);
  expect(splitLines('')).toEqual([]);
});

it('hunks rebuild the new text from the old and touch only changed lines (property)', () => {
  const line = fc.constantFrom('a', 'b', 'c', 'd', '');
  fc.assert(
    fc.property(fc.array(line, { maxLength: 40 }), fc.array(line, { maxLength: 40 }), (a, b) => {
      const hunks = diffLines(a, b);
      expect(applyHunks(a, b, hunks)).toEqual(b);
      // Unchanged lines between hunks really are equal.
      let i = 0;
      let j = 0;
      for (const h of [...hunks, { oldStart: a.length, oldEnd: a.length, newStart: b.length, newEnd: b.length }]) {
        expect(h.oldStart - i).toBe(h.newStart - j);
        for (let k = 0; k < h.oldStart - i; k++) expect(a[i + k]).toBe(b[j + k]);
        i = h.oldEnd;
        j = h.newEnd;
      }
    }),
  );
});

it('finds a minimal diff for a one-line change in a long file', () => {
  const a = Array.from({ length: 1000 }, (_, i) => `line ${i}`);
  const b = [...a];
  b[500] = 'changed';
  b.splice(100, 0, 'inserted');
  expect(diffLines(a, b)).toEqual([
    { oldStart: 100, oldEnd: 100, newStart: 100, newEnd: 101 },
    { oldStart: 500, oldEnd: 501, newStart: 501, newEnd: 502 },
  ]);
  expect(changedRanges(diffLines(a, b))).toEqual([
    { startLine: 101, endLine: 101 },
    { startLine: 502, endLine: 502 },
  ]);
});

it('re-anchors ranges: shifts, grows with insertions inside, shrinks with deletions, ends when all lines go', () => {
  const a = Array.from({ length: 20 }, (_, i) => `l${i + 1}`);
  const range = { startLine: 10, endLine: 12 };
  const move = (b: string[]) => reanchorRange(range, diffLines(a, b));
  expect(move(['x', 'y', ...a])).toEqual({ startLine: 12, endLine: 14 }); // two above
  expect(move(a.slice(3))).toEqual({ startLine: 7, endLine: 9 }); // three above removed
  expect(move([...a.slice(0, 10), 'in', ...a.slice(10)])).toEqual({ startLine: 10, endLine: 13 }); // inside
  expect(move([...a.slice(0, 12), 'after', ...a.slice(12)])).toEqual(range); // right after: not ours
  expect(move([...a.slice(0, 9), 'before', ...a.slice(9)])).toEqual({ startLine: 11, endLine: 13 }); // right before
  expect(move([...a.slice(0, 9), ...a.slice(11)])).toEqual({ startLine: 10, endLine: 10 }); // first two deleted
  expect(move([...a.slice(0, 9), ...a.slice(12)])).toBeNull(); // all deleted
  expect(move([...a.slice(0, 9), 'X', 'Y', ...a.slice(12)])).toEqual({ startLine: 10, endLine: 11 }); // replaced
});
