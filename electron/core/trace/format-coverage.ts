// Coverage by format: OpenSpec tasks never cite requirements (coverage does not apply, as
// `specdeck specs` says "coverage n/a"); Spec Kit tasks under a `Phase N: User Story K` heading
// serve story K even without a `[USK]` tag.
import type { Spec, Task } from '../../../shared/specs/model';

export type CoverageMode = 'references' | 'not-applicable';

export function coverageMode(spec: Pick<Spec, 'format'>): CoverageMode {
  return spec.format === 'openspec-change' || spec.format === 'openspec-capability' ? 'not-applicable' : 'references';
}

const PHASE_STORY = /\bUser\s+Story\s+(\d+)\b/i;

/** The user story a Spec Kit task's phase heading names (`US<K>`), when the spec defines it. */
export function phaseStoryId(spec: Pick<Spec, 'format' | 'requirements'>, task: Pick<Task, 'section'>): string | null {
  if (spec.format !== 'speckit') return null;
  const match = PHASE_STORY.exec(task.section ?? '');
  if (!match) return null;
  const id = `US${Number(match[1])}`;
  return spec.requirements.some((r) => r.id === id && r.kind === 'user-story') ? id : null;
}
