// A process killed (SIGKILL) in the middle of indexing leaves a consistent database, and the
// next open finishes the work.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { indexDbPath } from '../../../../electron/core/storage/data-dir';
import { eventually, indexLines, makeTree, ripgrepLines, useIndexSandbox } from './helpers';

describe('index: killed mid-index', () => {
  const sandbox = useIndexSandbox();

  it('reopens a consistent index and completes it', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20_000; i++) files[`pkg${i % 97}/mod${i}.ts`] = `export function f${i}() { return ${i}; }\n`.repeat(60) + `// needle-${i % 13}\n`;
    const root = makeTree(files);
    const dbPath = indexDbPath(root);
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/index-until-killed.ts', import.meta.url)), root], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill it once some content is in and some is still pending.
    let counts = { done: 0, pending: 0 };
    await eventually(() => {
      try {
        const db = new Database(dbPath, { readonly: true, fileMustExist: true });
        counts = db.prepare("SELECT sum(kind != 'pending') AS done, sum(kind = 'pending') AS pending FROM files").get() as typeof counts;
        db.close();
      } catch {
        return false; // not created yet
      }
      return (counts.done ?? 0) > 0 && (counts.pending ?? 0) > 0;
    }, 60_000);
    child.kill('SIGKILL');
    await exited;

    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const partial = db.prepare("SELECT count(*) FROM files WHERE kind = 'pending'").pluck().get() as number;
    db.close();
    expect(partial).toBeGreaterThan(0);

    const index = sandbox.open(root);
    await index.whenIdle();
    const status = index.status();
    expect(status.recovered).toBeNull();
    expect(status.files).toBe(20_000);
    expect(status.textFiles).toBe(20_000);
    const result = await index.searchText({ query: 'needle-7', caseSensitive: true, limit: 20_000 });
    expect(result.truncated).toBe(false);
    expect(indexLines(result)).toEqual(ripgrepLines(root, 'needle-7', { caseSensitive: true }));
  }, 120_000);
});
