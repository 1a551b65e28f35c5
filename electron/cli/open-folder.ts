// How a command gets the services of the folder it names: a Session, opened the way the hosts
// open one (no watcher; an index only when asked for) and closed when the command is done.
import type { IndexService } from '../core/index/index-service';
import { Session, type SessionOptions } from '../core/session';
import { UsageError, type CliIO } from './command';

export async function withSession<T>(dir: string | undefined, run: (session: Session) => Promise<T>, options: SessionOptions = {}): Promise<T> {
  if (dir === undefined) throw new UsageError('a folder is required');
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
