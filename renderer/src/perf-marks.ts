// User-timing marks for the bench (scripts/bench/workbench.ts): when the workbench first shows
// its specs and tasks, and when the editor first accepts input. Each is marked once per page.
const done = new Set<string>();

export type PerfMark = 'specdeck:workbench-painted' | 'specdeck:editor-interactive' | 'specdeck:problems-painted';

/** Marks after the next frame is painted (rAF, then a task), once. */
export function markAfterPaint(name: PerfMark): void {
  if (done.has(name)) return;
  done.add(name);
  requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
}
