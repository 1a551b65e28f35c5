// A vertical separator between panes: drag with the pointer, or focus it and use the arrow keys.
import { useRef } from 'react';

interface SplitterProps {
  label: string;
  width: number;
  /** +1 when dragging right widens the pane (left pane), -1 when it narrows it (right pane). */
  direction: 1 | -1;
  onResize(width: number): void;
}

export function Splitter({ label, width, direction, onResize }: SplitterProps) {
  const start = useRef<{ x: number; width: number } | null>(null);
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={(e) => {
        start.current = { x: e.clientX, width };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (start.current) onResize(start.current.width + direction * (e.clientX - start.current.x));
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 50 : 10;
        if (e.key === 'ArrowLeft') onResize(width - direction * step);
        if (e.key === 'ArrowRight') onResize(width + direction * step);
      }}
    />
  );
}
