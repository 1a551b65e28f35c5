// The first reconcile's walk is made once, by shard 0, and handed to the other shards
// (shared-walk.ts). Unit: each follower gets exactly its part, or null when the lead gives up or
// goes. Integration: reopening a 3-shard index after edits, creations, deletions and renames in
// every shard answers as a single-shard index opened from nothing, and reports each skip once.
import { mkdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WalkFollower, WalkLead } from '../../../../electron/core/index/shared-walk';
import { shardOf } from '../../../../electron/core/index/shards';
import { makeTree, useIndexSandbox } from './helpers';

describe('shared first walk (unit)', () => {
  it('hands each follower the files and skips that hash to it, and nothing else', async () => {
    const [a, b] = [new MessageChannel(), new MessageChannel()];
    const lead = new WalkLead([a.port1, b.port1], 3);
    const followers = [new WalkFollower(a.port2), new WalkFollower(b.port2)];
    const files = Array.from({ length: 200 }, (_, i) => ({ path: `d${i % 9}/f${i}.ts`, size: i, mtimeMs: 1_700_000_000_000.5 + i }));
    const skips: [string, string][] = Array.from({ length: 30 }, (_, i) => [`s${i}`, `reason ${i}`]);
    const own = files.filter((f) => lead.add(f) === 0);
    expect(own).toEqual(files.filter((f) => shardOf(f.path, 3) === 0));
    expect(lead.publish(1234, skips)).toEqual(skips.filter((s) => shardOf(s[0], 3) === 0));
    lead.abandon(); // after a publish: nothing more is sent
    for (const [i, follower] of followers.entries()) {
      const share = await follower.receive();
      expect(share?.startedAt).toBe(1234);
      expect(share?.files).toEqual(files.filter((f) => shardOf(f.path, 3) === i + 1));
      expect(share?.skips).toEqual(skips.filter((s) => shardOf(s[0], 3) === i + 1));
    }
  });

  it('sends a follower its files in chunks while the walk runs, each passed on as it arrives', async () => {
    const a = new MessageChannel();
    const lead = new WalkLead([a.port1], 2, 10);
    const follower = new WalkFollower(a.port2);
    const parts: string[][] = [];
    const share = follower.receive((paths) => parts.push(paths));
    const files = Array.from({ length: 200 }, (_, i) => ({ path: `d${i % 7}/f${i}.ts`, size: i, mtimeMs: 1_700_000_000_000.25 + i }));
    const theirs = files.filter((f) => shardOf(f.path, 2) === 1);
    for (const file of files) lead.add(file);
    // Before the walk ends: every full chunk goes out (the port delivers in order).
    const full = Math.floor(theirs.length / 10) * 10;
    while (parts.flat().length < full) await new Promise((resolve) => setImmediate(resolve));
    expect(parts.flat()).toEqual(theirs.slice(0, full).map((f) => f.path));
    expect(parts.every((p) => p.length === 10)).toBe(true);
    lead.publish(7, []);
    expect(await share).toEqual({ startedAt: 7, files: theirs, skips: [] });
    expect(parts.flat()).toEqual(theirs.map((f) => f.path));
  });

  it('a follower that asks late still gets every path once; a walk abandoned after chunks gives null', async () => {
    const [a, b] = [new MessageChannel(), new MessageChannel()];
    const files = Array.from({ length: 20 }, (_, i) => ({ path: `f${i}`, size: i, mtimeMs: i }));
    const theirs = files.filter((f) => shardOf(f.path, 2) === 1);
    const lead = new WalkLead([a.port1], 2, 1);
    const late = new WalkFollower(a.port2);
    for (const file of files) lead.add(file);
    await new Promise((resolve) => setTimeout(resolve, 20)); // (some or all chunks arrive first)
    const parts: string[][] = [];
    const share = late.receive((paths) => parts.push(paths));
    lead.publish(3, []);
    expect((await share)?.files).toEqual(theirs);
    expect(parts.flat()).toEqual(theirs.map((f) => f.path));

    const abandoning = new WalkLead([b.port1], 2, 1);
    const left = new WalkFollower(b.port2);
    for (const file of files) abandoning.add(file);
    abandoning.abandon();
    expect(await left.receive()).toBeNull();
  });

  it('gives null (walk yourself) when the lead abandons, when its port closes, or when cancelled', async () => {
    const [a, b, c] = [new MessageChannel(), new MessageChannel(), new MessageChannel()];
    const abandoned = new WalkFollower(a.port2);
    new WalkLead([a.port1], 2).abandon();
    expect(await abandoned.receive()).toBeNull();
    const gone = new WalkFollower(b.port2);
    b.port1.close();
    expect(await gone.receive()).toBeNull();
    const cancelled = new WalkFollower(c.port2);
    cancelled.cancel();
    expect(await cancelled.receive()).toBeNull();
  });

  it('sends an empty share as an empty share (a shard with no files)', async () => {
    const a = new MessageChannel();
    const follower = new WalkFollower(a.port2);
    new WalkLead([a.port1], 2).publish(5, []);
    expect(await follower.receive()).toEqual({ startedAt: 5, files: [], skips: [] });
  });
});

describe('shared first walk (index)', () => {
  const sandbox = useIndexSandbox();

  it('reopens a sharded index after changes in every shard exactly as a fresh single-shard index sees the tree', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`dir${i % 6}/file${i}.ts`] = `export const value${i} = 'needle ${i}';\n`;
    const root = makeTree(files);
    const threeDb = path.join(sandbox.dataDir(), 'three.sqlite');
    const first = sandbox.open(root, { shards: 3, dbPath: threeDb });
    await first.whenIdle();
    await first.close();

    // In every shard: an in-place edit (same size, new mtime), a creation, a deletion, a rename,
    // a folder renamed, a new link (skipped, reported once).
    const edited: string[] = [];
    for (let i = 0; i < 120 && edited.length < 9; i++) {
      const rel = `dir${i % 6}/file${i}.ts`;
      if (edited.some((e) => shardOf(e, 3) === shardOf(rel, 3)) && edited.length < 3) continue;
      edited.push(rel);
    }
    for (const rel of edited) {
      writeFileSync(path.join(root, rel), `export const valueX = 'edited ${rel.length}';\n`.padEnd(40, ' '));
      const later = new Date(Date.now() + 10_000);
      utimesSync(path.join(root, rel), later, later);
    }
    for (let i = 0; i < 12; i++) writeFileSync(path.join(root, `dir${i % 6}/created${i}.ts`), `created needle ${i}\n`);
    for (let i = 100; i < 110; i++) rmSync(path.join(root, `dir${i % 6}/file${i}.ts`));
    for (let i = 90; i < 96; i++) renameSync(path.join(root, `dir${i % 6}/file${i}.ts`), path.join(root, `dir${i % 6}/renamed${i}.ts`));
    renameSync(path.join(root, 'dir5'), path.join(root, 'moved5'));
    mkdirSync(path.join(root, 'links'));
    for (let i = 0; i < 6; i++) symlinkSync(path.join(root, 'dir0'), path.join(root, `links/l${i}`));

    const three = sandbox.open(root, { shards: 3, dbPath: threeDb });
    const one = sandbox.open(root, { shards: 1, dbPath: path.join(sandbox.dataDir(), 'one.sqlite') });
    await Promise.all([three.whenIdle(), one.whenIdle()]);
    expect(await three.listFiles()).toEqual(await one.listFiles());
    expect((await three.listFiles()).filter((p) => p.startsWith('moved5/')).length).toBe(20);
    for (const query of ['needle', 'edited', 'created needle', 'value9']) {
      expect((await three.searchText({ query, limit: 20_000 })).hits).toEqual((await one.searchText({ query, limit: 20_000 })).hits);
    }
    const [a, b] = [one.status(), three.status()];
    expect([b.files, b.textFiles, b.textBytes]).toEqual([a.files, a.textFiles, a.textBytes]);
    expect(b.skipped.counts).toEqual(a.skipped.counts);
    expect(b.skipped.counts['symbolic link (not followed)']).toBe(6);
  });

  it('closed before the first walk was shared, it opens again complete', async () => {
    const root = makeTree({ 'a.ts': 'a\n', 'b.ts': 'b\n', 'c.ts': 'c\n' });
    for (let i = 0; i < 2; i++) {
      const index = sandbox.open(root, { shards: 3, dbPath: path.join(sandbox.dataDir(), 'x0.sqlite') });
      await index.close(); // a follower stops waiting, a lead that never walked lets go
    }
    const index = sandbox.open(root, { shards: 3, dbPath: path.join(sandbox.dataDir(), 'x0.sqlite') });
    await index.whenIdle();
    expect((await index.listFiles()).sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
  });
});
