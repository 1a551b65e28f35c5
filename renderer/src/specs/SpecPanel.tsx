// The Specs tab: the filterable, grouped spec list above the selected spec's documents.
import { useLayout } from '../stores/layout-store';
import { useSpecs } from '../stores/specs-store';
import { CreateSpecForm } from './CreateSpecForm';
import { SpecDocuments } from './SpecDocuments';
import { SpecFilter, SpecList } from './SpecList';

export function SpecPanel() {
  const { list, loaded, loadError, refresh, selected } = useSpecs();
  const { creatingSpec, setCreatingSpec } = useLayout();
  if (!loaded) return <p className="empty">Reading specs…</p>;
  if (loadError) {
    return (
      <div className="empty" role="alert">
        <p className="error">The specs could not be read: {loadError}</p>
        <button type="button" className="icon-button" onClick={() => void refresh()}>
          Try again
        </button>
      </div>
    );
  }
  if (list.length === 0) return <CreateSpecForm intro />;
  return (
    <div className="spec-panel">
      <div className="spec-list-area">
        <div className="spec-tools">
          <SpecFilter />
          <button type="button" className="icon-button" aria-label="Create a spec from a template" title="Create a spec from a template" onClick={() => setCreatingSpec(!creatingSpec)}>
            +
          </button>
        </div>
        {creatingSpec && <CreateSpecForm onDone={() => setCreatingSpec(false)} />}
        <SpecList />
      </div>
      <div className="spec-docs-area">{selected ? <SpecDocuments spec={selected.spec} /> : <p className="empty">Select a spec to read its documents.</p>}</div>
    </div>
  );
}
