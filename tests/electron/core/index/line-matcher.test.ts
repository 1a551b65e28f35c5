// Matching lines with ripgrep's semantics.
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../../electron/core/index/line-matcher';

const lines = (text: string, query: string, opts: { regex?: boolean; caseSensitive?: boolean; wholeWord?: boolean } = {}) =>
  compileMatcher({ query, regex: opts.regex ?? false, caseSensitive: opts.caseSensitive ?? true, wholeWord: opts.wholeWord ?? false })(text, 1000).map(
    (h) => `${h.line}:${h.column}`,
  );

describe('line matcher', () => {
  it('reports each matching line once, at its first match', () => {
    expect(lines('aa\nxaxa\nb', 'a')).toEqual(['1:1', '2:2']);
  });

  it('keeps \\r in the line but not in the preview, and has no line after a final newline', () => {
    const hits = compileMatcher({ query: 'x', regex: false, caseSensitive: true, wholeWord: false })('x\r\n\r\nx\n', 10);
    expect(hits.map((h) => [h.line, h.preview])).toEqual([[1, 'x'], [3, 'x']]);
    expect(lines('a\n', '^$', { regex: true })).toEqual([]);
    expect(lines('a\n\nb', '^$', { regex: true })).toEqual(['2:1']);
    expect(lines('foo\r\n', 'foo$', { regex: true })).toEqual([]); // as ripgrep without --crlf
  });

  it('matches case-insensitively with Unicode folding', () => {
    expect(lines('ÉCOLE\nécole\nEcole', 'école', { caseSensitive: false })).toEqual(['1:1', '2:1']);
  });

  it('matches whole words only, with Unicode word characters', () => {
    expect(lines('foo\nfoobar\nbar_foo\n(foo)\nfooé', 'foo', { wholeWord: true })).toEqual(['1:1', '4:2']);
  });

  it('never matches across lines and treats a query with a newline as matching nothing', () => {
    expect(lines('ab\ncd', 'b\nc')).toEqual([]);
    expect(lines('ab\ncd', 'b.c', { regex: true })).toEqual([]);
  });

  it('gives columns in UTF-16 units and trims long previews around the match', () => {
    expect(lines('🎉x', 'x')).toEqual(['1:3']);
    const long = 'a'.repeat(1000) + 'needle' + 'b'.repeat(1000);
    const [hit] = compileMatcher({ query: 'needle', regex: false, caseSensitive: true, wholeWord: false })(long, 10);
    expect(hit!.column).toBe(1001);
    expect(hit!.preview.length).toBeLessThan(260);
    expect(hit!.preview).toContain('needle');
    // The preview's own column of the match, so the UI can highlight it in the trimmed line.
    expect(hit!.preview.slice(hit!.previewColumn - 1, hit!.previewColumn - 1 + 'needle'.length)).toBe('needle');
    const [short] = compileMatcher({ query: 'me', regex: false, caseSensitive: true, wholeWord: false })('  find me', 10);
    expect(short!.previewColumn).toBe(short!.column);
  });

  it('stops at the limit', () => {
    expect(compileMatcher({ query: 'a', regex: false, caseSensitive: true, wholeWord: false })('a\na\na\na', 2)).toHaveLength(2);
  });
});
