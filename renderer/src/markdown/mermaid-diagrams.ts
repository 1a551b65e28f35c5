// Mermaid diagrams in rendered markdown: ```mermaid fences become SVG, offline. The mermaid package
// is bundled and loaded the first time a diagram scrolls into view (it is large, and most
// documents have none). Diagrams render one at a time, only when near the viewport, so a file with
// hundreds of them stays responsive; one that fails to parse shows its source and the error.
import type { Mermaid } from 'mermaid';

/** Larger sources are shown as text: mermaid's layout runs on this thread and cannot be stopped. */
export const MAX_DIAGRAM_SOURCE = 50_000;

/**
 * A document with at most this many diagrams renders the ones off screen too, after those near the
 * viewport, when the page is idle: scrolling then finds them drawn (no placeholder, no jump).
 * Beyond it (300 diagrams in one file) they wait until scrolled to.
 */
export const PRERENDER_LIMIT = 12;

let loading: Promise<Mermaid> | null = null;
let configuredTheme: string | null = null;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => m.default);
  return loading;
}

function themeNow(): 'dark' | 'default' {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'default';
}

/** Rendered SVG by theme and source: re-rendering the same preview (typing elsewhere) is free. */
const rendered = new Map<string, { svg: string } | { error: string }>();
const CACHE_LIMIT = 500;

let queue: Promise<void> = Promise.resolve();
let counter = 0;

async function renderOne(source: string): Promise<{ svg: string } | { error: string }> {
  const theme = themeNow();
  const key = `${theme}\n${source}`;
  const known = rendered.get(key);
  if (known) return known;
  const mermaid = await loadMermaid();
  if (configuredTheme !== theme) {
    // strict: no scripts, no click handlers, labels sanitised; htmlLabels off keeps it pure SVG.
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme, flowchart: { htmlLabels: false } });
    configuredTheme = theme;
  }
  let outcome: { svg: string } | { error: string };
  try {
    const started = performance.now();
    const { svg } = await mermaid.render(`specdeck-mermaid-${++counter}`, source);
    performance.measure('specdeck:mermaid-render', { start: started, detail: source.split('\n', 1)[0] }); // for the bench
    outcome = { svg };
  } catch (error) {
    outcome = { error: error instanceof Error ? error.message : String(error) };
    // mermaid leaves its scratch element behind when a diagram fails.
    document.getElementById(`dspecdeck-mermaid-${counter}`)?.remove();
  }
  if (rendered.size >= CACHE_LIMIT) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, outcome);
  return outcome;
}

function showSource(figure: HTMLElement, source: string, message: string): void {
  figure.classList.add('mermaid-failed');
  figure.removeAttribute('role');
  figure.replaceChildren();
  const note = document.createElement('p');
  note.className = 'mermaid-error';
  note.textContent = message;
  const pre = document.createElement('pre');
  const code = document.createElement('code');
  code.textContent = source;
  pre.append(code);
  figure.append(note, pre);
}

function draw(figure: HTMLElement, source: string): Promise<void> {
  // One diagram at a time, each after a macrotask, so input and paint get their turn in between.
  queue = queue.then(async () => {
    if (!figure.isConnected) return;
    await new Promise((r) => setTimeout(r, 0));
    if (!figure.isConnected) return;
    const outcome = await renderOne(source);
    if (!figure.isConnected) return;
    if ('error' in outcome) {
      showSource(figure, source, `This diagram could not be rendered: ${outcome.error}`);
      return;
    }
    // mermaid's own output with securityLevel strict (its labels went through DOMPurify).
    figure.innerHTML = outcome.svg;
    figure.dataset.state = 'rendered';
  });
  return queue;
}

/**
 * Turns every ```mermaid block under `root` into a diagram placeholder that renders when it comes
 * near the viewport. Returns a function that stops observing (call it when the HTML is replaced).
 */
export function renderMermaidBlocks(root: HTMLElement): () => void {
  const blocks = [...root.querySelectorAll<HTMLElement>('pre > code.language-mermaid')];
  if (blocks.length === 0) return () => {};
  const sources = new Map<Element, string>();
  /** Each figure is drawn once, whichever of the viewport and the idle pass asks first. */
  const start = (figure: Element) => {
    const source = sources.get(figure);
    if (source === undefined) return;
    sources.delete(figure);
    observer?.unobserve(figure);
    void draw(figure as HTMLElement, source);
  };
  const observer =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver(
          (entries) => {
            for (const entry of entries) if (entry.isIntersecting) start(entry.target);
          },
          { rootMargin: '400px 0px' },
        );
  blocks.forEach((code, i) => {
    const source = code.textContent ?? '';
    const figure = document.createElement('figure');
    figure.className = 'mermaid-diagram';
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', `Diagram ${i + 1}`);
    figure.dataset.state = 'pending';
    code.parentElement!.replaceWith(figure);
    if (source.length > MAX_DIAGRAM_SOURCE) {
      showSource(figure, source, `This diagram is too large to render here (${source.length.toLocaleString('en')} characters; the limit is ${MAX_DIAGRAM_SOURCE.toLocaleString('en')}).`);
      return;
    }
    const known = rendered.get(`${themeNow()}\n${source}`);
    if (known && 'svg' in known) {
      // Drawn before (this document reopened, or typing elsewhere in it): in place at once, in the
      // same layout as the text, instead of one queued task per diagram.
      figure.innerHTML = known.svg;
      figure.dataset.state = 'rendered';
      return;
    }
    const placeholder = document.createElement('span');
    placeholder.className = 'mermaid-pending';
    placeholder.textContent = 'Diagram…';
    figure.append(placeholder);
    sources.set(figure, source);
    if (observer) observer.observe(figure);
    else start(figure);
  });
  let idle: number | undefined;
  if (observer && blocks.length <= PRERENDER_LIMIT) {
    // The observer reports the figures near the viewport first (its first callback comes before the
    // page is idle); the rest queue up after them.
    const later = () => [...sources.keys()].forEach(start);
    idle = typeof requestIdleCallback === 'undefined' ? window.setTimeout(later, 50) : requestIdleCallback(later, { timeout: 500 });
  }
  return () => {
    observer?.disconnect();
    if (idle !== undefined) (typeof cancelIdleCallback === 'undefined' ? clearTimeout : cancelIdleCallback)(idle);
    sources.clear();
  };
}
