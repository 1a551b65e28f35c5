// The left pane (landmark "Specs"): the spec panel, the Files tab and the Search tab.
import { useState } from 'react';
import { useLayout } from '../stores/layout-store';
import { FilesTab } from '../files/FileTree';
import { OpenFolderForm } from './OpenFolderForm';
import { SearchPanel } from '../search/SearchPanel';
import { SpecPanel } from '../specs/SpecPanel';

export function LeftPane() {
  const { leftTab, showLeftTab } = useLayout();
  const [opening, setOpening] = useState(false);
  return (
    <section className="pane left-pane" role="region" aria-label="Specs">
      <div className="pane-header">
        <div role="tablist" aria-label="Left pane">
          <button type="button" role="tab" aria-selected={leftTab === 'specs'} onClick={() => showLeftTab('specs')}>
            Specs
          </button>
          <button type="button" role="tab" aria-selected={leftTab === 'files'} onClick={() => showLeftTab('files')}>
            Files
          </button>
          <button type="button" role="tab" aria-selected={leftTab === 'search'} onClick={() => showLeftTab('search')}>
            Search
          </button>
        </div>
        <button type="button" className="icon-button" onClick={() => setOpening(true)} title="Open Folder…">
          Open…
        </button>
      </div>
      {opening && <OpenFolderForm onDone={() => setOpening(false)} />}
      <div className="pane-body" role="tabpanel">
        {leftTab === 'specs' && <SpecPanel />}
        {leftTab === 'files' && <FilesTab />}
        {leftTab === 'search' && <SearchPanel />}
      </div>
    </section>
  );
}
