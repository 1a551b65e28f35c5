// Spec Kit `spec.md`: user stories with priorities (`US1`), their Given/When/Then scenarios,
// `FR-001` functional requirements and `SC-001` success criteria.
import type { Requirement } from '../model';
import { headingOf, scanLines } from '../markdown-lines';
import { SPECKIT_USER_STORY } from '../linear-match';

// `User Story 1 - Title (Priority: P1)`, `US2 - Title`, `[P1] US2: Title`, `US-3: Title`, `Story 4: …`.
const USER_STORY = SPECKIT_USER_STORY; // a linear scanner (the regex it replaces backtracked quadratically)
// `- **US-1（Upload）**: As a user …`: a story written as a bold list item.
// (`[ \t]*(?:-[ \t]*)?`, not `[ \t]*-?[ \t]*`: adjacent runs backtrack quadratically.)
const STORY_ITEM = /^[ \t]*[-*+][ \t]+\*\*(?:User Story|US)[ \t]*(?:-[ \t]*)?(\d+)[ \t]*(?:[(（]([^)）]*)[)）][ \t]*)?\*\*[ \t]*(?:[:：][ \t]*)?(.*)$/is;
const NUMBERED_ID = /^\s*(?:[-*+]\s+)?(?:\*\*)?((?:FR|NFR|SC)-\d+[A-Za-z]?(?:\.\d+)*)(?:\*\*)?\s*[:：]?\s*(?:\*\*)?\s*(.*)$/s;
const SCENARIO = /^\s*(\d+)[.)]\s+\*\*Given\*\*/i;

export function parseSpeckitSpec(text: string, file: string): Requirement[] {
  const out: Requirement[] = [];
  let story: Requirement | null = null;
  let storyLevel = 0;
  let scenarios = 0;
  scanLines(text, (line) => {
    if (line.fenced) return;
    const s = line.text;
    const h = headingOf(s);
    if (h) {
      const m = USER_STORY.exec(h.text.replace(/\*\*/g, '').trim());
      if (m) {
        const priority = m[4] ?? m[1];
        story = {
          id: `US${Number(m[2])}`,
          kind: 'user-story',
          title: m[3]!.trim(),
          text: '',
          parentId: null,
          pos: { file, line: line.no, column: 1 },
          ...(priority ? { priority: priority.toUpperCase() } : {}),
        };
        out.push(story);
        storyLevel = h.level;
        scenarios = 0;
      } else if (story && h.level <= storyLevel) {
        story = null;
      }
      return;
    }
    if (!s.includes('**') && !s.includes('-')) return;
    const item = s.includes('**') ? STORY_ITEM.exec(s) : null;
    if (item) {
      out.push({
        id: `US${Number(item[1])}`,
        kind: 'user-story',
        title: (item[2] ?? item[3]!).trim(),
        text: item[3]!.trim(),
        parentId: null,
        pos: { file, line: line.no, column: s.indexOf('US') + 1 },
      });
      return;
    }
    const fr = NUMBERED_ID.exec(s);
    if (fr) {
      const id = fr[1]!;
      out.push({
        id,
        kind: id.startsWith('SC') ? 'success-criterion' : 'functional',
        title: fr[2]!.trim(),
        text: fr[2]!.trim(),
        parentId: null,
        pos: { file, line: line.no, column: s.indexOf(id) + 1 },
      });
      return;
    }
    const current = story as Requirement | null;
    if (current && SCENARIO.test(s)) {
      scenarios++;
      out.push({
        id: `${current.id}.${scenarios}`,
        kind: 'scenario',
        title: s.trim(),
        text: s.trim(),
        parentId: current.id,
        pos: { file, line: line.no, column: 1 },
      });
    }
  });
  return out;
}

/** `[NEEDS CLARIFICATION: …]` markers left in a document: line, column and the question. */
export function clarificationMarkers(text: string): { line: number; column: number; text: string }[] {
  const out: { line: number; column: number; text: string }[] = [];
  if (!text.includes('NEEDS CLARIFICATION')) return out;
  scanLines(text, (line) => {
    if (line.fenced) return;
    let at = line.text.indexOf('[NEEDS CLARIFICATION');
    while (at !== -1) {
      const end = line.text.indexOf(']', at);
      out.push({ line: line.no, column: at + 1, text: line.text.slice(at, end === -1 ? undefined : end + 1) });
      at = line.text.indexOf('[NEEDS CLARIFICATION', at + 1);
    }
  });
  return out;
}
