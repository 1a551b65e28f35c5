// Requirement references written under a task: `_Requirements: 1.1, 2.3_`, `_需求: 1.1_`,
// `**Validates: Requirements 1.2**`, ranges (`1.1-1.5`), `All`, and free text, which is kept and
// marked unresolved rather than dropped.
import type { SourcePos, TaskRef } from './model';
import { eachMatch } from './each-match';

// A reference marker: the label, then a colon. Matched near the start of the line (after a bullet
// and emphasis), except `Validates:`, which also appears after other text on the same line.
// (`(?:[_*]+[ \t]*)?`, not `[_*]*[ \t]*`: runs of spaces side by side backtrack quadratically.)
const LEADING_MARKER =
  /^[ \t]*(?:[-*+][ \t]+)?(?:[_*]+[ \t]*)?(?:Requirements?|Reqs?|Refs?|References?|需求|要件|要求|需要|Requisitos?|Exigences?|Anforderungen|Validates)[_*]*[ \t]*[:：][_*]*[ \t]*/i;
// What may stand before a label (blanks, a bullet, emphasis), and a label's first letters, as codes.
const isLeadSkip = (c: number) => c === 32 || c === 9 || c === 45 || c === 42 || c === 43 || c === 95; // ' \t-*+_'
const isLabelStart = (c: number) => (c | 32) === 114 || (c | 32) === 118 || (c | 32) === 101 || (c | 32) === 97 || c === 0x9700 || c === 0x8981; // RrVvEeAa需要
const INLINE_VALIDATES = /(?:^|[\s(_*])Validates[_*]*[ \t]*[:：][_*]*[ \t]*/;

/** Whether the line has a colon (`:` or `：`): every reference marker has one. */
export function hasColon(line: string): boolean {
  return line.indexOf(':') !== -1 || line.indexOf('：') !== -1;
}

/** The refs on one line, or null when the line carries no reference marker. */
export function refsOnLine(line: string, file: string, lineNo: number): TaskRef[] | null {
  // Every marker has a colon: most detail lines are rejected without running a regex.
  return hasColon(line) ? refsOnColonLine(line, file, lineNo) : null;
}

/** `refsOnLine` for a line the caller already knows has a colon. */
export function refsOnColonLine(line: string, file: string, lineNo: number): TaskRef[] | null {
  // The label's first letter, after indentation, a bullet and emphasis, is one of few: most prose
  // lines with a colon are rejected here.
  let i = 0;
  while (i < line.length && isLeadSkip(line.charCodeAt(i))) i++;
  let m = i === line.length || isLabelStart(line.charCodeAt(i)) ? LEADING_MARKER.exec(line) : null;
  let at: number;
  if (m) at = m[0].length;
  else {
    if (!line.includes('alidates')) return null;
    m = INLINE_VALIDATES.exec(line);
    if (!m) return null;
    at = m.index + m[0].length;
  }
  let body = line.slice(at);
  // `Validates: Requirements 1.2, 1.3` and `_Requirements: Requirement 2_`.
  const lead = /^(?:Requirements?|Reqs?\.?)[ \t]+/i.exec(body);
  if (lead) {
    body = body.slice(lead[0].length);
    at += lead[0].length;
  }
  return splitRefs(body, { file, line: lineNo, column: at + 1 });
}

// An ID as written: `1.1`, `2a`, `R13.2`, `FR-009.1`, `US-011.1`, `R-LD-2.3`, `REQ-1.3.1`, `44l.57`.
const ID = String.raw`(?:[A-Z][A-Za-z]{0,5}(?:-[A-Z]{1,6})*-?)?\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*`;
// A word before the ID that only says "requirement", in any language: `Requirement 2`, `Req. 3`,
// `Requisito 11.1`, `需求16`, `要件 3`, `AC 1.2`.
const ID_WORD = String.raw`(?:Requirements?|Reqs?\.?|Requisitos?|Requerimientos?|Exigences?|Anforderung(?:en)?|Criteri(?:on|a)|AC|需求|要件|要求|需要)[ \t]*(?:#[ \t]*)?`;
const ID_ONLY = new RegExp(`^(?:${ID_WORD})?(${ID})$`, 'i');
const ID_THEN_NOTE = new RegExp(`^(?:${ID_WORD})?(${ID})[ \\t]*[(（].*[)）]$`, 'i');
// Each separator with its own run of spaces (a `[ \t]*` beside a `[ \t]+` backtracks quadratically).
const RANGE = new RegExp(`^(?:${ID_WORD})?(${ID})(?:[ \\t]*(?:-|–|—|~|〜|～|\\.\\.|至|到)|[ \\t]+(?:to|through|thru|até|bis)(?=[ \\t]))[ \\t]*(?:${ID_WORD})?(${ID})(?:[ \\t]*[(（].*[)）])?$`, 'i');
// `All`, `All requirements completed`; not `All requirements for observability` (a subset).
const ALL = /^(?:all|all requirements?(?:[ \t]+(?!for\b|related\b|of\b|in\b|about\b)\S.*)?|every requirement|todos(?: os requisitos)?|全部|全般|すべて|所有需求|全て|全部需求)[.。]?$/i;
// `All (1–13)`, `all (1.1–1.10, 10.1–10.7)`, `All (aggregate verification)`.
const ALL_THEN_NOTE = /^(?:all|all requirements?|todos)[ \t]*[(（](.*)[)）]$/i;
// References to the design document, not to requirements.
const DESIGN = /^(?:(?:Correctness[ \t]+)?Property|Properties|Design(?:[ \t]+(?:Section|Decision|Doc(?:ument)?))?|Section|CP|DP|Propriedade|属性|プロパティ|设计|設計)\b[ \t#:-]*(?:[\dA-Za-z.]+(?:[ \t]*[(（].*[)）])?|[(（].*[)）])?$/i;
const STORY_REF = /^(?:User[ \t]+)?Story[ \t]*(?:-[ \t]*)?(\d+)((?:\.\d+)*)$/i;
const MAX_RANGE = 200;

// The common case, `1.1, 2.3_` or `R1.1, R1.2`: plain IDs split by commas.
const PLAIN_IDS = /^[ \t]*(?:[A-Z]{0,2}\d+(?:\.\d+)*[ \t]*,[ \t]*)*[A-Z]{0,2}\d+(?:\.\d+)*[ \t_*.]*$/;

/** `text` without its trailing characters that satisfy `drop` (one scan from the end). */
function trimEndWhere(text: string, drop: (c: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1]!)) end--;
  return text.slice(0, end);
}

// `/[\s_*.]/.test(c)` for one character, without a regex call for the ASCII ones.
const NON_ASCII_SPACE = /\s/;
function isSpaceEmphasisOrDot(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code === 95 || code === 42 || code === 46 || code === 32 || (code >= 9 && code <= 13);
  return NON_ASCII_SPACE.test(c);
}

// A PLAIN_IDS list split on its commas and the blanks beside them, as `split(/[ \t]*,[ \t]*/)` did.
function splitPlainIds(list: string): string[] {
  if (list.indexOf(',') === -1) return [list];
  const parts = list.split(',');
  for (let i = 0; i < parts.length; i++) {
    let p = parts[i]!;
    let from = 0;
    let to = p.length;
    if (i > 0) while (from < to && (p.charCodeAt(from) === 32 || p.charCodeAt(from) === 9)) from++;
    if (i < parts.length - 1) while (to > from && (p.charCodeAt(to - 1) === 32 || p.charCodeAt(to - 1) === 9)) to--;
    if (from > 0 || to < p.length) p = p.slice(from, to);
    parts[i] = p;
  }
  return parts;
}

export function splitRefs(body: string, pos: SourcePos): TaskRef[] {
  const out: TaskRef[] = [];
  if (PLAIN_IDS.test(body)) {
    // One reference for the whole list keeps large files cheap (fewer objects to keep).
    const raw = trimEndWhere(body, isSpaceEmphasisOrDot);
    out.push({ raw, kind: 'id', ids: splitPlainIds(raw), pos });
    return out;
  }
  // Trailing emphasis closers (`_`, `**`) and full stops are not part of the last reference.
  // Trimmed by a scan from the end: an unanchored `[…]+$` retries from every character of a long run.
  const cleaned = trimEndWhere(body, (c) => /[\s_*.。]/u.test(c));
  for (const part of splitTopLevel(cleaned)) {
    const raw = trimEndWhere(part.replace(/^[\s_*`]+/, ''), (c) => /[\s_*`]/.test(c));
    if (raw === '') continue;
    out.push(classify(raw, pos));
  }
  return out;
}

/** Splits on `,`, `;`, `、` and ` and ` outside parentheses (`16.2, 16.10 (Deployment, Docs)`). */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '（' || c === '[') depth++;
    else if ((c === ')' || c === '）' || c === ']') && depth > 0) depth--;
    else if (depth === 0) {
      if (c === ',' || c === '，' || c === '、' || c === ';' || c === '；') {
        parts.push(text.slice(from, i));
        from = i + 1;
      } else if (c === ' ' && text.startsWith(' and ', i)) {
        parts.push(text.slice(from, i));
        from = i + 5;
        i += 4;
      }
    }
  }
  parts.push(text.slice(from));
  return parts;
}

function classify(raw: string, pos: SourcePos): TaskRef {
  if (ALL.test(raw)) return { raw, kind: 'all', ids: [], pos };
  if (DESIGN.test(raw)) return { raw, kind: 'design', ids: [], pos };
  // `User Story 1.5` is story 1's fifth scenario, as Spec Kit IDs are read (`US1.5`), not `US1`.
  const story = STORY_REF.exec(raw);
  if (story) return { raw, kind: 'id', ids: [`US${Number(story[1])}${story[2] ?? ''}`], pos };
  let m = ID_ONLY.exec(raw) ?? ID_THEN_NOTE.exec(raw);
  if (m) return { raw, kind: 'id', ids: [m[1]!], pos };
  m = RANGE.exec(raw);
  if (m) return rangeRef(raw, m[1]!, m[2]!, pos) ?? { raw, kind: 'free', ids: [], pos };
  // `All (1–13)` and `Core requirements validation (1.2, 21.1)`: the IDs in parentheses say
  // what the words mean; `All (aggregate verification)` only comments on "all".
  const note = NOTE.exec(raw);
  if (note) {
    const inner = idsIn(note[1]!, pos);
    if (inner) return { ...inner, raw };
  }
  if (ALL_THEN_NOTE.test(raw)) return { raw, kind: 'all', ids: [], pos };
  return { raw, kind: 'free', ids: [], pos };
}

const NOTE = /^[^(（]*[(（](.*)[)）]$/;

/** The references in a parenthesised list, when every part is an ID or a range; else null. */
function idsIn(list: string, pos: SourcePos): TaskRef | null {
  const parts = splitTopLevel(list).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const refs: TaskRef[] = [];
  for (const p of parts) {
    if (p.includes('(') || p.includes('（')) return null;
    const r = classify(p, pos);
    if (r.kind !== 'id' && r.kind !== 'range') return null;
    refs.push(r);
  }
  const span = refs.length === 1 ? refs[0]!.span : undefined;
  const kind = refs.some((r) => r.kind === 'range') ? 'range' : 'id';
  return { raw: list, kind, ids: refs.flatMap((r) => r.ids), pos, ...(span ? { span } : {}) };
}

function rangeRef(raw: string, from: string, to: string, pos: SourcePos): TaskRef | null {
  const ids = expandRange(from, to);
  if (ids) return { raw, kind: 'range', ids, pos };
  // Ends under different requirements (`1.1 through 23.3`): what lies between is known only from
  // the requirements document (parse.ts expands it).
  if (/\d/.test(from) && /\d/.test(to)) return { raw, kind: 'range', ids: [from, to], span: [from, to], pos };
  return null;
}

/** `1.1`..`1.5` → five IDs; `R2.1`–`R2.3`; `1`..`3`. Null when the ends do not share a prefix. */
export function expandRange(from: string, to: string): string[] | null {
  const a = /^(.*?)(\d+)$/.exec(from);
  const b = /^(.*?)(\d+)$/.exec(to);
  if (!a || !b) return null;
  let prefixB = b[1]!;
  // `1.1-5` is shorthand for `1.1-1.5`.
  if (prefixB === '' && a[1] !== '') prefixB = a[1]!;
  if (a[1] !== prefixB) return null;
  const lo = Number(a[2]);
  const hi = Number(b[2]);
  if (!(hi >= lo) || hi - lo > MAX_RANGE) return null;
  const ids: string[] = [];
  // `FR-005 to FR-027` keeps the written width.
  const width = a[2]!.startsWith('0') ? a[2]!.length : 0;
  for (let n = lo; n <= hi; n++) ids.push(a[1] + String(n).padStart(width, '0'));
  return ids;
}

/** Spec Kit puts references in the task line itself: `[US1]`, and sometimes `FR-001` or `FR-009.1`. */
const INLINE_SPECKIT = /\b((?:FR|NFR|SC)-\d+[a-z]?(?:\.\d+)*)\b/g;
export function speckitInlineRefs(title: string, pos: SourcePos): TaskRef[] {
  const out: TaskRef[] = [];
  eachMatch(INLINE_SPECKIT, title, (m) => out.push({ raw: m[1]!, kind: 'id', ids: [m[1]!], pos }));
  return out;
}

// Spec Kit writes what a phase covers outside any task: `**Goal**: … (FR-005 to FR-027)`, and
// headings `## Phase 3: User Story 1 - …` instead of `[US1]` tags.
const SPECKIT_RANGE = /\b((?:FR|NFR|SC)-\d+[a-z]?)[ \t]*(?:to|through|–|—|-)[ \t]*((?:FR|NFR|SC)-\d+[a-z]?)\b/g;
const SPECKIT_GOAL = /^[ \t]*(?:[-*+][ \t]+)?\*\*(?:Goal|Purpose|Covers|Requirements?|Scope|Checkpoint)\*\*[ \t]*[:：]/i;
const SPECKIT_STORY_HEADING = /\b(?:User Story|Story|US)[ \t]*(?:-[ \t]*)?(\d+)\b/gi;

/** The FR-/SC- IDs a Spec Kit `**Goal**:` line names, or null when the line is something else. */
export function speckitSectionRefs(line: string, pos: Omit<SourcePos, 'column'>): TaskRef[] | null {
  if (!line.includes('**') || !SPECKIT_GOAL.test(line)) return null;
  const out: TaskRef[] = [];
  let rest = line;
  eachMatch(SPECKIT_RANGE, line, (m) => {
    const ids = expandRange(m[1]!, m[2]!);
    if (ids) out.push({ raw: m[0], kind: 'range', ids, pos: { ...pos, column: m.index + 1 } });
    rest = rest.replace(m[0], ' ');
  });
  eachMatch(INLINE_SPECKIT, rest, (m) => out.push({ raw: m[1]!, kind: 'id', ids: [m[1]!], pos: { ...pos, column: line.indexOf(m[1]!) + 1 } }));
  return out.length > 0 ? out : null;
}

/** `## Phase 3: User Story 1 - Upload` → a reference to US1; `(US1 + US7 + US8)` → to all three. */
export function speckitHeadingRef(heading: string, pos: SourcePos): TaskRef | null {
  const ids: string[] = [];
  eachMatch(SPECKIT_STORY_HEADING, heading, (m) => {
    const id = `US${Number(m[1])}`;
    if (!ids.includes(id)) ids.push(id);
  });
  return ids.length > 0 ? { raw: heading, kind: 'id', ids, pos } : null;
}
