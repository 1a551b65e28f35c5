// Kiro `requirements.md` (both EARS generations, localised headings, cc-sdd's `1.1 The X shall`
// lines) and `bugfix.md` (literal `1.x` / `2.x` / `3.x` IDs under Current / Expected / Unchanged).
//
// Requirements as people write them: headed `Requirement N`, `需求 1`, `Requisito 1`, `US-4: …`,
// `1.1 …`, `6. Title`, `Story 1:`, `REQ-1.3.1:`, `DR1:`, `SEC-04 —`, `R9:`; criteria as a numbered
// list (positional IDs `N.M`, letter sub-levels `2a.`), or with written IDs (`**R3.4**`,
// `**VR-5.1.4**:`, `**AC-5.1**`, `- FR-3.1:`, `1.1 The X shall`). A criterion's text runs over its
// wrapped lines and the sub-list under it. Anything else is kept as text, never an error.
import type { Diagnostic, Requirement } from '../model';
import { headingOf, isBlankLine, LineCursor, type LineInfo } from '../markdown-lines';
import { earsPattern } from '../ears';

// `Requirement 1`, `Requirement 2: Title`, `需求 1：…`, `Requisito 3 - …`, `Story 1:`.
const WORD_HEADING =
  /^(?:Requirement|Req\.?|需求|要件|要求|Requisito|Requerimiento|Exigence|Exigência|Anforderung|User Story|Story|Historia|História)[ \t]*(?:#[ \t]*)?(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*)(?:[ \t]*(?:[:：.\-—–)][ \t]*|[ \t]+)(.*))?$/is;
// `R9: UI`, `US-4: Title`, `REQ-1.3.1: …`, `DR1: …`, `SEC-04 — …`, `R-LD-2 …`: a letter prefix and a number.
const PREFIXED_HEADING = /^\[?([A-Z][A-Za-z]{0,5}(?:-[A-Z]{1,6})*-?\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*)\]?(?:[ \t]*(?:[:：.)]|[-—–]|\|)[ \t]*(.*)|[ \t]+(.*))?$/s;
// `1.1 Title` (localized files), `6. Title`: a number, then a title.
const NUMBER_HEADING = /^(\d{1,3}[A-Za-z]?(?:\.\d{1,3}[A-Za-z]?)*)(?:\.|[ \t]*[:：)\-—–])?[ \t]+(\S.*)$/s;
// No two `[ \t]*`/`\s*` side by side with only an optional token between them (they backtrack
// quadratically on a long run of spaces): `[ \t]*(?:#[ \t]*)?`, not `[ \t]*#?[ \t]*`.
const ACCEPTANCE = /acceptance|criteria|受け入れ|受入|驗收|验收|基準|标准|標準|Kriterien|critères|criterios|critérios|aceita/i;
const USER_STORY = /^\s*(?:[-*]\s+)?\*\*\s*(?:User Story|Objective|用户故事|使用者故事|ユーザーストーリー|目的|Historia de usuario|História de usuário)\s*(?:[:：]\s*)?\*\*\s*(?:[:：]\s*)?(.*)$/is;
// A criterion with its ID written out: `1.1 The X shall`, `- 1.1 …`, `**R3.4** …`, `**VR-5.1.4**: …`,
// `**AC-5.1** …`, `- FR-3.1: …`, `2a. …` is NOT one (that is positional, see ORDERED_ITEM).
const WRITTEN_ID =
  /^[ \t]*(?:[-*+][ \t]+)?(\*\*)?((?:[A-Z][A-Za-z]{0,5}(?:-[A-Z]{1,6})*-?)?\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+)(?:\*\*)?(?:[ \t]*[:.)](?:\*\*)?|[ \t]*\*\*)?[ \t]+(\S.*)$/s;
// A bold prefixed ID without a dot: `**AC-1**: …`, `**NFR-2** …`.
const BOLD_FLAT_ID = /^[ \t]*(?:[-*+][ \t]+)?\*\*([A-Z][A-Za-z]{0,5}(?:-[A-Z]{1,6})*-?\d+[A-Za-z]?)\*\*[ \t]*(?:[:.)][ \t]*)?(\S.*)$/s;
const ORDERED_ITEM = /^( {0,3})(\d{1,4})([a-z])?[.)][ \t]+(.*)$/s;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,4}[a-z]?[.)])[ \t]+/;
const BUGFIX_GROUPS: [RegExp, string][] = [
  [/current|defect|actual|现状|現在/i, '1'],
  [/expected|correct|期待|预期/i, '2'],
  [/unchanged|regression|preserv|不変|不变/i, '3'],
];

export interface RequirementsParse {
  requirements: Requirement[];
  diagnostics: Diagnostic[];
}

/** A requirement heading's ID and title, or null when the heading is something else. */
export function requirementHeading(text: string): { id: string; title: string; numeric: boolean; prefixed: boolean } | null {
  const t = text.replace(/\*\*/g, '').trim();
  let m = WORD_HEADING.exec(t);
  if (m) {
    const id = /^(?:User Story|Story|Historia|História)/i.test(t) ? `US${m[1]}` : m[1]!;
    return { id, title: (m[2] ?? '').trim(), numeric: false, prefixed: false };
  }
  m = PREFIXED_HEADING.exec(t);
  if (m) return { id: m[1]!, title: (m[2] ?? m[3] ?? '').trim(), numeric: false, prefixed: true };
  m = NUMBER_HEADING.exec(t);
  if (m) return { id: m[1]!, title: m[2]!.trim(), numeric: true, prefixed: false };
  return null;
}

export function parseKiroRequirements(text: string, file: string, kind: 'requirements' | 'bugfix'): RequirementsParse {
  const requirements: Requirement[] = [];
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, Requirement>();
  let current: Requirement | null = null;
  let currentLevel = 0;
  let inCriteria = true;
  let position = 0;
  // Once a requirement writes its criteria's IDs, a numbered list is a sub-list, not criteria.
  let writtenIds = false;
  // The criterion whose text later lines continue (wrapped lines, its sub-list), and whether a
  // blank line has ended its paragraph.
  let open: Requirement | null = null;
  let afterBlank = false;
  // A criterion written as a heading owns every line up to the next heading.
  let openIsHeading = false;
  // Numeric headings (`### 6. Title`) are requirements only when something requirement-like
  // follows; otherwise (`## 1. Introduction`) they are dropped at the end.
  const tentative = new Set<Requirement>();
  const confirmed = new Set<Requirement>();
  const parentOf = new Map<Requirement, Requirement>();
  let bugfixGroup: string | null = null;
  let lastHeading = '';

  const cursor = new LineCursor(text);
  while (cursor.next()) {
    const line: LineInfo = cursor;
    if (line.fenced) continue;
    const s = line.text;
    const h = headingOf(s);
    if (h) {
      finishOpen();
      lastHeading = h.text;
      if (kind === 'bugfix') {
        bugfixGroup = null;
        for (const [re, id] of BUGFIX_GROUPS) if (re.test(h.text)) bugfixGroup = id;
        continue;
      }
      const req = current as Requirement | null;
      const head = requirementHeading(h.text);
      // `#### 1.1 Summary written for every battle` under `### Requirement 1`: a criterion written
      // as a heading; the list under it details that criterion rather than adding new ones.
      if (head && req && h.level > currentLevel && head.id.startsWith(req.id + '.')) {
        open = addCriterion(req, head.id, head.title, line.no, 1);
        openIsHeading = true;
        writtenIds = true;
        inCriteria = true;
        continue;
      }
      if (head) {
        current = {
          id: head.id,
          kind: 'requirement',
          title: head.title,
          text: '',
          parentId: null,
          pos: { file, line: line.no, column: 1 },
        };
        const dot = head.id.lastIndexOf('.');
        const parent = dot > 0 ? byId.get(head.id.slice(0, dot)) : undefined;
        if (parent) current.parentId = parent.id;
        requirements.push(current);
        if (!byId.has(head.id)) byId.set(head.id, current);
        if (head.numeric || head.prefixed) tentative.add(current);
        currentLevel = h.level;
        inCriteria = true;
        position = 0;
        writtenIds = false;
        continue;
      }
      if (req && h.level <= currentLevel) current = null;
      else if (req) inCriteria = ACCEPTANCE.test(h.text);
      continue;
    }
    if (kind === 'bugfix') {
      readBugfixLine(s, line.no);
      continue;
    }
    if (isBlankLine(s)) {
      afterBlank = true;
      continue;
    }
    const req = current as Requirement | null;
    if (req) {
      const story = s.includes('**') ? USER_STORY.exec(s) : null;
      if (story) {
        finishOpen();
        req.text = story[1]!.trim();
        if (req.title === '') req.title = req.text;
        confirmed.add(req);
        continue;
      }
    }
    // Written IDs are read wherever they stand in a requirement (`**R9.12**` may sit under
    // `### R10`): the ID says which requirement the criterion belongs to.
    if ((req || open) && mayStartWithId(s)) {
      const written = WRITTEN_ID.exec(s) ?? (req && inCriteria ? BOLD_FLAT_ID.exec(s) : null);
      if (written && (written.length === 4 ? acceptsWritten(written, req) : true)) {
        finishOpen();
        const id = written.length === 4 ? written[2]! : written[1]!;
        const body = written.length === 4 ? written[3]! : written[2]!;
        const owner = ownerOf(id) ?? req!;
        open = addCriterion(owner, id, body, line.no, s.indexOf(id) + 1);
        writtenIds = true;
        continue;
      }
    }
    if (!req) continue;
    const ordered = mayBeOrderedItem(s) ? ORDERED_ITEM.exec(s) : null;
    if (ordered && inCriteria && !writtenIds && !(open && ordered[1]!.length > 0)) {
      finishOpen();
      const letter = ordered[3];
      // `2a.` is a sub-level of the criterion numbered 2; plain numbers count positions.
      if (!letter) position++;
      const id = letter ? `${req.id}.${ordered[2]}${letter}` : `${req.id}.${position}`;
      open = addCriterion(req, id, ordered[4]!, line.no, ordered[1]!.length + 1);
      continue;
    }
    // A wrapped line or the sub-list under the open criterion continues its text.
    if (open && (!afterBlank || continues(s) || writtenIds)) {
      if (afterBlank && !openIsHeading && !continues(s) && !LIST_ITEM.test(s)) {
        finishOpen();
        continue;
      }
      appendText(open, s.trim());
      afterBlank = false;
      continue;
    }
    finishOpen();
    // A requirement stated as a paragraph (`### SEC-04 — …` then `The API SHALL …`).
    if (tentative.has(req) && earsPattern(s) !== 'none') {
      confirmed.add(req);
      appendText(req, s.trim());
    }
  }
  finishOpen();

  /** `R9.12` belongs to `R9` when there is one; `1.1` under `Requirement 1` to it. */
  function ownerOf(id: string): Requirement | null {
    const dot = id.lastIndexOf('.');
    if (dot <= 0) return null;
    const prefix = id.slice(0, dot);
    const found = byId.get(prefix) ?? (prefix.startsWith('R') ? byId.get(prefix.slice(1)) : byId.get('R' + prefix));
    return found ?? null;
  }

  /** A `1.1 …`-style line is a criterion when it names its requirement, or is bold, or stands in the criteria. */
  function acceptsWritten(m: RegExpExecArray, req: Requirement | null): boolean {
    const id = m[2]!;
    if (ownerOf(id)) return true;
    if (!req) return false;
    if (m[1]) return true;
    // An unprefixed `3.2 …` under `Requirement 1` is a note, not a criterion.
    return /^[A-Za-z]/.test(id) && inCriteria;
  }

  function addCriterion(parent: Requirement, id: string, body: string, lineNo: number, column: number): Requirement {
    confirmed.add(parent);
    const text = body.trim();
    const c: Requirement = { id, kind: 'criterion', title: text, text, parentId: parent.id, pos: { file, line: lineNo, column } };
    requirements.push(c);
    parentOf.set(c, parent);
    afterBlank = false;
    return c;
  }

  function finishOpen(): void {
    const c = open as Requirement | null;
    if (c) c.ears = earsPattern(c.text);
    open = null;
    openIsHeading = false;
    afterBlank = false;
  }

  function readBugfixLine(s: string, lineNo: number): void {
    const written = WRITTEN_ID.exec(s);
    if (!written) {
      if (isBlankLine(s)) finishOpen();
      else if (open && !LIST_ITEM.test(s)) appendText(open, s.trim());
      return;
    }
    finishOpen();
    const id = written[2]!;
    const groupId = id.slice(0, id.indexOf('.'));
    if (bugfixGroup !== null && groupId !== bugfixGroup) return;
    let group = requirements.find((r) => r.id === groupId && r.kind === 'requirement');
    if (!group) {
      group = { id: groupId, kind: 'requirement', title: lastHeading, text: '', parentId: null, pos: { file, line: lineNo, column: 1 } };
      requirements.push(group);
    }
    open = addCriterion(group, id, written[3]!, lineNo, s.indexOf(id) + 1);
  }

  // Numbered headings are document structure (`## 1. Introduction`, `### 1.1 現在地`) when the
  // document heads its requirements `Requirement N` / `要件 N`, or when nothing requirement-like
  // stands under them. A prefixed heading (`### R10: …`) is a requirement when others share its
  // prefix, even if empty (a heading written twice is then reported, once).
  const hasWordHeadings = requirements.some((r) => r.kind === 'requirement' && !tentative.has(r));
  const prefixOf = (id: string) => /^[A-Za-z-]*/.exec(id)![0];
  const confirmedPrefixes = new Set(requirements.filter((r) => r.kind === 'requirement' && confirmed.has(r)).map((r) => prefixOf(r.id)));
  const gone = new Set<Requirement>();
  for (const r of tentative) {
    const numeric = /^\d/.test(r.id);
    const keep = numeric ? !hasWordHeadings && confirmed.has(r) : confirmed.has(r) || confirmedPrefixes.has(prefixOf(r.id));
    if (!keep) gone.add(r);
  }
  if (gone.size > 0) return { requirements: requirements.filter((r) => !gone.has(r) && !gone.has(parentOf.get(r)!)), diagnostics };
  return { requirements, diagnostics };
}

/** Cheap pre-check for WRITTEN_ID / BOLD_FLAT_ID: after blanks and a bullet, a digit, a capital or `**`. */
function mayStartWithId(s: string): boolean {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  const b = s.charCodeAt(i);
  if ((b === 45 || b === 42 || b === 43) && (s.charCodeAt(i + 1) === 32 || s.charCodeAt(i + 1) === 9)) {
    i += 2;
    while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  }
  const c = s.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 42;
}

/** ORDERED_ITEM's cheap half: at most three spaces, then a digit. */
function mayBeOrderedItem(s: string): boolean {
  let i = 0;
  while (i < 3 && s.charCodeAt(i) === 32) i++;
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Indented text (a wrapped line or a nested list under a list item). */
function continues(s: string): boolean {
  return s.charCodeAt(0) === 32 || s.charCodeAt(0) === 9;
}

function appendText(r: Requirement, more: string): void {
  r.text = r.text === '' ? more : `${r.text}\n${more}`;
}
