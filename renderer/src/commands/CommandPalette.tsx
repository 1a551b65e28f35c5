// The command palette (Ctrl/Cmd+Shift+P, F1): every command with its keys, filtered as you type.
import { useMemo, useState } from 'react';
import { hasEveryWord, queryWords } from '../query-words';
import { displayKeys } from './keybindings';
import { COMMANDS, type Command } from './registry';


export function CommandPalette({ onClose }: { onClose(): void }) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const shown = useMemo(() => {
    const words = queryWords(query);
    return COMMANDS.filter((c) => hasEveryWord(c.title, words));
  }, [query]);

  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    // After the palette has closed, so a command that moves the focus keeps it.
    setTimeout(() => command.run(), 0);
  };

  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="quick-open" role="dialog" aria-label="Command palette" onMouseDown={(e) => e.stopPropagation()}>
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="command-list"
          aria-label="Command"
          aria-activedescendant={shown[selected] ? `command-${selected}` : undefined}
          value={query}
          placeholder="Type the name of a command"
          onChange={(e) => {
            setQuery(e.target.value);
            setSelected(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setSelected((i) => Math.min(i + 1, shown.length - 1));
            else if (e.key === 'ArrowUp') setSelected((i) => Math.max(i - 1, 0));
            else if (e.key === 'Enter') run(shown[selected]);
            else if (e.key === 'Escape') onClose();
            else return;
            e.preventDefault();
          }}
        />
        {shown.length === 0 && <p className="empty">No command matches “{query}”.</p>}
        <ul id="command-list" role="listbox" aria-label="Commands">
          {shown.map((command, i) => (
            <li
              key={command.id}
              id={`command-${i}`}
              role="option"
              aria-selected={i === selected}
              className={i === selected ? 'command selected' : 'command'}
              onMouseDown={() => run(command)}
              ref={i === selected ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
            >
              <span className="command-title">{command.title}</span>
              {command.keys && (
                <span className="command-keys">
                  {command.keys.map((k) => (
                    <kbd key={k}>{displayKeys(k)}</kbd>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
