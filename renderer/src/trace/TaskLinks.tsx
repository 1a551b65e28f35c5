// A task's links (the code it touched), under its row: state, files and ranges; a click opens the
// editor at the range; suspect links can be reviewed and accepted.
import { useState } from 'react';
import type { TraceLink } from '../../../shared/api/contract';
import { useEditor } from '../stores/editor-store';
import { useTrace } from '../stores/trace-store';

const REASON: Record<string, string> = {
  'task-changed': 'the task changed',
  'requirement-changed': 'a requirement it references changed',
  'code-changed': 'the code changed',
  'code-deleted': 'the code was deleted',
};

function summary(links: TraceLink[]): { label: string; state: 'linked' | 'suspect' } {
  const suspect = links.filter((l) => l.state !== 'linked').length;
  const files = new Set(links.map((l) => l.path)).size;
  const base = `${links.length} ${links.length === 1 ? 'link' : 'links'} in ${files} ${files === 1 ? 'file' : 'files'}`;
  return suspect > 0 ? { label: `${base}, ${suspect} suspect`, state: 'suspect' } : { label: base, state: 'linked' };
}

export function TaskLinks({ taskId, links, tabIndex }: { taskId: string; links: TraceLink[]; tabIndex: number }) {
  const [open, setOpen] = useState(false);
  const openFile = useEditor((s) => s.open);
  const accept = useTrace((s) => s.accept);
  if (links.length === 0) return null;
  const { label, state } = summary(links);
  const suspectIds = links.filter((l) => l.state === 'suspect').map((l) => l.id);
  return (
    <div className={`task-links ${state}`}>
      <button type="button" className="links-summary" tabIndex={tabIndex} aria-expanded={open} aria-label={`Links of ${taskId}: ${label}`} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{state === 'suspect' ? '⚠ ' : '↔ '}</span>
        {label}
      </button>
      {open && (
        <ul className="link-list" aria-label={`Code linked to ${taskId}`}>
          {links.map((link) => (
            <li key={link.id} className={`link state-${link.state}`}>
              <button
                type="button"
                tabIndex={tabIndex}
                onClick={() => void openFile(link.path, { line: link.startLine })}
                title={link.reasons.map((r) => REASON[r] ?? r).join('; ') || `${link.source} link`}
              >
                {link.path}:{link.startLine}
                {link.endLine !== link.startLine ? `-${link.endLine}` : ''}
                <span className="link-state"> {link.state}</span>
                {link.source !== 'edit' && <span className="link-source"> ({link.source})</span>}
              </button>
            </li>
          ))}
          {suspectIds.length > 0 && (
            <li>
              <button type="button" tabIndex={tabIndex} className="accept" onClick={() => void accept(suspectIds)}>
                Accept {suspectIds.length === 1 ? 'the suspect link' : `${suspectIds.length} suspect links`}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
