// The real file watcher (@parcel/watcher): batches of workspace-relative paths that changed.
//
// On Linux, @parcel/watcher adds a watch for a new folder but not for the folders already inside
// it when it is seen (`mkdir -p a/b/c`, a `git checkout` that brings a new tree): later changes in
// a/b and a/b/c would never be reported (parcel-bundler/watcher#97). So every sub-folder of a new
// folder gets a subscription of its own, which walks and watches that whole subtree.
import watcher, { type AsyncSubscription, type Event } from '@parcel/watcher';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_EXCLUDES } from '../workspace/ignore-rules';
import type { Workspace } from '../workspace/workspace';

export interface ChangeBatch {
  created: string[];
  updated: string[];
  deleted: string[];
}

export interface WatchHandle {
  close(): Promise<void>;
}

const IGNORE = [...DEFAULT_EXCLUDES];

export async function watchWorkspace(
  ws: Workspace,
  onBatch: (batch: ChangeBatch) => void,
  onError: (error: Error) => void = () => {},
): Promise<WatchHandle> {
  /** Extra subscriptions for sub-folders of new folders, by absolute path. */
  const subtrees = new Map<string, Promise<AsyncSubscription | null>>();
  let closed = false;

  const onEvents = (error: Error | null, events: Event[]) => {
    if (error) {
      onError(error);
      return;
    }
    const batch: ChangeBatch = { created: [], updated: [], deleted: [] };
    for (const event of events) {
      const rel = ws.relative(event.path);
      if (rel.endsWith('.specdeck-tmp')) continue; // our own atomic-write temporaries
      (event.type === 'create' ? batch.created : event.type === 'update' ? batch.updated : batch.deleted).push(rel);
      if (event.type === 'create') void watchSubfoldersOf(event.path);
      if (event.type === 'delete') void unwatchUnder(event.path);
    }
    if (batch.created.length + batch.updated.length + batch.deleted.length > 0) onBatch(batch);
  };

  async function watchSubfoldersOf(folder: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return; // a file, or already gone
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || IGNORE.includes(entry.name)) continue;
      const sub = path.join(folder, entry.name);
      if (closed || subtrees.has(sub)) continue;
      subtrees.set(sub, watcher.subscribe(sub, onEvents, { ignore: IGNORE }).catch(() => null));
    }
  }

  async function unwatchUnder(deleted: string): Promise<void> {
    for (const [folder, subscription] of subtrees) {
      if (folder !== deleted && !folder.startsWith(deleted + path.sep)) continue;
      subtrees.delete(folder);
      await (await subscription)?.unsubscribe().catch(() => {});
    }
  }

  const root = await watcher.subscribe(ws.root, onEvents, { ignore: IGNORE });
  return {
    async close() {
      closed = true;
      await root.unsubscribe();
      await Promise.all([...subtrees.values()].map(async (s) => (await s)?.unsubscribe().catch(() => {})));
      subtrees.clear();
    },
  };
}
