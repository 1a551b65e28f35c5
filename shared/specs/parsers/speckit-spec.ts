// Spec Kit `spec.md`: user stories with priorities (`US1`), their Given/When/Then scenarios,
// `FR-001` functional requirements and `SC-001` success criteria.
import type { Requirement } from '../model';
import { headingOf, scanLines } from '../markdown-lines';
import { SPECKIT_USER_STORY } from '../linear-match';

const USER_STORY = SPECKIT_USER_STORY; // `User Story 1 - Title (Priority: P1) 🎯`, linear
const NUMBERED_ID = /^\s*(?:[-*+]\s+)?(?:\*\*)?((?:FR|NFR|SC)-\d+[A-Za-z]?)(?:\*\*)?\s*[:：]?\s*(?:\*\*)?\s*(.*)$/s;
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
        story = {
          id: `US${m[1]}`,
          kind: 'user-story',
          title: m[2]!.trim(),
          text: '',
          parentId: null,
          pos: { file, line: line.no, column: 1 },
          ...(m[3] ? { priority: m[3].toUpperCase() } : {}),
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
