// The editor's tabs: dirty markers, the preview tab in italics, close / close others / reopen
// closed from the tab's context menu (right click, Shift+F10 or the context-menu key).
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { splitPath } from '../path-parts';
import { useEditor, type Tab } from '../stores/editor-store';

/** A tab's name: the file name (the trace tab is "Trace", the report tab "Evidence report"). */
function tabLabel(tab: Tab): string {
  return tab.kind === 'trace' ? 'Trace' : tab.kind === 'report' ? 'Evidence report' : splitPath(tab.path).name;
}

/** A menu's keys: arrows move between its items (those matching `items`), Escape closes it. */
function menuKeys(ref: RefObject<HTMLDivElement | null>, items: string, onClose: () => void) {
  return (e: KeyboardEvent) => {
    const list = [...(ref.current?.querySelectorAll<HTMLElement>(items) ?? [])];
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') list[(i + 1) % list.length]?.focus();
    else if (e.key === 'ArrowUp') list[(i - 1 + list.length) % list.length]?.focus();
    else return;
    e.preventDefault();
  };
}

interface MenuState {
  path: string;
  x: number;
  y: number;
}

function TabMenu({ menu, onClose }: { menu: MenuState; onClose(): void }) {
  const { close, closeOthers, reopenClosed, pin, closed, tabs } = useEditor();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus(), []);
  const item = (label: string, run: () => void, disabled = false) => (
    <button
      type="button"
      role="menuitem"
      disabled={disabled}
      onClick={() => {
        onClose();
        run();
      }}
    >
      {label}
    </button>
  );
  const onKeyDown = menuKeys(ref, '[role="menuitem"]:not([disabled])', onClose);
  const isPreview = tabs.find((t) => t.path === menu.path)?.preview ?? false;
  return (
    <div className="overlay transparent" onMouseDown={onClose}>
      <div ref={ref} className="context-menu" role="menu" aria-label="Tab actions" style={{ left: menu.x, top: menu.y }} onMouseDown={(e) => e.stopPropagation()} onKeyDown={onKeyDown}>
        {item('Close', () => close(menu.path))}
        {item('Close Others', () => closeOthers(menu.path), tabs.length < 2)}
        {item('Reopen Closed Editor', () => void reopenClosed(), closed.length === 0)}
        {item('Keep Open', () => pin(menu.path), !isPreview)}
      </div>
    </div>
  );
}

/** Every open editor in a list (the strip is one row that scrolls: this reaches the hidden ones). */
function OpenEditorsList({ onClose, at }: { onClose(): void; at: { x: number; y: number } }) {
  const { tabs, active, activate } = useEditor();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => (ref.current?.querySelector<HTMLElement>('[aria-checked="true"]') ?? ref.current?.querySelector<HTMLElement>('[role="menuitemradio"]'))?.focus(), []);
  const onKeyDown = menuKeys(ref, '[role="menuitemradio"]', onClose);
  return (
    <div className="overlay transparent" onMouseDown={onClose}>
      <div ref={ref} className="context-menu open-editors" role="menu" aria-label="Open editors" style={{ right: Math.max(8, window.innerWidth - at.x), top: at.y }} onMouseDown={(e) => e.stopPropagation()} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.path}
            type="button"
            role="menuitemradio"
            aria-checked={t.path === active}
            title={t.path}
            onClick={() => {
              onClose();
              activate(t.path);
            }}
          >
            {tabLabel(t)} <span className="muted">{t.kind === 'trace' || t.kind === 'report' ? '' : splitPath(t.path).folder}</span>
            {t.dirty ? ' ●' : ''}
          </button>
        ))}
      </div>
    </div>
  );
}

export function TabStrip() {
  const { tabs, active, activate, close, pin } = useEditor();
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [list, setList] = useState<{ x: number; y: number } | null>(null);
  const strip = useRef<HTMLDivElement>(null);
  // The strip never wraps: the active tab is scrolled into its one row.
  useEffect(() => {
    strip.current?.querySelector<HTMLElement>('.tab.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active, tabs.length]);
  return (
    <div className="tab-row">
      <div ref={strip} className="tab-strip" role="tablist" aria-label="Open files" onWheel={(e) => e.deltaY !== 0 && (e.currentTarget.scrollLeft += e.deltaY)}>
        {tabs.map((t) => (
          <div key={t.path} role="presentation" className={`tab${t.path === active ? ' active' : ''}${t.preview ? ' preview' : ''}`}>
            <button
              type="button"
              role="tab"
              aria-selected={t.path === active}
              title={t.preview ? `${t.path} (preview: double-click to keep it open)` : t.path}
              onClick={() => activate(t.path)}
              onDoubleClick={() => pin(t.path)}
              onMouseDown={(e) => {
                if (e.button === 1) {
                  e.preventDefault();
                  close(t.path); // middle click closes, as in VS Code
                }
              }}
              onContextMenu={(e) => {
                e.preventDefault();
                setMenu({ path: t.path, x: e.clientX, y: e.clientY });
              }}
              onKeyDown={(e) => {
                if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
                  e.preventDefault();
                  const box = e.currentTarget.getBoundingClientRect();
                  setMenu({ path: t.path, x: box.left, y: box.bottom });
                }
              }}
            >
              {tabLabel(t)}
              {t.dirty && (
                <span className="dirty-marker" aria-label="unsaved changes" data-testid="dirty-marker">
                  {' ●'}
                </span>
              )}
            </button>
            {/* Hidden from the tablist (which may only own tabs): Ctrl+W and the tab menu close by keyboard. */}
            <button type="button" className="tab-close" aria-hidden="true" tabIndex={-1} title={`Close ${t.path} (Ctrl+W)`} onClick={() => close(t.path)}>
              ×
            </button>
          </div>
        ))}
      </div>
      {tabs.length > 0 && (
        <button
          type="button"
          className="open-editors-button"
          aria-label={`Open editors (${tabs.length})`}
          aria-haspopup="menu"
          title="Show all open editors"
          onClick={(e) => {
            const box = e.currentTarget.getBoundingClientRect();
            setList({ x: box.right, y: box.bottom });
          }}
        >
          ⌄
        </button>
      )}
      {menu && <TabMenu menu={menu} onClose={() => setMenu(null)} />}
      {list && <OpenEditorsList at={list} onClose={() => setList(null)} />}
    </div>
  );
}
