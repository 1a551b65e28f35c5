// A task title as written is markdown: split it into inline pieces (shared/text/inline-markdown.ts)
// and lift the leading labels (`[P]`, `[US1]`, cc-sdd's `(P)`) out as chips. Pure, no HTML:
// the row renders the pieces as React text, so nothing in a title can inject markup.
import type { Task } from '../../../shared/specs/model';
import { parseInline, type TitlePiece } from '../../../shared/text/inline-markdown';

// TaskRow's piece type; parseInline itself is imported from shared/text/inline-markdown.ts.
export type { TitlePiece };

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
