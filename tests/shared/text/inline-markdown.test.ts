// Inline markdown pieces: CommonMark code-span runs, and linear time on hostile titles (every
// open-ended run is bounded; a quadratic regex took 36 s on 80,000 backticks and 2.4 s on 20,000 `[a`).
import { describe, expect, it } from 'vitest';
import { parseInline } from '../../../shared/text/inline-markdown';

describe('parseInline', () => {
  it('closes a code span only on a backtick run of the same length (CommonMark)', () => {
    expect(parseInline('a ``b`c`` d')).toEqual([{ kind: 'text', text: 'a ' }, { kind: 'code', text: 'b`c' }, { kind: 'text', text: ' d' }]);
    // An unmatched `` is text; the later `c` is a code span.
    expect(parseInline('``b`c`')).toEqual([{ kind: 'text', text: '``b' }, { kind: 'code', text: 'c' }]);
  });

  it('reads 60 KB hostile titles as text, without hanging (the quadratic regex spent seconds on each)', () => {
    for (const hostile of ['`'.repeat(60_000), '[a'.repeat(30_000), ' _a'.repeat(20_000), '*a'.repeat(30_000), '**a'.repeat(20_000), '[a](b'.repeat(12_000)]) {
      const pieces = parseInline(hostile);
      expect(pieces.map((p) => p.text).join('').length).toBeGreaterThan(0);
      expect(pieces.filter((p) => p.kind === 'text').length).toBeGreaterThan(0);
    }
  }, 20_000); // a hang guard, not a timing check: the old regex took 78 s here under load
});
