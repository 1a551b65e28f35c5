import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addRecent, MAX_RECENT_FOLDERS, parseRecentFile, RecentFoldersStore, removeRecent } from '../../../electron/main/recent-folders';

const abs = (name: string) => path.resolve('/repos', name);

describe('recent folder list', () => {
  it('puts the newest first without duplicates, capped', () => {
    let list: string[] = [];
    for (let i = 0; i < MAX_RECENT_FOLDERS + 3; i++) list = addRecent(list, abs(`r${i}`));
    expect(list).toHaveLength(MAX_RECENT_FOLDERS);
    expect(list[0]).toBe(abs(`r${MAX_RECENT_FOLDERS + 2}`));
    list = addRecent(list, abs('r5'));
    expect(list[0]).toBe(abs('r5'));
    expect(list.filter((f) => f === abs('r5'))).toHaveLength(1);
    expect(removeRecent(list, abs('r5'))).not.toContain(abs('r5'));
  });

  it('reads back only clean data from whatever is on disk', () => {
    expect(parseRecentFile('not json')).toEqual([]);
    expect(parseRecentFile('null')).toEqual([]);
    expect(parseRecentFile('{"folders": "x"}')).toEqual([]);
    expect(parseRecentFile(JSON.stringify({ folders: [abs('a'), 3, 'relative/path', abs('a'), abs('b')] }))).toEqual([abs('a'), abs('b')]);
  });
});

describe('RecentFoldersStore', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('persists as JSON in the user-data folder and survives a reload', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'specdeck-recent-'));
    const userData = path.join(dir, 'user-data'); // does not exist yet: first run
    const store = new RecentFoldersStore(userData);
    expect(await store.load()).toEqual([]);
    await store.add(abs('one'));
    await store.add(abs('two'));
    const onDisk = JSON.parse(await readFile(path.join(userData, 'recent-folders.json'), 'utf8'));
    expect(onDisk.folders).toEqual([abs('two'), abs('one')]);

    const again = new RecentFoldersStore(userData);
    expect(await again.load()).toEqual([abs('two'), abs('one')]);
    await again.remove(abs('two'));
    expect(again.list()).toEqual([abs('one')]);
    await again.clear();
    expect(await new RecentFoldersStore(userData).load()).toEqual([]);
  });

  it('writes nothing when a change leaves the list as it was (the same folder opened again)', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'specdeck-recent-'));
    const store = new RecentFoldersStore(dir);
    await store.load();
    await store.add(abs('one'));
    await rm(path.join(dir, 'recent-folders.json'));
    expect(await store.add(abs('one'))).toEqual([abs('one')]);
    await expect(readFile(path.join(dir, 'recent-folders.json'), 'utf8')).rejects.toThrow();
    await store.add(abs('two'));
    expect(JSON.parse(await readFile(path.join(dir, 'recent-folders.json'), 'utf8')).folders).toEqual([abs('two'), abs('one')]);
  });

  it('starts empty when the file is corrupt', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'specdeck-recent-'));
    await writeFile(path.join(dir, 'recent-folders.json'), '{"folders": [');
    expect(await new RecentFoldersStore(dir).load()).toEqual([]);
  });
});

describe('RecentFoldersStore under overlapping changes', () => {
  it('keeps the file consistent with the last change', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'specdeck-recent-'));
    try {
      const store = new RecentFoldersStore(dir);
      await store.load();
      await Promise.all([store.add(abs('a')), store.add(abs('b')), store.remove(abs('a')), store.add(abs('c'))]);
      expect(store.list()).toEqual([abs('c'), abs('b')]);
      expect(await new RecentFoldersStore(dir).load()).toEqual([abs('c'), abs('b')]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
