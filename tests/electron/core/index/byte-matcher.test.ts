// The byte-level matcher gives exactly what the text matcher gives on the decoded text.
import { describe, expect, it } from 'vitest';
import { compileByteMatcher } from '../../../../electron/core/index/byte-matcher';
import { compileMatcher, type MatchOptions } from '../../../../electron/core/index/line-matcher';

const TEXTS = [
  'plain ascii\nfoo bar FOO\nfoobar\n',
  'crlf line\r\nfoo\r\n\r\nlast foo',
  '\ufeffbom first foo\nsecond',
  'first\n\ufefffoo after a mid-file U+FEFF (text, not a byte order mark)\n',
  'x'.repeat(900) + ' Foo ' + 'é'.repeat(300) + ' foo\n' + 'é'.repeat(300) + 'FOO' + 'y'.repeat(300) + '\r\n',
  'naïve foo — café Foo\nlong s: ſ and Kelvin: K and k\n日本語 foo 日本\n',
  'éfoo fooé foo_x (foo)\n',
  'a'.repeat(600) + 'foo' + 'b'.repeat(600) + '\n',
  '',
  'no newline at end foo',
];
const QUERIES = ['foo', 'FOO', 'o b', 'k', 's', 'café', '日本', '—', 'foo\nbar', 'x'];

describe('byte matcher', () => {
  it('agrees with the text matcher for every option on ASCII and non-ASCII texts', () => {
    for (const text of TEXTS) {
      const bytes = Buffer.from(text, 'utf8');
      const decoded = new TextDecoder().decode(bytes); // drops the BOM, as the index does
      for (const query of QUERIES) {
        for (const caseSensitive of [true, false]) {
          for (const wholeWord of [false, true]) {
            const options: MatchOptions = { query, regex: false, caseSensitive, wholeWord };
            const expected = compileMatcher(options)(decoded, 100);
            const actual = compileByteMatcher(options)(bytes, 100);
            expect({ text, query, caseSensitive, wholeWord, actual }).toEqual({ text, query, caseSensitive, wholeWord, actual: expected });
          }
        }
      }
    }
  });

  it('agrees with the text matcher on random texts with long lines, CRLF, non-ASCII and invalid UTF-8', () => {
    // Seeded pieces: ASCII words and case variants, word characters, non-ASCII letters, the two
    // characters that fold to ASCII in Unicode, a byte order mark and bytes that are not UTF-8.
    const pieces = ['foo', 'FoO', 'fOO', 'f', 'o', '_', ' ', 'x9', '\n', '\r\n', '\r', 'é', '日', 'ſ', '\u212a', '\ufeff', '(', '—'].map((p) => Buffer.from(p));
    const bad = [Buffer.from([0xe9]), Buffer.from([0x80]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf0, 0x9f])];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 300; t++) {
      const parts: Buffer[] = [];
      const ascii = t % 3 === 0;
      const size = random() < 0.3 ? 2000 : 80;
      for (let i = 0; i < size * random(); i++) {
        if (!ascii && random() < 0.05) parts.push(bad[Math.floor(random() * bad.length)]!);
        else {
          const p = pieces[Math.floor(random() * pieces.length)]!;
          if (!ascii || p.every((b) => b < 0x80)) parts.push(p);
        }
        if (random() < 0.02) parts.push(Buffer.from('a'.repeat(Math.floor(random() * 400))));
      }
      const bytes = Buffer.concat(parts);
      const decoded = new TextDecoder().decode(bytes);
      for (const query of ['foo', 'FOO', 'o_f', 'oo', 'f', 'x9 ']) {
        for (const caseSensitive of [true, false]) {
          for (const wholeWord of [false, true]) {
            const options: MatchOptions = { query, regex: false, caseSensitive, wholeWord };
            const expected = compileMatcher(options)(decoded, 1000);
            const actual = compileByteMatcher(options)(bytes, 1000);
            expect({ t, query, caseSensitive, wholeWord, actual }).toEqual({ t, query, caseSensitive, wholeWord, actual: expected });
          }
        }
      }
    }
  });

  it('finds text in a file that is not valid UTF-8 (Latin-1), as ripgrep does', () => {
    const bytes = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' needle\n')]);
    const [hit] = compileByteMatcher({ query: 'needle', regex: false, caseSensitive: false, wholeWord: false })(bytes, 10);
    expect(hit).toMatchObject({ line: 1, column: 6, preview: 'caf\ufffd needle' });
  });
});
