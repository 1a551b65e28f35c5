// The real file watcher (@parcel/watcher): batches of workspace-relative paths that changed.
import watcher from '@parcel/watcher';
import type { Workspace } from '../workspace/workspace';

export interface ChangeBatch {
  created: string[];
  updated: string[];
  deleted: string[];
}

export interface WatchHandle {
  close(): Promise<void>;
}

export async function watchWorkspace(
  ws: Workspace,
  onBatch: (batch: ChangeBatch) => void,
  onError: (error: Error) => void = () => {},
): Promise<WatchHandle> {
  const subscription = await watcher.subscribe(
    ws.root,
    (error, events) => {
      if (error) {
        onError(error);
        return;
      }
      const batch: ChangeBatch = { created: [], updated: [], deleted: [] };
      for (const event of events) {
        const rel = ws.relative(event.path);
        if (rel.endsWith('.specdeck-tmp')) continue; // our own atomic-write temporaries
        (event.type === 'create' ? batch.created : event.type === 'update' ? batch.updated : batch.deleted).push(rel);
      }
      if (batch.created.length + batch.updated.length + batch.deleted.length > 0) onBatch(batch);
    },
    { ignore: ['.git', 'node_modules'] },
  );
  return { close: () => subscription.unsubscribe() };
}
