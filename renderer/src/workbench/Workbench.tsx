// The three panes side by side, resizable, above the status bar (the Problems view under the
// editor, toggled); the overlays above them.
import { useLayout } from '../stores/layout-store';
import { CommandPalette } from '../commands/CommandPalette';
import { ConfirmCloseDialog } from './ConfirmCloseDialog';
import { EditorPane } from '../editor/EditorPane';
import { LeftPane } from './LeftPane';
import { QuickOpen } from '../commands/QuickOpen';
import { Splitter } from './Splitter';
import { StatusBar } from './StatusBar';
import { TaskPane } from '../tasks/TaskPane';
import { ProblemsPanel } from '../problems/ProblemsPanel';

export function Workbench() {
  const { leftWidth, rightWidth, resize, quickOpen, setQuickOpen, palette, setPalette, problemsOpen, problemsHeight, resizeProblems } = useLayout();
  return (
    <div className="workbench" style={{ gridTemplateColumns: `${leftWidth}px 4px minmax(200px, 1fr) 4px ${rightWidth}px` }}>
      <LeftPane />
      <Splitter label="Resize the Specs pane" width={leftWidth} direction={1} onResize={(w) => resize('left', w)} />
      <div className="centre-column">
        <EditorPane />
        {problemsOpen && (
          <>
            <Splitter label="Resize the Problems view" orientation="horizontal" width={problemsHeight} direction={-1} onResize={resizeProblems} />
            <div className="bottom-panel" style={{ height: problemsHeight }}>
              <ProblemsPanel />
            </div>
          </>
        )}
      </div>
      <Splitter label="Resize the Tasks pane" width={rightWidth} direction={-1} onResize={(w) => resize('right', w)} />
      <TaskPane />
      <StatusBar />
      {quickOpen && <QuickOpen onClose={() => setQuickOpen(false)} />}
      {palette && <CommandPalette onClose={() => setPalette(false)} />}
      <ConfirmCloseDialog />
    </div>
  );
}
