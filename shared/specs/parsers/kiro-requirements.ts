// Kiro `requirements.md` (both EARS generations, localised headings, cc-sdd's `1.1 The X shall`
// lines) and `bugfix.md` (literal `1.x` / `2.x` / `3.x` IDs under Current / Expected / Unchanged).
import type { Diagnostic, Requirement } from '../model';
import { headingOf, scanLines } from '../markdown-lines';
import { earsPattern } from '../ears';

const REQ_HEADING =
  /^(?:(?:Requirement|Req\.?|需求|要件|要求|Requisito|Exigence|Anforderung)\s*(\d+[A-Za-z]?)|(R\d+[A-Za-z]?))\s*(?:[:：.\-—–]\s*(.*))?$/is;
const ACCEPTANCE = /acceptance|criteria|受け入れ|受入|驗收|验收|基準|标准|標準|Kriterien|critères|criterios|critérios/i;
// `\s*(?:[:：]\s*)?`, not `\s*[:：]?\s*`: two adjacent `\s*` backtrack quadratically on a long run of spaces.
const USER_STORY = /^\s*(?:[-*]\s+)?\*\*\s*(?:User Story|Objective|用户故事|使用者故事|ユーザーストーリー|目的|Historia de usuario)\s*(?:[:：]\s*)?\*\*\s*(?:[:：]\s*)?(.*)$/is;
const WRITTEN_ID = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?((?:R)?\d+[A-Za-z]?\.\d+[A-Za-z]?)(?:\*\*)?[:.)]?[ \t]+(.*)$/s;
const ORDERED_ITEM = /^( {0,3})(\d{1,4})[.)][ \t]+(.*)$/s;
const BUGFIX_GROUPS: [RegExp, string][] = [
  [/current|defect|actual|现状|現在/i, '1'],
  [/expected|correct|期待|预期/i, '2'],
  [/unchanged|regression|preserv|不変|不变/i, '3'],
];

export interface RequirementsParse {
  requirements: Requirement[];
  diagnostics: Diagnostic[];
}

export function parseKiroRequirements(text: string, file: string, kind: 'requirements' | 'bugfix'): RequirementsParse {
  const requirements: Requirement[] = [];
  const diagnostics: Diagnostic[] = [];
  let current: Requirement | null = null;
  let currentLevel = 0;
  let inCriteria = true;
  let position = 0;
  let bugfixGroup: string | null = null;
  let lastHeading = '';

  scanLines(text, (line) => {
    if (line.fenced) return;
    const s = line.text;
    const h = headingOf(s);
    if (h) {
      lastHeading = h.text;
      const m = REQ_HEADING.exec(h.text.replace(/\*\*/g, '').trim());
      if (m && kind === 'requirements') {
        current = {
          id: m[1] ?? m[2]!,
          kind: 'requirement',
          title: (m[3] ?? '').trim(),
          text: '',
          parentId: null,
          pos: { file, line: line.no, column: 1 },
        };
        requirements.push(current);
        currentLevel = h.level;
        inCriteria = true;
        position = 0;
        return;
      }
      if (current && h.level <= currentLevel) current = null;
      else if (current) {
        // `#### 1.1 Summary written for every battle`: a criterion written as a heading; the list
        // under it details that criterion rather than adding new ones.
        const req = current as Requirement;
        const asHeading = WRITTEN_ID.exec(h.text);
        if (asHeading && asHeading[1]!.startsWith(req.id + '.')) {
          addCriterion(req, asHeading[1]!, asHeading[2]!, line.no, 1);
          inCriteria = false;
          return;
        }
        inCriteria = ACCEPTANCE.test(h.text);
      }
      if (kind === 'bugfix') {
        bugfixGroup = null;
        for (const [re, id] of BUGFIX_GROUPS) if (re.test(h.text)) bugfixGroup = id;
      }
      return;
    }
    if (kind === 'bugfix') {
      readBugfixLine(s, line.no);
      return;
    }
    const req = current as Requirement | null;
    if (!req) return;
    const story = USER_STORY.exec(s);
    if (story) {
      req.text = story[1]!.trim();
      if (req.title === '') req.title = req.text;
      return;
    }
    if (!inCriteria) return;
    const written = WRITTEN_ID.exec(s);
    if (written && written[1]!.startsWith(req.id + '.')) {
      addCriterion(req, written[1]!, written[2]!, line.no, s.indexOf(written[1]!) + 1);
      return;
    }
    const ordered = ORDERED_ITEM.exec(s);
    if (ordered) {
      position++;
      addCriterion(req, `${req.id}.${position}`, ordered[3]!, line.no, ordered[1]!.length + 1);
    }
  });

  function addCriterion(parent: Requirement, id: string, body: string, lineNo: number, column: number): void {
    requirements.push({
      id,
      kind: 'criterion',
      title: body.trim(),
      text: body.trim(),
      parentId: parent.id,
      pos: { file, line: lineNo, column },
      ears: earsPattern(body),
    });
  }

  function readBugfixLine(s: string, lineNo: number): void {
    const written = WRITTEN_ID.exec(s);
    if (!written) return;
    const id = written[1]!;
    const groupId = id.slice(0, id.indexOf('.'));
    if (bugfixGroup !== null && groupId !== bugfixGroup) return;
    let group = requirements.find((r) => r.id === groupId && r.kind === 'requirement');
    if (!group) {
      group = { id: groupId, kind: 'requirement', title: lastHeading, text: '', parentId: null, pos: { file, line: lineNo, column: 1 } };
      requirements.push(group);
    }
    addCriterion(group, id, written[2]!, lineNo, s.indexOf(id) + 1);
  }

  return { requirements, diagnostics };
}
