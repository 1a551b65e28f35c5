// Queries made of FTS5 syntax, quotes, unicode, or fewer characters than a trigram return the
// same lines as ripgrep, and never an SQL or FTS syntax error.
import { describe, expect, it } from 'vitest';
import { indexLines, makeTree, ripgrepLines, useIndexSandbox } from './helpers';

const CONTENT = [
  'say "hello" to the world',
  'a * b and (c) or d',
  'x NEAR y NEAR(z, 3)',
  '-- a SQL comment',
  'this AND that OR NOT other',
  'café crème brûlée',
  'CAFÉ CRÈME',
  'naïve façade — 日本語のテキスト',
  'emoji 🎉 party 🎉',
  "it's a quote ' and a backtick `",
  'a',
  'ab',
  'semi;colon: and ^caret$ and {braces} [brackets]',
  'tab\there',
  'windows line\r',
  '',
].join('\n');

const QUERIES = [
  '"', '"hello"', '*', '(', ')', '(c)', 'NEAR', 'NEAR(', '--', 'AND', 'OR NOT', 'a', 'ab', 'é', 'É', 'caf', 'café',
  'CAFÉ', 'crème', 'üb', '日本', '日本語', '🎉', 'y 🎉'.slice(2), "'", '`', ';', '^caret$', '{braces}', '[brackets]',
  '\t', 'line\r'.slice(0, 4), 'brûlée', 'façade', '—', ' ', '  ', 'x NEAR y',
];

describe('index: awkward queries', () => {
  const sandbox = useIndexSandbox();

  it('agrees with ripgrep on literal queries, case-sensitive, case-insensitive and whole-word', async () => {
    const root = makeTree({ 'one.txt': CONTENT, 'sub/two.md': CONTENT.split('\n').reverse().join('\n'), 'three.txt': 'nothing here\n' });
    const index = sandbox.open(root);
    await index.whenIdle();
    for (const query of QUERIES) {
      for (const caseSensitive of [true, false]) {
        for (const wholeWord of [false, true]) {
          const result = await index.searchText({ query, caseSensitive, wholeWord, limit: 10_000 });
          const expected = ripgrepLines(root, query, { caseSensitive, wholeWord });
          expect({ query, caseSensitive, wholeWord, lines: indexLines(result) }).toEqual({ query, caseSensitive, wholeWord, lines: expected });
        }
      }
    }
  });

  it('reports the column and preview of the first match on each line', async () => {
    const root = makeTree({ 'a.txt': 'zero\n  find me, find me\r\nnext\n' });
    const index = sandbox.open(root);
    await index.whenIdle();
    const { hits } = await index.searchText({ query: 'find' });
    expect(hits).toEqual([{ path: 'a.txt', line: 2, column: 3, length: 4, preview: '  find me, find me', previewColumn: 3 }]);
  });

  it('searches regular expressions, rejecting invalid ones with INVALID_ARGUMENT', async () => {
    const root = makeTree({ 'a.ts': 'function fooBar() {}\nconst x = fooBaz;\nfoo\n', 'b.ts': 'FOOBAR\n' });
    const index = sandbox.open(root);
    await index.whenIdle();
    for (const [query, caseSensitive] of [['foo(Bar|Baz)', true], ['^foo$', false], ['fooBa[rz]', false], ['o+B', true], ['\\bx\\b', true]] as const) {
      const result = await index.searchText({ query, regex: true, caseSensitive });
      expect(indexLines(result)).toEqual(ripgrepLines(root, query, { regex: true, caseSensitive }));
    }
    await expect(index.searchText({ query: 'foo(', regex: true })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('answers concurrent searches (run in slices, one at a time) exactly as sequential ones', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`d${i % 9}/f${i}.txt`] = `alpha ${i}\nbeta ${i % 7}\ngamma\n`;
    const root = makeTree(files);
    const index = sandbox.open(root);
    await index.whenIdle();
    const queries = ['alpha 1', 'beta 3', 'gamma', 'ta 6', 'zzz'];
    const sequential = [];
    for (const query of queries) sequential.push(await index.searchText({ query, limit: 5000 }));
    const running = queries.map((query) => index.searchText({ query, limit: 5000 }));
    expect(index.status().files).toBe(400); // status reads while searches are in flight
    const concurrent = await Promise.all(running);
    expect(concurrent.map((r) => r.hits)).toEqual(sequential.map((r) => r.hits));
    expect(sequential[2]!.hits).toHaveLength(400);
  });

  it('applies include and exclude globs and the result limit', async () => {
    const root = makeTree({ 'src/a.ts': 'needle\nneedle\n', 'src/b.js': 'needle\n', 'docs/c.md': 'needle\n', 'src/deep/d.ts': 'needle\n' });
    const index = sandbox.open(root);
    await index.whenIdle();
    const paths = async (p: object) => [...new Set((await index.searchText({ query: 'needle', ...p })).hits.map((h) => h.path))];
    expect(await paths({ include: ['*.ts'] })).toEqual(['src/a.ts', 'src/deep/d.ts']);
    expect(await paths({ include: ['src'], exclude: ['deep'] })).toEqual(['src/a.ts', 'src/b.js']);
    expect(await paths({ exclude: ['**/*.ts', 'docs/**'] })).toEqual(['src/b.js']);
    const limited = await index.searchText({ query: 'needle', limit: 2 });
    expect(limited.hits).toHaveLength(2);
    expect(limited.truncated).toBe(true);
    expect((await index.searchText({ query: 'needle', limit: 5 })).truncated).toBe(false);
  });

  it('reads every candidate of a search whose candidates span many fetch batches, and cuts at the limit', async () => {
    // 300 files holding the needle (candidates are fetched in growing batches), every 7th twice.
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`f${String(i).padStart(3, '0')}.txt`] = `line ${i}\nNeedle ${i}\n${i % 7 === 0 ? 'needle again\n' : ''}`;
    const root = makeTree(files);
    const index = sandbox.open(root, { shards: 1 });
    await index.whenIdle();
    const all = await index.searchText({ query: 'needle', limit: 20_000 });
    expect([...indexLines(all)].sort()).toEqual([...ripgrepLines(root, 'needle', {})].sort());
    expect(all.hits).toHaveLength(300 + 43);
    expect(all.filesSearched).toBe(300);
    const limited = await index.searchText({ query: 'needle', limit: 100 });
    expect(limited.hits).toHaveLength(100);
    expect(limited.truncated).toBe(true);
  }, 60_000);
});
