// An unusable file at the index path (garbage, another program's database, a newer schema,
// damaged pages) is detected, moved aside and replaced by a rebuilt index; the user is told.
import { existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { indexDbPath } from '../../../../electron/core/storage/data-dir';
import { APPLICATION_ID } from '../../../../electron/core/index/schema';
import { makeTree, useIndexSandbox } from './helpers';

function tree() {
  return makeTree({ 'src/a.ts': 'export const needle = 1;\n', 'README.md': '# needle\n' });
}

async function expectRebuilt(index: ReturnType<ReturnType<typeof useIndexSandbox>['open']>, reason: RegExp) {
  await index.whenIdle();
  const status = index.status();
  expect(status.recovered?.reason).toMatch(reason);
  expect(existsSync(status.recovered!.movedTo)).toBe(true);
  expect(status.files).toBe(2);
  expect((await index.searchText({ query: 'needle' })).hits.map((h) => h.path)).toEqual(['README.md', 'src/a.ts']);
}

describe('index: unusable databases', () => {
  const sandbox = useIndexSandbox();

  it('moves aside a file that is not a database', async () => {
    const root = tree();
    const dbPath = indexDbPath(root);
    mkdirSync(path.dirname(dbPath), { recursive: true });
    writeFileSync(dbPath, 'this is not sqlite '.repeat(500));
    const told: string[] = [];
    const index = sandbox.open(root, {}, { recovered: (r) => told.push(r.reason) });
    await expectRebuilt(index, /not a database|corrupt|not a Specdeck/i);
    expect(told).toHaveLength(1);
    expect(readFileSync(index.status().recovered!.movedTo, 'utf8')).toContain('this is not sqlite');
  });

  it('moves aside another program’s SQLite database', async () => {
    const root = tree();
    const dbPath = indexDbPath(root);
    mkdirSync(path.dirname(dbPath), { recursive: true });
    const foreign = new Database(dbPath);
    foreign.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts VALUES (1, \'x\')');
    foreign.close();
    const index = sandbox.open(root);
    await expectRebuilt(index, /not a Specdeck index/);
    const kept = new Database(index.status().recovered!.movedTo, { readonly: true });
    expect(kept.prepare('SELECT name FROM accounts').pluck().get()).toBe('x');
    kept.close();
  });

  it('moves aside an index written by a newer schema', async () => {
    const root = tree();
    const dbPath = indexDbPath(root);
    mkdirSync(path.dirname(dbPath), { recursive: true });
    const newer = new Database(dbPath);
    newer.pragma(`application_id = ${APPLICATION_ID}`);
    newer.pragma('user_version = 999');
    newer.exec('CREATE TABLE future (x)');
    newer.close();
    await expectRebuilt(sandbox.open(root), /newer Specdeck/);
  });

  it('detects damaged pages of an existing index and rebuilds it', async () => {
    const root = tree();
    const first = sandbox.open(root);
    await first.whenIdle();
    await first.close();
    const dbPath = indexDbPath(root);
    // Keep page 1 (the header and schema) and overwrite everything after it with garbage.
    const size = statSync(dbPath).size;
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(size - 4096, 0xa5), 0, size - 4096, 4096);
    closeSync(fd);
    await expectRebuilt(sandbox.open(root), /corrupt|malformed|not a database/i);
  });
});
