// Rendered markdown (sanitised). Badges on requirement lines open the line in the editor; links
// never navigate the page: workspace links open the file, in-page links scroll.
import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { renderMermaidBlocks } from './mermaid-diagrams';
import { renderMarkdown, type LineAnchor } from './render';
import { useEditor } from '../stores/editor-store';
import { useWorkspace } from '../stores/workspace-store';

function resolveLink(fromFile: string, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return null;
  const target = href.split('#')[0]!;
  if (target === '') return null;
  const parts = fromFile.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Scrolls only the nearest scrolling container (scrollIntoView would scroll the panes too). */
function scrollIntoCentre(el: HTMLElement): void {
  let box = el.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight && /(auto|scroll)/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
  if (!box) return;
  const offset = el.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTop += offset - box.clientHeight / 2 + el.clientHeight / 2;
}

interface MarkdownViewProps {
  source: string;
  /** The file the text comes from (links resolve against it; badges open lines in it). */
  path: string;
  anchors?: readonly LineAnchor[];
  label: string;
  /** An element id to scroll to and flash (nonce re-triggers). */
  flash?: { elementId: string; nonce: number } | null;
}

export function MarkdownView({ source, path, anchors = [], label, flash }: MarkdownViewProps) {
  const html = useMemo(() => renderMarkdown(source, anchors), [source, anchors]);
  const root = useRef<HTMLElement>(null);

  // ```mermaid fences become diagrams once the HTML is in the page (lazily, near the viewport).
  useEffect(() => (root.current ? renderMermaidBlocks(root.current) : undefined), [html]);

  const flashed = useRef(0);
  const flashId = flash?.elementId;
  const flashNonce = flash?.nonce ?? 0;
  useEffect(() => {
    // Once per request; if the element is not rendered yet, the next html change retries.
    if (!flashId || flashNonce === flashed.current) return;
    const el = root.current?.querySelector<HTMLElement>(`#${CSS.escape(flashId)}`);
    const block = el?.closest<HTMLElement>('li, h1, h2, h3, h4, h5, h6, p, td') ?? el;
    if (!block) return;
    flashed.current = flashNonce;
    scrollIntoCentre(block);
    block.classList.remove('flash');
    void block.offsetWidth; // restart the animation
    block.classList.add('flash');
  }, [flashId, flashNonce, html]);

  const onClick = (e: MouseEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    const lineButton = target.closest<HTMLElement>('[data-open-line]');
    if (lineButton) {
      void useEditor.getState().open(path, { line: Number(lineButton.dataset.openLine), preview: true });
      return;
    }
    const link = target.closest<HTMLAnchorElement>('a[href]');
    if (!link) return;
    e.preventDefault();
    const href = link.getAttribute('href')!;
    if (href.startsWith('#')) {
      const target = root.current?.querySelector<HTMLElement>(`#${CSS.escape(href.slice(1))}`);
      if (target) scrollIntoCentre(target);
      return;
    }
    const file = resolveLink(path, href);
    if (file) void useEditor.getState().open(file, { preview: true });
    else useWorkspace.getState().notify({ kind: 'info', text: `Specdeck works offline and does not open web links: ${href}` });
  };

  // The HTML is DOMPurify's output (render.ts); the click handler only delegates.
  return (
    <article ref={root} className="markdown" aria-label={label} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
