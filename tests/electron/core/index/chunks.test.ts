// Text is stored in chunks of whole lines: the chunker's boundaries, matching chunk by chunk
// equals matching the whole text, and searching a file much larger than a chunk equals ripgrep.
import { statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS } from '../../../../electron/core/index/schema';
import { compileByteMatcher } from '../../../../electron/core/index/byte-matcher';
import { TEXT_CHUNK_BYTES, textChunks } from '../../../../electron/core/index/content';
import type { MatchOptions } from '../../../../electron/core/index/line-matcher';
import { indexLines, makeTree, ripgrepLines, useIndexSandbox } from './helpers';

const TEXTS = [
  'plain ascii\nfoo bar FOO\nfoobar\n',
  'crlf line\r\nfoo\r\n\r\nlast foo',
  '\ufeffbom first foo\nsecond\n\ufefffoo after a mid-file U+FEFF\n',
  'naïve foo — café Foo\nlong s: ſ and Kelvin: K and k\n日本語 foo 日本\n',
  'éfoo fooé foo_x (foo)\n\n\nfoo\n',
  'a'.repeat(600) + 'foo' + 'b'.repeat(600) + '\nfoo\n',
  '',
  '\n',
  'no newline at end foo',
];

describe('text chunks', () => {
  it('cut after a newline once the target is reached, keep long lines whole and number lines', () => {
    const bytes = Buffer.from('ab\ncd\nefghij\nk\n');
    expect(textChunks(bytes, 4)).toEqual([
      { start: 0, end: 6, firstLine: 1 },
      { start: 6, end: 13, firstLine: 3 },
      { start: 13, end: 15, firstLine: 4 },
    ]);
    expect(textChunks(Buffer.from(''), 4)).toEqual([{ start: 0, end: 0, firstLine: 1 }]);
    expect(textChunks(Buffer.from('no newline at all'), 4)).toEqual([{ start: 0, end: 17, firstLine: 1 }]);
    expect(textChunks(Buffer.from('x\n'), 4)).toEqual([{ start: 0, end: 2, firstLine: 1 }]);
  });

  it('cover the text exactly, in order', () => {
    for (const text of TEXTS) {
      const bytes = Buffer.from(text);
      for (const target of [1, 2, 3, 7, 64]) {
        const chunks = textChunks(bytes, target);
        expect(chunks[0]!.start).toBe(0);
        expect(chunks.at(-1)!.end).toBe(bytes.length);
        for (let i = 1; i < chunks.length; i++) {
          expect(chunks[i]!.start).toBe(chunks[i - 1]!.end);
          expect(bytes[chunks[i]!.start - 1]).toBe(10); // every cut follows a newline
          expect(chunks[i]!.firstLine).toBe(bytes.subarray(0, chunks[i]!.start).toString('latin1').split('\n').length);
        }
      }
    }
  });

  it('matching chunk by chunk gives what matching the whole text gives', () => {
    const queries: [string, Partial<MatchOptions>][] = [
      ['foo', {}], ['FOO', { caseSensitive: true }], ['foo', { wholeWord: true }], ['café', {}], ['k', {}], ['s', {}],
      ['^foo', { regex: true }], ['^$', { regex: true }], ['o\\b', { regex: true }], ['\ufefffoo', { caseSensitive: true }], ['日本', { wholeWord: true }],
    ];
    for (const text of TEXTS) {
      const bytes = Buffer.from(text);
      for (const [query, extra] of queries) {
        const options: MatchOptions = { query, regex: false, caseSensitive: false, wholeWord: false, ...extra };
        const matcher = compileByteMatcher(options);
        const whole = matcher(bytes, 1000);
        for (const target of [1, 3, 16]) {
          const pieces = textChunks(bytes, target).flatMap((c) => matcher(bytes.subarray(c.start, c.end), 1000, c.firstLine));
          expect({ text, query, target, pieces }).toEqual({ text, query, target, pieces: whole });
        }
      }
    }
  });
});

describe('index: a file of many chunks', () => {
  const sandbox = useIndexSandbox();

  it('finds exactly the lines ripgrep finds, at and around chunk boundaries', async () => {
    // Lines of varied length so that boundaries fall everywhere; needles on many lines.
    const lines: string[] = [];
    for (let i = 0; lines.join('\n').length < TEXT_CHUNK_BYTES * 12; i++) {
      const pad = 'x'.repeat((i * 37) % 300);
      lines.push(i % 13 === 0 ? `needle ${i} ${pad}` : i % 17 === 0 ? `${pad} Needle` : `line ${i} ${pad}`);
    }
    lines.push('x'.repeat(TEXT_CHUNK_BYTES * 3) + ' needle in a line longer than a chunk');
    lines.push('needle at the end, no newline');
    const root = makeTree({ 'big.txt': lines.join('\n'), 'crlf.txt': lines.join('\r\n') + '\r\n', 'small.txt': 'needle\n' });
    const index = sandbox.open(root);
    await index.whenIdle();
    for (const [query, opts] of [['needle', {}], ['Needle', { caseSensitive: true }], ['needle', { wholeWord: true }], ['^needle', { regex: true }], ['Needle$', { regex: true }], ['ne', {}]] as const) {
      const result = await index.searchText({ query, limit: 20_000, ...opts });
      const expected = ripgrepLines(root, query, opts);
      expect(expected.size).toBeGreaterThan(0);
      expect({ query, lines: [...indexLines(result)].sort() }).toEqual({ query, lines: [...expected].sort() });
      // Candidate files are counted once however many of their chunks were read.
      expect(result.filesSearched).toBeLessThanOrEqual(3);
    }
  }, 60_000);

  // Schema 1 held one FTS5 row per file (rowid = files.id); schema 2 FTS5 rows per chunk
  // (rowid = file id << 20 | chunk); schema 3 the posting store. In each the file is marked
  // indexed with its current size and mtime, so only the migrations can make it read again.
  it.each([
    { version: 1, rowid: 1, insert: 'INSERT INTO file_text (rowid, text) VALUES (?, ?)' },
    { version: 2, rowid: 2 ** 20, insert: 'INSERT INTO file_text (rowid, text, first_line) VALUES (?, ?, 1)' },
  ])('rebuilds the text of an older index (schema $version) into the posting store on open', async ({ version, rowid, insert }) => {
    const root = makeTree({ 'a.txt': 'one needle\n', 'b.txt': 'none\n' });
    const dbPath = path.join(sandbox.dataDir(), 'old.sqlite');
    const old = new Database(dbPath);
    for (const migration of MIGRATIONS.slice(0, version)) old.exec(migration);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma(`user_version = ${version}`);
    const { size, mtimeMs } = statSync(path.join(root, 'a.txt'));
    old.prepare("INSERT INTO files (id, path, size, mtime_ms, hash, indexed_hash, kind) VALUES (1, 'a.txt', ?, ?, 'h', 'h', 'text')").run(size, mtimeMs);
    old.prepare(insert).run(rowid, Buffer.from('one needle\n'));
    old.close();
    const index = sandbox.open(root, { dbPath, shards: 1 });
    await index.whenIdle();
    const result = await index.searchText({ query: 'needle' });
    expect(result.hits.map((h) => `${h.path}:${h.line}:${h.column}`)).toEqual(['a.txt:1:5']);
    expect(index.status().textFiles).toBe(2);
  }, 60_000);
});
