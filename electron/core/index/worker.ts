// Entry point of the index worker thread: owns the writing connection and the Indexer, and
// answers the service over postMessage. A corrupt database found mid-run is moved aside and the
// index is rebuilt from scratch; the service is told through `opened.recovered`.
import { parentPort } from 'node:worker_threads';
import { Indexer } from './indexer';
import { IndexStore } from './index-store';
import { isCorruptionError, moveAside } from '../storage/sqlite-database';
import { openIndexDb, type IndexDb, type Recovery } from './open-db';
import type { FromWorker, ToWorker } from './protocol';
import { shardOf } from './shards';

type Init = Extract<ToWorker, { type: 'init' }>;

const port = parentPort!;
const LIST_CHUNK = 5000;
let db: IndexDb | null = null;
let indexer: Indexer | null = null;
let generation = 0;

function post(message: FromWorker): void {
  port.postMessage(message);
}

function start(init: Init, recovery: Recovery | null): void {
  const opened = openIndexDb(init.dbPath);
  db = opened.db;
  post({ type: 'opened', generation: ++generation, recovered: recovery ?? opened.recovered });
  const owns = init.shards <= 1 ? () => true : (p: string) => shardOf(p, init.shards) === init.shard;
  const current = new Indexer(new IndexStore(db), init.root, init.options, owns, {
    list: (paths) => {
      for (let i = 0; i === 0 || i < paths.length; i += LIST_CHUNK) {
        post({ type: 'list', paths: paths.slice(i, i + LIST_CHUNK).join('\0'), first: i === 0, last: i + LIST_CHUNK >= paths.length });
      }
    },
    progress: (progress) => post({ type: 'progress', progress }),
    changed: (id, summary) => post({ type: 'changed', id, summary }),
    scanned: (skipped, elapsedMs) => post({ type: 'scanned', skipped, elapsedMs }),
    failed: (error) => {
      if (!isCorruptionError(error) || indexer !== current) {
        post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        return;
      }
      const unanswered = current.queuedIds();
      void current.stop().then(() => {
        db?.close();
        const movedTo = moveAside(init.dbPath);
        start(init, { reason: `the index database is corrupt (${(error as Error).message})`, movedTo });
        // The rescan covers every change that was waiting; answer those batches now.
        for (const id of unanswered) post({ type: 'changed', id, summary: { created: [], updated: [], removed: [] } });
      });
    },
  });
  indexer = current;
  current.announceStoredList();
  current.requestRescan();
}

port.on('message', (message: ToWorker) => {
  try {
    switch (message.type) {
      case 'init':
        start(message, null);
        break;
      case 'changes':
        indexer?.enqueueChanges(message.id, message.paths);
        break;
      case 'rescan':
        indexer?.requestRescan();
        break;
      case 'close':
        void (indexer?.stop() ?? Promise.resolve()).then(() => {
          db?.close();
          db = null;
          port.close();
        });
        break;
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
