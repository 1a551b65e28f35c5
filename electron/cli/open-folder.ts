// How a command gets the services of the folder it names: a Session, opened the way the hosts
// open one (no watcher; an index only when asked for) and closed when the command is done; or,
// for search and files on a fresh index, the read-only index alone.
import type { IndexService } from '../core/index/index-service';
import type { IndexQueries } from '../core/index/read-only-index';
import { Workspace } from '../core/workspace/workspace';
import type { Session, SessionOptions } from '../core/session';
import { UsageError, type CliIO } from './command';

export async function withSession<T>(dir: string | undefined, run: (session: Session) => Promise<T>, options: SessionOptions = {}): Promise<T> {
  if (dir === undefined) throw new UsageError('a folder is required');
  // Loaded when used: search and files on a fresh index never need the session (lazy imports
  // keep a cold command close to Node's own start-up).
  const { Session } = await import('../core/session');
  const session = await Session.open(dir, options);
  try {
    return await run(session);
  } finally {
    await session.close();
  }
}

/** `specdeck index|search|files`: the folder's index, brought up to date first. */
export function withFreshIndex<T>(dir: string, io: CliIO, use: (index: IndexService) => Promise<T>): Promise<T> {
  const onIndexRecovered: SessionOptions['onIndexRecovered'] = (r) =>
    io.err(`specdeck: the index database was unusable (${r.reason}); moved it to ${r.movedTo} and rebuilt it`);
  return withSession(
    dir,
    async (session) => {
      const index = session.index!; // opened with an index
      await index.whenIdle(); // on a known folder this re-reads only what changed
      return use(index);
    },
    { index: true, onIndexRecovered },
  );
}

/**
 * `specdeck search|files`: on a folder whose index is complete and matches the disk, answered on
 * this thread from read-only connections (no worker threads, no writes); otherwise the index is
 * brought up to date first, as withFreshIndex does. `files` needs only the paths to match
 * (`needs: 'paths'`: no lstat per file), and then uses searchFiles alone.
 */
export async function withIndexQueries<T>(dir: string, io: CliIO, use: (index: IndexQueries) => Promise<T>, needs: 'text' | 'paths' = 'text'): Promise<T> {
  const ws = await Workspace.open(dir); // NOT_FOUND / INVALID_ARGUMENT as for any command
  // Loaded when used, as the session is: the commands without an index never load SQLite.
  const { ReadOnlyIndex } = await import('../core/index/read-only-index');
  const fresh = ReadOnlyIndex.openIfFresh(ws.root, { needs });
  if (!fresh) return withFreshIndex(dir, io, use);
  try {
    return await use(fresh);
  } finally {
    fresh.close();
  }
}
