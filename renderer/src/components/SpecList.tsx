// The specs of the workspace, with their progress; selecting one shows its tasks.
import { useSpecs } from '../stores/specs-store';

const FORMAT_LABEL: Record<string, string> = {
  kiro: 'Kiro',
  'kiro-bugfix': 'Kiro bugfix',
  'cc-sdd': 'cc-sdd',
  speckit: 'Spec Kit',
  'openspec-capability': 'OpenSpec',
  'openspec-change': 'OpenSpec change',
};

export function SpecList() {
  const { list, loaded, selectedId, select } = useSpecs();
  if (!loaded) return <p className="empty">Reading specs…</p>;
  if (list.length === 0) {
    return (
      <p className="empty">
        No specs found. Specdeck reads Kiro (<code>.kiro/specs/*/</code>), Spec Kit (<code>specs/NNN-*/</code>) and
        OpenSpec (<code>openspec/</code>) folders.
      </p>
    );
  }
  return (
    <ul className="spec-list" aria-label="Spec list">
      {list.map((spec) => {
        const { total, done, inProgress } = spec.counts;
        return (
          <li key={spec.id}>
            <button
              type="button"
              className={spec.id === selectedId ? 'spec selected' : 'spec'}
              aria-current={spec.id === selectedId ? 'true' : undefined}
              onClick={() => void select(spec.id)}
              title={spec.folder}
            >
              <span className="spec-title">{spec.title}</span>
              <span className="spec-format">{FORMAT_LABEL[spec.format] ?? spec.format}</span>
              <span className="spec-progress" aria-label={`${done} of ${total} tasks done, ${inProgress} in progress`}>
                <progress max={Math.max(total, 1)} value={done} aria-hidden="true" />
                {done}/{total}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
