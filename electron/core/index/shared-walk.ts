// One walk of the tree for every shard when the index opens. Each shard used to walk the whole
// tree itself (stat-ing only its own files), so opening an index listed every folder once per
// shard, the listings contending for the same directories; on a tree of many small folders that
// was most of a reopen. Now shard 0 (the lead) walks once and hands every other shard its files
// over a MessagePort; the others wait for that instead of walking. Only the first reconcile of a
// worker is shared (the one that opening always runs, on every worker); a later rescan walks per
// shard as before, so no two workers ever have to agree on which walk answers which request.
// The files go out in chunks while the walk runs (a follower can pass them on to quick-open as
// they come), then one closing message with the walk's start time and the skips.
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

type WalkMessage =
  /** Paths joined by '\0' (no file name holds one), sizes and mtimes beside them. */
  | { kind: 'files'; paths: string; sizes: Float64Array; mtimes: Float64Array }
  | { kind: 'end'; startedAt: number; skips: [string, string][] };

/** Files per chunk sent to a follower while the walk runs. */
export const WALK_CHUNK = 5000;

/** Shard 0's side: sends each other shard its part of the walk, exactly once. */
export class WalkLead {
  private done = false;
  /** Per follower (index i - 1 for shard i): its files walked and not sent yet. */
  private readonly unsent: ScannedFile[][];

  constructor(
    /** ports[i - 1] reaches shard i. */
    private readonly ports: MessagePort[],
    private readonly shards: number,
    private readonly chunk = WALK_CHUNK,
  ) {
    this.unsent = ports.map(() => []);
  }

  /**
   * One walked file (of any shard): a follower's is queued for it, and sent once a chunk is full.
   * Returns the file's shard; shard 0's own files are the caller's to keep.
   */
  add(file: ScannedFile): number {
    const shard = shardOf(file.path, this.shards);
    if (shard === 0 || this.done) return shard;
    const queue = this.unsent[shard - 1]!;
    queue.push(file);
    if (queue.length >= this.chunk) this.send(shard - 1);
    return shard;
  }

  /**
   * Sends each follower the rest of its files and the skips that hash to it, with the walk's
   * start; returns the skips of the lead's own shard (no path is hashed twice).
   */
  publish(startedAt: number, skips: readonly [string, string][]): [string, string][] {
    const byShard = Array.from({ length: this.shards }, () => [] as [string, string][]);
    for (const skip of skips) byShard[shardOf(skip[0], this.shards)]!.push(skip);
    if (this.done) return byShard[0]!;
    this.done = true;
    this.ports.forEach((port, i) => {
      this.send(i);
      port.postMessage({ kind: 'end', startedAt, skips: byShard[i + 1]! } satisfies WalkMessage);
      port.close();
    });
    return byShard[0]!;
  }

  /** The walk did not finish (a failure, or the index closed first): the others walk themselves. */
  abandon(): void {
    if (this.done) return;
    this.done = true;
    for (const port of this.ports) {
      port.postMessage(null);
      port.close();
    }
  }

  private send(follower: number): void {
    const files = this.unsent[follower]!.splice(0);
    if (files.length === 0) return;
    const message: WalkMessage = {
      kind: 'files',
      paths: files.map((f) => f.path).join('\0'),
      sizes: Float64Array.from(files, (f) => f.size),
      mtimes: Float64Array.from(files, (f) => f.mtimeMs),
    };
    this.ports[follower]!.postMessage(message, [message.sizes.buffer as ArrayBuffer, message.mtimes.buffer as ArrayBuffer]);
  }
}

/** Another shard's side: the lead's walk, or null when it will not come (then walk yourself). */
export class WalkFollower {
  private readonly share: Promise<WalkShare | null>;
  private settle: (share: WalkShare | null) => void = () => {};
  private readonly files: ScannedFile[] = [];
  private onFiles: ((paths: string[]) => void) | null = null;

  constructor(port: MessagePort) {
    this.share = new Promise((resolve) => {
      this.settle = (share) => {
        this.settle = () => {};
        port.close();
        resolve(share);
      };
    });
    port.on('message', (message: WalkMessage | null) => {
      if (message === null) this.settle(null);
      else if (message.kind === 'end') this.settle({ startedAt: message.startedAt, files: this.files, skips: message.skips });
      else {
        const paths = message.paths === '' ? [] : message.paths.split('\0');
        for (let i = 0; i < paths.length; i++) this.files.push({ path: paths[i]!, size: message.sizes[i]!, mtimeMs: message.mtimes[i]! });
        this.onFiles?.(paths);
      }
    });
    // The lead's worker ended (or closed the port) without a walk.
    port.once('close', () => this.settle(null));
    port.unref(); // waiting for the lead never keeps a closing worker alive
  }

  /**
   * The whole share once the lead's walk ends. `onFiles` is given each chunk's paths as it
   * arrives (those that came before the call first); they are only part of a share until it
   * resolves non-null: on null, walk yourself.
   */
  receive(onFiles?: (paths: string[]) => void): Promise<WalkShare | null> {
    if (onFiles) {
      if (this.files.length > 0) onFiles(this.files.map((f) => f.path));
      this.onFiles = onFiles;
    }
    return this.share;
  }

  /** Stops waiting (the index is closing). */
  cancel(): void {
    this.settle(null);
  }
}
