// The scan meets a hostile tree: it indexes what it can, says what it skipped and why, and
// never crashes.
import { chmodSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeTree, useIndexSandbox } from './helpers';

const isRoot = process.getuid?.() === 0;

describe('index: bad input', () => {
  const sandbox = useIndexSandbox();

  it.skipIf(isRoot)('passes over an unreadable folder, indexes the rest and reports it (cannot run as root)', async () => {
    const root = makeTree({ 'ok.txt': 'visible needle\n', 'locked/secret.txt': 'hidden needle\n' });
    chmodSync(path.join(root, 'locked'), 0o000);
    try {
      const index = sandbox.open(root);
      await index.whenIdle();
      expect(await index.listFiles()).toEqual(['ok.txt']);
      expect(index.status().skipped.counts['permission denied']).toBe(1);
      expect(index.status().skipped.samples).toContainEqual({ path: 'locked', reason: 'permission denied' });
    } finally {
      chmodSync(path.join(root, 'locked'), 0o755);
    }
  });

  it('does not follow symlink loops and reports the links', async () => {
    const root = makeTree({ 'a/file.txt': 'loop needle\n' });
    symlinkSync('..', path.join(root, 'a', 'up'));
    symlinkSync('self', path.join(root, 'self'));
    symlinkSync(path.join(root, 'a'), path.join(root, 'alias'));
    const index = sandbox.open(root);
    await index.whenIdle();
    expect(await index.listFiles()).toEqual(['a/file.txt']);
    expect(index.status().skipped.counts['symbolic link (not followed)']).toBe(3);
    const result = await index.searchText({ query: 'loop needle' });
    expect(result.hits.map((h) => h.path)).toEqual(['a/file.txt']);
  });

  it('indexes names with spaces and newlines, and skips (and reports) names that are not UTF-8', async () => {
    const root = makeTree({ 'with space.txt': 'space needle\n', 'new\nline.txt': 'newline needle\n' });
    writeFileSync(Buffer.concat([Buffer.from(root + '/bad'), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), 'latin needle\n');
    const index = sandbox.open(root);
    await index.whenIdle();
    expect(await index.listFiles()).toEqual(['new\nline.txt', 'with space.txt']);
    const hits = (await index.searchText({ query: 'needle' })).hits.map((h) => h.path);
    expect(hits).toEqual(['new\nline.txt', 'with space.txt']);
    expect(index.status().skipped.counts['name is not valid UTF-8']).toBe(1);
    expect((await index.searchFiles('newline'))[0]?.path).toBe('new\nline.txt');
  });

  it('lists a 2 GB (sparse) file without reading it, and reports it as too large', async () => {
    const root = makeTree({ 'small.txt': 'small needle\n' });
    writeFileSync(path.join(root, 'huge.log'), 'needle at the start\n');
    truncateSync(path.join(root, 'huge.log'), 2 * 1024 ** 3 + 17);
    const index = sandbox.open(root);
    await index.whenIdle();
    expect(await index.listFiles()).toEqual(['huge.log', 'small.txt']);
    const status = index.status();
    expect(status.textFiles).toBe(1);
    expect(status.skipped.samples).toContainEqual({ path: 'huge.log', reason: 'larger than 1048576 bytes (content not indexed)' });
    expect((await index.searchText({ query: 'needle' })).hits.map((h) => h.path)).toEqual(['small.txt']);
  });

  it('respects a configured size limit and reports binary files', async () => {
    const root = makeTree({ 'a.txt': 'x'.repeat(100), 'b.txt': 'y'.repeat(10), 'c.bin': Buffer.from([1, 0, 2]) });
    const index = sandbox.open(root, { maxFileSize: 50 });
    await index.whenIdle();
    const status = index.status();
    expect(status.files).toBe(3);
    expect(status.textFiles).toBe(1);
    expect(status.skipped.counts).toEqual({ binary: 1, 'larger than 50 bytes (content not indexed)': 1 });
  });

  it('indexes a folder with 200,000 entries', async () => {
    const root = makeTree({});
    const big = path.join(root, 'big');
    mkdirSync(big);
    for (let i = 0; i < 200_000; i++) writeFileSync(path.join(big, `f${i}.txt`), i % 50_000 === 7 ? `needle ${i}\n` : '');
    const index = sandbox.open(root);
    await index.whenIdle();
    expect(index.status().files).toBe(200_000);
    const result = await index.searchText({ query: 'needle' });
    expect(result.hits.map((h) => h.path)).toEqual(['big/f100007.txt', 'big/f150007.txt', 'big/f50007.txt', 'big/f7.txt']);
    expect((await index.searchFiles('f199999'))[0]?.path).toBe('big/f199999.txt');
    rmSync(root, { recursive: true, force: true });
  }, 180_000);

  it('copes with files deleted while the scan reads them', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12_000; i++) files[`d${i % 40}/f${i}.txt`] = `line ${i}\n`.repeat(40);
    // The worker threads read on while this (serving) thread deletes, so how many of the deleted
    // files they had already read is not knowable in advance (issue 12, finding 13: the test
    // expected all 1,500 to be unread, looked at the first shard's rows only, and saw 1,315 under
    // load). Each shard reads its pending rows in id order; deleting from the highest id down
    // makes the two meet. Every run must keep the invariant below; a run in which the workers
    // outran the deletions entirely (a stalled serving thread) proves nothing, so run again.
    const scanWithDeletions = async () => {
      const root = makeTree(files);
      const deleted: string[] = [];
      let started = false;
      const index = sandbox.open(root, {}, {
        progress: (p) => {
          if (p.phase !== 'indexing' || started) return;
          started = true;
          for (const dbPath of index.dbPaths) {
            const db = new Database(dbPath, { readonly: true });
            const rows = db.prepare("SELECT path FROM files WHERE kind = 'pending' ORDER BY id DESC LIMIT 1500").pluck().all() as string[];
            db.close();
            for (const p of rows) rmSync(path.join(root, p));
            deleted.push(...rows);
          }
        },
      });
      await index.whenIdle();
      const status = index.status();
      const skipped = status.skipped.counts['deleted during the scan'] ?? 0;
      const listed = new Set(await index.listFiles());
      // A deleted file is either skipped as deleted (and unlisted) or was read before it went
      // (and stays listed until a watcher says otherwise); every other file is listed and read.
      expect(deleted.filter((p) => !listed.has(p)).length).toBe(skipped);
      expect(listed.size).toBe(12_000 - skipped);
      const gone = new Set(deleted);
      for (const p of Object.keys(files)) if (!gone.has(p)) expect(listed.has(p)).toBe(true);
      expect(status.textFiles).toBe(12_000 - skipped);
      await index.close();
      rmSync(root, { recursive: true, force: true });
      return skipped;
    };
    let skipped = 0;
    for (let run = 0; run < 5 && skipped === 0; run++) skipped = await scanWithDeletions();
    expect(skipped).toBeGreaterThan(0);
  }, 240_000);
});
