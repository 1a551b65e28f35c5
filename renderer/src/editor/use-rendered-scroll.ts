// The rendered markdown view gets its scroll back — after switching to the source and back, to
// another tab and back, a reload or a `serve` restart — as VS Code does for editors.
//
// The saved scrollTop is applied once the content is tall enough: the HTML, then Mermaid diagrams,
// arrive after the first paint, so a ResizeObserver re-applies it as the content grows. Restoring
// stops as soon as anyone else scrolls (the user's wheel, keys or scrollbar; a requirement shown
// from the task list; the browser's scroll anchoring) — their position wins and is the one recorded.
import { useEffect, type RefObject } from 'react';
import { renderedScroll, setRenderedScroll } from './view-positions';

/** `shown`: whether `box` is in the page (a document too large to render has no scrolling box). */
export function useRenderedScroll(box: RefObject<HTMLElement | null>, path: string, shown: boolean): void {
  useEffect(() => {
    const el = box.current;
    if (!el || !shown) return;
    const target = renderedScroll(path) ?? 0;
    let restoring = target > 0;
    let expected = -1; // where our own last assignment put the box (the browser clamps it)
    const apply = () => {
      if (!restoring) return;
      el.scrollTop = target;
      expected = el.scrollTop;
      if (Math.abs(expected - target) <= 1) restoring = false; // reached: nothing left to wait for
    };
    let frame = 0;
    const onScroll = () => {
      if (restoring && Math.abs(el.scrollTop - expected) <= 1) return; // our own assignment
      restoring = false;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setRenderedScroll(path, el.scrollTop));
    };
    const stopRestoring = () => {
      restoring = false;
    };
    const resize = new ResizeObserver(apply);
    for (const child of Array.from(el.children)) resize.observe(child);
    resize.observe(el);
    apply();
    el.addEventListener('scroll', onScroll, { passive: true });
    // Input that means "I am scrolling now": restoring must not fight it.
    for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) el.addEventListener(type, stopRestoring, { passive: true });
    return () => {
      resize.disconnect();
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', onScroll);
      for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) el.removeEventListener(type, stopRestoring);
    };
  }, [box, path, shown]);
}
