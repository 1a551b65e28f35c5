// The Specs tab, a spec explorer: the filterable, grouped spec list, a resizable split, and the
// selected spec's outline (its documents open in the centre).
import { useLayout } from '../stores/layout-store';
import { useSpecs } from '../stores/specs-store';
import { Splitter } from '../workbench/Splitter';
import { CreateSpecForm } from './CreateSpecForm';
import { SpecOutline } from './SpecOutline';
import { HideDoneToggle, SpecFilter, SpecList } from './SpecList';

export function SpecPanel() {
  const { list, loaded, loadError, refresh, selected } = useSpecs();
  const { creatingSpec, setCreatingSpec, specListHeight, resizeSpecList } = useLayout();
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
      <div className="spec-list-area" style={{ height: specListHeight }}>
        <div className="spec-tools">
          <SpecFilter />
          <HideDoneToggle />
          <button type="button" className="icon-button" aria-label="Create a spec from a template" title="Create a spec from a template" onClick={() => setCreatingSpec(!creatingSpec)}>
            +
          </button>
        </div>
        {creatingSpec && <CreateSpecForm onDone={() => setCreatingSpec(false)} />}
        <SpecList />
      </div>
      <Splitter label="Resize the spec list" orientation="horizontal" width={specListHeight} direction={1} onResize={resizeSpecList} />
      <div className="spec-docs-area">{selected ? <SpecOutline spec={selected.spec} /> : <p className="empty">Select a spec to see its documents.</p>}</div>
    </div>
  );
}
