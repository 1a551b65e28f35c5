// A separator between panes: drag with the pointer, or focus it and use the arrow keys. Vertical
// separators resize widths (left/right arrows), horizontal ones heights (up/down arrows).
import { useRef } from 'react';

interface SplitterProps {
  label: string;
  /** The size of the pane it resizes (px). */
  width: number;
  /** +1 when dragging right/down grows the pane, -1 when it shrinks it. */
  direction: 1 | -1;
  orientation?: 'vertical' | 'horizontal';
  onResize(size: number): void;
}

export function Splitter({ label, width, direction, orientation = 'vertical', onResize }: SplitterProps) {
  const start = useRef<{ at: number; size: number } | null>(null);
  const vertical = orientation === 'vertical';
  const coord = (e: { clientX: number; clientY: number }) => (vertical ? e.clientX : e.clientY);
  return (
    <div
      className={vertical ? 'splitter' : 'splitter horizontal'}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={Math.round(width)}
      tabIndex={0}
      onPointerDown={(e) => {
        start.current = { at: coord(e), size: width };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (start.current) onResize(start.current.size + direction * (coord(e) - start.current.at));
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 50 : 10;
        const less = vertical ? 'ArrowLeft' : 'ArrowUp';
        const more = vertical ? 'ArrowRight' : 'ArrowDown';
        if (e.key === less) onResize(width - direction * step);
        else if (e.key === more) onResize(width + direction * step);
        else return;
        e.preventDefault();
      }}
    />
  );
}
