// The spec choice of the spec commands: a spec named by its ID or an unambiguous tail of it
// (`task <spec-id>`, `--spec <id>`).
import { ApiError } from '../../shared/api/errors';
import type { Spec, SpecSummary } from '../../shared/specs/model';

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

/** `--spec <id>`: that one spec (whether or not it has tasks); without it, every spec with tasks. */
export function chooseSpecs(specs: readonly Spec[], wanted: string | undefined): Spec[] {
  return wanted === undefined ? specs.filter((s) => s.tasks.length > 0) : [resolveSpecId(specs, wanted)];
}
