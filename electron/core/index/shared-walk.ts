// One walk of the tree for every shard when the index opens. Each shard used to walk the whole
// tree itself (stat-ing only its own files), so opening an index listed every folder once per
// shard, the listings contending for the same directories; on a tree of many small folders that
// was most of a reopen. Now shard 0 (the lead) walks once and hands every other shard its files
// over a MessagePort; the others wait for that instead of walking. Only the first reconcile of a
// worker is shared (the one that opening always runs, on every worker); a later rescan walks per
// shard as before, so no two workers ever have to agree on which walk answers which request.
import type { MessagePort } from 'node:worker_threads';
import type { ScannedFile } from './scanner';
import { shardOf } from './shards';

/** What a waiting shard receives: its files and skipped paths from the lead's walk. */
export interface WalkShare {
  /** When the lead's walk began: a file changed after this is looked at again next time. */
  startedAt: number;
  files: ScannedFile[];
  skips: [path: string, reason: string][];
}

interface WalkMessage {
  startedAt: number;
  /** Paths joined by '\0' (no file name holds one), sizes and mtimes beside them. */
  paths: string;
  sizes: Float64Array;
  mtimes: Float64Array;
  skips: [string, string][];
}

/** Shard 0's side: sends each other shard its part of the walk, exactly once. */
export class WalkLead {
  private done = false;

  constructor(
    /** ports[i - 1] reaches shard i. */
    private readonly ports: MessagePort[],
    private readonly shards: number,
  ) {}

  /**
   * Sends each follower the files and skips that hash to it; returns the lead's own (shard 0's),
   * so no path is hashed twice. `files` and `skips` hold every shard's entries.
   */
  publish(startedAt: number, files: readonly ScannedFile[], skips: readonly [string, string][]): Omit<WalkShare, 'startedAt'> {
    const byShard = Array.from({ length: this.shards }, () => ({ files: [] as ScannedFile[], skips: [] as [string, string][] }));
    for (const file of files) byShard[shardOf(file.path, this.shards)]!.files.push(file);
    for (const skip of skips) byShard[shardOf(skip[0], this.shards)]!.skips.push(skip);
    if (this.done) return byShard[0]!;
    this.done = true;
    this.ports.forEach((port, i) => {
      const part = byShard[i + 1]!;
      const message: WalkMessage = {
        startedAt,
        paths: part.files.map((f) => f.path).join('\0'),
        sizes: Float64Array.from(part.files, (f) => f.size),
        mtimes: Float64Array.from(part.files, (f) => f.mtimeMs),
        skips: part.skips,
      };
      port.postMessage(message, [message.sizes.buffer as ArrayBuffer, message.mtimes.buffer as ArrayBuffer]);
      port.close();
    });
    return byShard[0]!;
  }

  /** The walk did not happen (a failure, or the index closed first): the others walk themselves. */
  abandon(): void {
    if (this.done) return;
    this.done = true;
    for (const port of this.ports) {
      port.postMessage(null);
      port.close();
    }
  }
}

/** Another shard's side: the lead's walk, or null when it will not come (then walk yourself). */
export class WalkFollower {
  private readonly share: Promise<WalkShare | null>;
  private settle: (share: WalkShare | null) => void = () => {};

  constructor(port: MessagePort) {
    this.share = new Promise((resolve) => {
      this.settle = (share) => {
        this.settle = () => {};
        port.close();
        resolve(share);
      };
    });
    port.once('message', (message: WalkMessage | null) => this.settle(message ? decode(message) : null));
    // The lead's worker ended (or closed the port) without a walk.
    port.once('close', () => this.settle(null));
    port.unref(); // waiting for the lead never keeps a closing worker alive
  }

  receive(): Promise<WalkShare | null> {
    return this.share;
  }

  /** Stops waiting (the index is closing). */
  cancel(): void {
    this.settle(null);
  }
}

function decode(message: WalkMessage): WalkShare {
  const paths = message.paths === '' ? [] : message.paths.split('\0');
  return {
    startedAt: message.startedAt,
    files: paths.map((p, i) => ({ path: p, size: message.sizes[i]!, mtimeMs: message.mtimes[i]! })),
    skips: message.skips,
  };
}
