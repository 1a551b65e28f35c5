// What an OpenSpec change says about itself in `.openspec.yaml` (goal, affected areas, skip_specs),
// the root's `openspec/config.yaml` references, and whether the spec is a read-only reference.
import type { Spec } from '../../../shared/specs/model';

export function ChangeMeta({ spec }: { spec: Spec }) {
  const meta = spec.changeMeta;
  const refs = spec.openspecConfig?.references ?? [];
  const store = spec.openspecConfig?.store ?? null;
  if (!meta && refs.length === 0 && !store && !spec.readOnly) return null;
  const skip = meta?.skipSpecs;
  return (
    <section className="change-meta" aria-label="Change metadata">
      {spec.readOnly && (
        <p className="read-only-note" role="note">
          Read-only: this store is declared as a reference in another root’s openspec/config.yaml; Specdeck shows it and never writes it.
        </p>
      )}
      <dl>
        {meta?.goal && (
          <>
            <dt>Goal</dt>
            <dd>{meta.goal}</dd>
          </>
        )}
        {meta && meta.affectedAreas.length > 0 && (
          <>
            <dt>Affected areas</dt>
            <dd>{meta.affectedAreas.join(', ')}</dd>
          </>
        )}
        {skip !== null && skip !== undefined && skip !== false && (
          <>
            <dt>Skips specs</dt>
            <dd>{skip === true ? 'yes (no spec deltas on purpose)' : skip.join(', ')}</dd>
          </>
        )}
        {meta?.schema && (
          <>
            <dt>Schema</dt>
            <dd>{meta.schema}</dd>
          </>
        )}
        {store && (
          <>
            <dt>Store</dt>
            <dd>{store}</dd>
          </>
        )}
        {refs.length > 0 && (
          <>
            <dt>References (read-only)</dt>
            <dd>{refs.join(', ')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
