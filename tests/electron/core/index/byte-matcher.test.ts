// The byte-level matcher gives exactly what the text matcher gives on the decoded text.
import { describe, expect, it } from 'vitest';
import { compileByteMatcher } from '../../../../electron/core/index/byte-matcher';
import { compileMatcher, type MatchOptions } from '../../../../electron/core/index/line-matcher';

const TEXTS = [
  'plain ascii\nfoo bar FOO\nfoobar\n',
  'crlf line\r\nfoo\r\n\r\nlast foo',
  '\ufeffbom first foo\nsecond',
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

  it('finds text in a file that is not valid UTF-8 (Latin-1), as ripgrep does', () => {
    const bytes = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' needle\n')]);
    const [hit] = compileByteMatcher({ query: 'needle', regex: false, caseSensitive: false, wholeWord: false })(bytes, 10);
    expect(hit).toMatchObject({ line: 1, column: 6, preview: 'caf\ufffd needle' });
  });
});
