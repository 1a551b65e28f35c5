// The status bar: workspace, spec count, index progress, the last message.
import { useSpecs } from '../stores/specs-store';
import { IndexProgressBar } from './IndexProgressBar';
import { useWorkspace } from '../stores/workspace-store';

export function StatusBar() {
  const { info, notice } = useWorkspace();
  const specCount = useSpecs((s) => s.list.length);
  return (
    <footer className="status-bar" role="contentinfo">
      <span title={info?.root}>{info ? info.name : 'No folder'}</span>
      <span>{specCount === 1 ? '1 spec' : `${specCount} specs`}</span>
      <IndexProgressBar />
      <span className={notice?.kind === 'error' ? 'notice error' : 'notice'} role="status" aria-live="polite">
        {notice?.text ?? ''}
      </span>
    </footer>
  );
}
