// Markdown → sanitised HTML for spec documents and the editor's preview. Requirement lines get an
// anchor badge (their ID, a button that opens the line in the editor); nothing can reach the
// network: images become their alt text, and DOMPurify strips scripts and handlers (strict CSP).
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { readTaskGraph } from '../../../shared/specs/task-graph';

export interface LineAnchor {
  /** The requirement ID shown on the badge and used for the element id. */
  id: string;
  /** 1-based line in the source. */
  line: number;
}

const marked = new Marked({
  gfm: true,
  renderer: {
    // GFM task items: a static mark instead of a disabled <input> (no unlabeled form controls).
    checkbox({ checked }) {
      return `<span class="md-check" aria-hidden="true">${checked ? '☑' : '☐'}</span> `;
    },
    image({ text }) {
      return `<span class="md-image">[image: ${escapeHtml(text)}]</span>`;
    },
    // Kiro's `## Task Dependency Graph` JSON block reads as a table of waves, not a code fence;
    // anything that does not read as one stays code.
    code({ text, lang }) {
      if (!/^jsonc?$/i.test((lang ?? '').trim()) || !text.includes('"waves"')) return false;
      return waveTable(text) ?? false;
    },
  },
});

/** A `{"waves": …}` block as a collapsible table (wave, tasks, description), or null. */
export function waveTable(json: string): string | null {
  const graph = readTaskGraph(json, 1);
  if (graph.waves.length === 0 || graph.problems.length > 0) return null;
  const rows = graph.waves
    .map((w, i) => {
      const name = w.name ?? (w.explicitId !== null ? `Wave ${w.explicitId}` : `Wave ${i + 1}`);
      const after = w.dependsOn ? `<br><span class="wave-after">after ${escapeHtml(w.dependsOn.map((d) => d.value).join(', '))}</span>` : '';
      return `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(w.tasks.map((t) => t.id).join(', '))}${after}</td><td>${escapeHtml(w.description ?? '')}</td></tr>`;
    })
    .join('');
  const count = graph.waves.reduce((n, w) => n + w.tasks.length, 0);
  return (
    `<details class="task-graph" open><summary>Task dependency graph: ${graph.waves.length} waves, ${count} tasks</summary>` +
    `<table><thead><tr><th scope="col">Wave</th><th scope="col">Tasks</th><th scope="col">Description</th></tr></thead><tbody>${rows}</tbody></table></details>\n`
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The DOM id of a requirement's anchor (IDs may hold spaces and dots: OpenSpec names, `1.2`). */
export function anchorId(requirementId: string): string {
  return 'req-' + requirementId.replace(/[^\w.-]+/g, '_');
}

function badge(anchor: LineAnchor): string {
  const label = anchor.id.length > 14 ? '¶' : anchor.id;
  return (
    `<span class="req-anchor" id="${escapeHtml(anchorId(anchor.id))}" data-req="${escapeHtml(anchor.id)}">` +
    `<button type="button" class="req-open" data-open-line="${anchor.line}" ` +
    `aria-label="Open ${escapeHtml(anchor.id)} in the editor (line ${anchor.line})" title="Open in the editor (line ${anchor.line})">` +
    `${escapeHtml(label)}</button></span> `
  );
}

// Where a line's text starts after its block marker (heading hashes, list bullet, numbering).
const LINE_PREFIX = /^(\s{0,3}(?:#{1,6}\s+|(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?)?)/;

/** Inserts each anchor's badge at the start of its line's text; fenced code is left alone. */
export function withAnchors(source: string, anchors: readonly LineAnchor[]): string {
  if (anchors.length === 0) return source;
  const lines = source.split('\n');
  const byLine = new Map<number, LineAnchor[]>();
  for (const a of anchors) byLine.set(a.line, [...(byLine.get(a.line) ?? []), a]);
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    const here = byLine.get(i + 1);
    if (!here || inFence || /^\s{0,3}(```|~~~)/.test(line)) continue;
    const prefix = LINE_PREFIX.exec(line)?.[1] ?? '';
    lines[i] = prefix + here.map(badge).join('') + line.slice(prefix.length);
  }
  return lines.join('\n');
}

export function renderMarkdown(source: string, anchors: readonly LineAnchor[] = []): string {
  const html = marked.parse(withAnchors(source.replace(/^\uFEFF/, ''), anchors), { async: false });
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['img', 'style', 'form', 'input', 'iframe'], FORBID_ATTR: ['style'] });
}
