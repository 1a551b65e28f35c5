// Where each open file's cursor and scroll are, kept outside the stores (a cursor move must not
// re-render the workbench); the UI state saved per workspace reads them, and a restored tab gets
// its position back when the editor first shows it. A markdown file's rendered view has its own
// scroll (the rendered text is not the source's height), kept beside.
export interface ViewPosition {
  line: number;
  column: number;
  scrollTop: number;
}

const positions = new Map<string, ViewPosition>();
const renderedScrolls = new Map<string, number>();
const listeners = new Set<() => void>();

export function setViewPosition(path: string, position: ViewPosition): void {
  const old = positions.get(path);
  if (old && old.line === position.line && old.column === position.column && old.scrollTop === position.scrollTop) return;
  positions.set(path, position);
  for (const l of listeners) l();
}

export function viewPosition(path: string): ViewPosition | undefined {
  return positions.get(path);
}

/** The rendered view's scrollTop (pixels) of a markdown file. */
export function setRenderedScroll(path: string, scrollTop: number): void {
  const top = Math.max(0, Math.round(scrollTop));
  if (renderedScrolls.get(path) === top) return;
  renderedScrolls.set(path, top);
  for (const l of listeners) l();
}

export function renderedScroll(path: string): number | undefined {
  return renderedScrolls.get(path);
}

export function clearViewPositions(): void {
  positions.clear();
  renderedScrolls.clear();
}

export function onViewPositionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
