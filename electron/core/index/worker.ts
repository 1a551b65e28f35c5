// Entry point of the index worker thread: owns the writing connection and the Indexer, and
// answers the service over postMessage. A corrupt database found mid-run is moved aside and the
// index is rebuilt from scratch; the service is told through `opened.recovered`.
import { parentPort } from 'node:worker_threads';
import { Indexer } from './indexer';
import { IndexStore } from './index-store';
import { isCorruptionError, moveAside } from '../storage/sqlite-database';
import { openIndexDb, openReader, type IndexDb, type Recovery } from './open-db';
import type { FromWorker, ToWorker } from './protocol';
import { shardOf } from './shards';
import { WalkFollower, WalkLead } from './shared-walk';
import { TextSearcher } from './text-search';
import { ApiError } from '../../../shared/api/errors';

type Init = Extract<ToWorker, { type: 'init' }>;

const port = parentPort!;
const LIST_CHUNK = 5000;
let db: IndexDb | null = null;
let indexer: Indexer | null = null;
let generation = 0;

function post(message: FromWorker): void {
  port.postMessage(message);
}

/** The first start only shares the first walk and may trust `heldPaths` and `catchUp` (a rebuild after corruption walks alone and sends its list). */
let walkPortsTaken = false;

function start(init: Init, recovery: Recovery | null): void {
  const ports = walkPortsTaken ? [] : (init.walkPorts ?? []);
  // The list the serving side holds is that of the database as it opened first (not of a rebuild).
  const held = walkPortsTaken ? undefined : init.heldPaths;
  const catchUp = walkPortsTaken ? undefined : init.catchUp;
  walkPortsTaken = true;
  const firstWalk = ports.length === 0 ? null : init.shard === 0 ? new WalkLead(ports, init.shards) : new WalkFollower(ports[0]!);
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
    listPart: (paths, first, last) => post({ type: 'list', paths: paths.join('\0'), first, last }),
    listDiff: (added, removed) => post({ type: 'list-diff', added: added.join('\0'), removed: removed.join('\0') }),
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
  }, firstWalk);
  indexer = current;
  const intact = recovery === null && opened.recovered === null;
  const heldAccepted = current.announceStoredList(intact ? held : undefined);
  // The quiet reopen's walk knows what differs from this database as it stands: apply only that.
  if (catchUp && heldAccepted) current.catchUp(catchUp.paths, catchUp.startedAt, catchUp.skipped);
  else current.requestRescan();
}

/** A search worker's read-only searchers, one per shard database, opened on first use. */
const searchers = new Map<string, TextSearcher>();

function search(message: Extract<ToWorker, { type: 'search' }>): void {
  post({ type: 'search-started', id: message.id });
  try {
    const results = message.dbPaths.map((dbPath) => {
      let searcher = searchers.get(dbPath);
      if (!searcher) searchers.set(dbPath, (searcher = new TextSearcher(openReader(dbPath))));
      return searcher.search(message.params);
    });
    post({ type: 'searched', id: message.id, results });
  } catch (error) {
    const data = error instanceof ApiError ? error.toData() : { code: 'INTERNAL' as const, message: error instanceof Error ? error.message : String(error) };
    post({ type: 'searched', id: message.id, results: [], error: data });
  }
}

port.on('message', (message: ToWorker) => {
  try {
    switch (message.type) {
      case 'search':
        search(message);
        break;
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
