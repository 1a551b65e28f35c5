// `specdeck index | search | files` on a real folder.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
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
});
