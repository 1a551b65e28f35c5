// Asked before a tab with unsaved changes closes: Save, Don't Save or Cancel (as in VS Code).
import { useEffect, useRef } from 'react';
import { useEditor } from '../stores/editor-store';

export function ConfirmCloseDialog() {
  const path = useEditor((s) => s.closeRequests[0]);
  const answer = useEditor((s) => s.answerClose);
  const saveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => saveButton.current?.focus(), [path]);
  if (!path) return null;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    <div className="overlay">
      <div
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-close-title"
        aria-describedby="confirm-close-text"
        onKeyDown={(e) => {
          if (e.key === 'Escape') void answer('cancel');
          // Keep Tab inside the dialog.
          if (e.key === 'Tab') {
            const buttons = [...e.currentTarget.querySelectorAll('button')];
            const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
            buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length]?.focus();
            e.preventDefault();
          }
        }}
      >
        <h2 id="confirm-close-title">Save the changes to {name}?</h2>
        <p id="confirm-close-text">
          <code>{path}</code> has unsaved changes. They are lost if you close it without saving.
        </p>
        <div className="confirm-buttons">
          <button ref={saveButton} type="button" className="primary" onClick={() => void answer('save')}>
            Save
          </button>
          <button type="button" onClick={() => void answer('discard')}>
            Don&apos;t Save
          </button>
          <button type="button" onClick={() => void answer('cancel')}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
