// A task title as written is markdown: split it into inline pieces (code spans, emphasis, links)
// and lift the leading labels (`[P]`, `[US1]`, cc-sdd's `(P)`) out as chips. Pure, no HTML:
// the row renders the pieces as React text, so nothing in a title can inject markup.
import type { Task } from '../../../shared/specs/model';

export type TitlePiece =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'link'; text: string; href: string };

export interface TaskTitleView {
  /** The labels shown as chips, in file order (the task's tags). */
  chips: string[];
  pieces: TitlePiece[];
  /** The title as read aloud: markdown markers and lifted labels removed. */
  plain: string;
}

// Same shapes as the parser's label reading (shared/specs/tasks-markdown.ts).
const LEADING_LABELS = /^(?:[ \t]*\[[A-Za-z][A-Za-z0-9-]{0,15}\])+[ \t]*/;
const CC_SDD_PARALLEL = /^\(P\)[ \t]*/;
// One inline token: a code span, a link, **strong**/__strong__, *em*/_em_ (underscores only at word edges).
const INLINE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|\[([^\]]+)\]\(([^)\s]*)(?:\s+"[^"]*")?\)|\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__|\*(?=[^\s*])([\s\S]*?[^\s*])\*|(?<![A-Za-z0-9])_(?=[^\s_])([\s\S]*?[^\s_])_(?![A-Za-z0-9])/g;

export function parseInline(text: string): TitlePiece[] {
  const pieces: TitlePiece[] = [];
  let last = 0;
  const push = (p: TitlePiece) => {
    const prev = pieces[pieces.length - 1];
    if (p.kind === 'text' && prev?.kind === 'text') prev.text += p.text;
    else if (p.text !== '') pieces.push(p);
  };
  for (const m of text.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) push({ kind: 'text', text: text.slice(last, at) });
    if (m[1] !== undefined) {
      // CommonMark: one leading and trailing space are stripped when both are there.
      const body = m[2]!;
      push({ kind: 'code', text: body.length > 2 && body.startsWith(' ') && body.endsWith(' ') ? body.slice(1, -1) : body });
    } else if (m[3] !== undefined) push({ kind: 'link', text: m[3], href: m[4] ?? '' });
    else if (m[5] !== undefined || m[6] !== undefined) push({ kind: 'strong', text: m[5] ?? m[6]! });
    else push({ kind: 'em', text: m[7] ?? m[8]! });
    last = at + m[0].length;
  }
  if (last < text.length) push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

export function taskTitleView(task: Pick<Task, 'title' | 'tags'>): TaskTitleView {
  let rest = task.title;
  if (task.tags.length > 0) {
    const lead = LEADING_LABELS.exec(rest) ?? CC_SDD_PARALLEL.exec(rest);
    if (lead) rest = rest.slice(lead[0].length);
  }
  const pieces = parseInline(rest);
  return { chips: task.tags, pieces, plain: pieces.map((p) => p.text).join('') };
}

/** What a chip means, for its tooltip and the accessible name. */
export function chipLabel(tag: string): string {
  if (tag === 'P') return 'parallel';
  const story = /^US(\d+)$/i.exec(tag);
  return story ? `user story ${story[1]}` : tag;
}
