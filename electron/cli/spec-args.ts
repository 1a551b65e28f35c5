// Helpers the spec commands (`specs`, `tasks`, `task`, `check`) share: opening the folder and
// finding a spec by its ID or an unambiguous tail of it.
import { ApiError } from '../../shared/api/errors';
import type { Spec, SpecSummary } from '../../shared/specs/model';
import { Session } from '../core/session';
import { UsageError } from './command';

export async function withSession<T>(dir: string | undefined, run: (session: Session) => Promise<T>): Promise<T> {
  if (dir === undefined) throw new UsageError('a folder is required');
  const session = await Session.open(dir);
  try {
    return await run(session);
  } finally {
    await session.close();
  }
}

/** `kiro/x/.kiro/specs/foo` matches `kiro/x/.kiro/specs/foo`, `specs/foo` or `foo` when unique. */
export function resolveSpecId<S extends Spec | SpecSummary>(specs: readonly S[], wanted: string): S {
  const exact = specs.find((s) => s.id === wanted);
  if (exact) return exact;
  const tail = specs.filter((s) => s.id.endsWith('/' + wanted));
  if (tail.length === 1) return tail[0]!;
  if (tail.length > 1) {
    throw new ApiError('INVALID_ARGUMENT', `Spec id ${wanted} is ambiguous: ${tail.map((s) => s.id).join(', ')}`, 'specId');
  }
  throw new ApiError('NOT_FOUND', `No spec with id ${wanted}`, 'specId');
}
