// `specdeck index | search | files` on a real folder.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_QUERY_TOO_EXPENSIVE, runCli } from '../../../electron/cli/main';
import { ReadOnlyIndex } from '../../../electron/core/index/read-only-index';
import { makeTree, useIndexSandbox } from '../core/index/helpers';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('index: CLI', () => {
  const sandbox = useIndexSandbox();

  it('index prints files, text files, bytes, time and the database', async () => {
    const root = makeTree({ 'a.ts': 'const a = 1;\n', 'b.bin': Buffer.from([0, 1, 2]) });
    const { code, out } = await run(['index', root, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ files: 2, textFiles: 1, textBytes: 13, skipped: { binary: 1 } });
    expect(report.database.startsWith(sandbox.dataDir())).toBe(true);
    expect(report.databaseBytes).toBeGreaterThan(0);
    expect(typeof report.elapsedMs).toBe('number');
    const text = await run(['index', root]);
    expect(text.out).toMatch(/^files\s+2$/m);
    expect(text.out).toMatch(/^database\s+.*\.sqlite \(\d+ bytes\)$/m);
  });

  it('search refreshes what changed, then searches, with options', async () => {
    const root = makeTree({ 'src/a.ts': 'function fooBar() {}\nconst FOO = 1;\n' });
    expect((await run(['index', root])).code).toBe(0);
    writeFileSync(path.join(root, 'src/b.ts'), 'foo bar baz\n');
    const plain = await run(['search', root, 'foo']);
    expect(plain.code).toBe(0);
    expect(plain.out.split('\n')).toEqual(['src/a.ts:1:10: function fooBar() {}', 'src/a.ts:2:7: const FOO = 1;', 'src/b.ts:1:1: foo bar baz']);
    expect((await run(['search', root, 'FOO', '--case-sensitive'])).out).toBe('src/a.ts:2:7: const FOO = 1;');
    expect((await run(['search', root, 'foo', '--word'])).out.split('\n')).toEqual(['src/a.ts:2:7: const FOO = 1;', 'src/b.ts:1:1: foo bar baz']);
    expect((await run(['search', root, 'ba[rz]$', '--regex'])).out).toBe('src/b.ts:1:9: foo bar baz');
    const json = JSON.parse((await run(['search', root, 'baz', '--json'])).out);
    expect(json.hits).toEqual([{ path: 'src/b.ts', line: 1, column: 9, length: 3, preview: 'foo bar baz', previewColumn: 9 }]);
    expect((await run(['search', root, 'nothing-like-this'])).code).toBe(1);
    expect((await run(['search', root])).code).toBe(2);
  });

  it('files prints ranked paths: a basename hit before a hit that needs the folders', async () => {
    const root = makeTree({ 'src/index.ts': '', 'src/indexer/worker.ts': '', 'docs/in-dex.md': '', 'lib/x.ts': '' });
    const { code, out } = await run(['files', root, 'index']);
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual(['src/index.ts', 'docs/in-dex.md', 'src/indexer/worker.ts']);
    const json = JSON.parse((await run(['files', root, 'xts', '--json'])).out);
    expect(json[0]).toMatchObject({ path: 'lib/x.ts', positions: [4, 6, 7] });
  });

  it('search --regex on a fresh (read-only) index runs off the calling thread with a budget: QUERY_TOO_EXPENSIVE, exit 3', async () => {
    // 2^27 backtracking steps: tens of seconds here (2^24 took 3 s), far beyond a 1 s budget that
    // counts from when the worker takes the search up (not its start-up); finite, so that before
    // the fix the test failed rather than hung.
    const root = makeTree({ 'evil.txt': `${'a'.repeat(27)}!\n`, 'ok.txt': 'aaa!\nbbb\n' });
    expect((await run(['index', root])).code).toBe(0);
    const fresh = ReadOnlyIndex.openIfFresh(root); // the path under test: the read-only one
    expect(fresh).not.toBeNull();
    fresh!.close();
    process.env.SPECDECK_REGEX_BUDGET_MS = '1000';
    try {
      const order: string[] = [];
      const search = run(['search', root, '(a+)+$', '--regex']).then((r) => {
        order.push('search answered');
        return r;
      });
      // A turn of the event loop: on the calling thread it waited for the whole backtrack.
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push('thread ran');
      const refused = await search;
      expect(order).toEqual(['thread ran', 'search answered']);
      expect(refused.code).toBe(EXIT_QUERY_TOO_EXPENSIVE);
      expect(refused.err).toMatch(/^specdeck search: The regular expression did not finish within 1 s .*\(QUERY_TOO_EXPENSIVE\)$/);
      // The next regex search is served (a new worker); a bad pattern is a plain error.
      const next = await run(['search', root, 'b+$', '--regex']);
      expect(next).toMatchObject({ code: 0, out: 'ok.txt:2:1: bbb' });
      const bad = await run(['search', root, '(unclosed', '--regex']);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/^specdeck search: /);
    } finally {
      delete process.env.SPECDECK_REGEX_BUDGET_MS;
    }
  }, 60_000);
});
