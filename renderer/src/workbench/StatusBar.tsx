// The status bar: workspace, git branch, spec count, diagnostics, the active task, index progress,
// the last message.
import { useMemo } from 'react';
import { plural } from '../../../shared/text/plural';
import { useSpecs } from '../stores/specs-store';
import { IndexProgressBar } from './IndexProgressBar';
import { ActiveTaskStatus } from '../tasks/ActiveTaskStatus';
import { useWorkspace } from '../stores/workspace-store';
import { useEditor } from '../stores/editor-store';
import { useLayout } from '../stores/layout-store';

function Branch() {
  const branch = useWorkspace((s) => s.branch);
  if (!branch?.repository) return null;
  const label = branch.branch ?? (branch.detached ? `detached at ${branch.detached}` : 'unknown branch');
  return (
    <span className="branch" data-testid="git-branch" title="Git branch">
      <span aria-hidden="true">⎇ </span>
      <span className="visually-hidden">Git branch </span>
      {label}
    </span>
  );
}

function Diagnostics() {
  const list = useSpecs((s) => s.list);
  const { problems, errors } = useMemo(
    () => list.reduce((sum, s) => ({ problems: sum.problems + s.diagnosticCount, errors: sum.errors + (s.errorCount ?? 0) }), { problems: 0, errors: 0 }),
    [list],
  );
  const show = useLayout((s) => s.showProblems);
  return (
    <button
      type="button"
      className="status-button"
      data-testid="diagnostics-count"
      title={`${errors} ${errors === 1 ? 'error' : 'errors'}, ${problems - errors} warnings and notes in the specs: show them (Ctrl+Shift+M)`}
      onClick={() => show(errors > 0 ? { error: true, warning: false, info: false } : {})}
    >
      {plural(problems, 'problem')}
    </button>
  );
}

const SCRIPT = /\.(?:[cm]?[jt]sx?)$/i;

/** TypeScript/JavaScript tabs: say that only syntax is checked (there is no project model). */
function ScriptCheckStatus() {
  const active = useEditor((s) => s.active);
  if (!active || !SCRIPT.test(active)) return null;
  const language = /\.[cm]?tsx?$/i.test(active) ? 'TypeScript' : 'JavaScript';
  return (
    <span data-testid="script-check" title={`${language}: Specdeck has no project model (tsconfig, installed packages), so it reports syntax errors only; type errors such as a missing module are not checked.`}>
      {language}: syntax only
    </span>
  );
}

export function StatusBar() {
  const { info, notice } = useWorkspace();
  const specCount = useSpecs((s) => s.list.length);
  return (
    <footer className="status-bar" role="contentinfo">
      <span title={info?.root}>{info ? info.name : 'No folder'}</span>
      <Branch />
      <span>{plural(specCount, 'spec')}</span>
      <Diagnostics />
      <ScriptCheckStatus />
      <ActiveTaskStatus />
      <IndexProgressBar />
      <span className={notice?.kind === 'error' ? 'notice error' : 'notice'} role="status" aria-live="polite">
        {notice?.text ?? ''}
      </span>
    </footer>
  );
}
