// Requirement references written under a task: `_Requirements: 1.1, 2.3_`, `_需求: 1.1_`,
// `**Validates: Requirements 1.2**`, ranges (`1.1-1.5`), `All`, and free text, which is kept and
// marked unresolved rather than dropped.
import type { SourcePos, TaskRef } from './model';

// A reference marker: the label, then a colon. Matched near the start of the line (after a bullet
// and emphasis), except `Validates:`, which also appears after other text on the same line.
const LEADING_MARKER =
  /^[ \t]*(?:[-*+][ \t]+)?[_*]*[ \t]*(?:Requirements?|Reqs?|Refs?|References?|需求|要件|要求|需要|Requisitos?|Exigences?|Anforderungen|Validates)[_*]*[ \t]*[:：][_*]*[ \t]*/i;
const INLINE_VALIDATES = /(?:^|[\s(_*])Validates[_*]*[ \t]*[:：][_*]*[ \t]*/;

/** The refs on one line, or null when the line carries no reference marker. */
export function refsOnLine(line: string, pos: Omit<SourcePos, 'column'>): TaskRef[] | null {
  // Every marker has a colon: most detail lines are rejected without running a regex.
  if (line.indexOf(':') === -1 && line.indexOf('：') === -1) return null;
  let m = LEADING_MARKER.exec(line);
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
  return splitRefs(body, { ...pos, column: at + 1 });
}

const ID = String.raw`(?:[A-Z]{1,4}-?)?\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*`;
const ID_ONLY = new RegExp(`^(?:Requirements?[ \t]+|Req\\.?[ \t]*)?(${ID})$`, 'i');
const ID_THEN_NOTE = new RegExp(`^(?:Requirements?[ \t]+)?(${ID})[ \t]*\\(.*\\)$`, 'i');
const RANGE = new RegExp(`^(${ID})[ \t]*(?:-|–|—|~|〜|to|through)[ \t]*(${ID})$`, 'i');
const ALL = /^(?:all|all requirements?.*|全部|全般|すべて|所有需求|全て)$/i;
const MAX_RANGE = 200;

// The common case, `1.1, 2.3_` or `R1.1, R1.2`: plain IDs split by commas.
const PLAIN_IDS = /^[ \t]*(?:[A-Z]{0,2}\d+(?:\.\d+)*[ \t]*,[ \t]*)*[A-Z]{0,2}\d+(?:\.\d+)*[ \t_*.]*$/;

export function splitRefs(body: string, pos: SourcePos): TaskRef[] {
  const out: TaskRef[] = [];
  if (PLAIN_IDS.test(body)) {
    // One reference for the whole list keeps large files cheap (fewer objects to keep).
    const raw = body.replace(/[\s_*.]+$/, '');
    out.push({ raw, kind: 'id', ids: raw.split(/[ \t]*,[ \t]*/), pos });
    return out;
  }
  // Trailing emphasis closers (`_`, `**`) and full stops are not part of the last reference.
  const cleaned = body.replace(/[\s_*.。]+$/u, '');
  for (const part of cleaned.split(/[,，、;；]|\band\b/)) {
    const raw = part.replace(/^[\s_*`]+|[\s_*`]+$/g, '');
    if (raw === '') continue;
    out.push(classify(raw, pos));
  }
  return out;
}

function classify(raw: string, pos: SourcePos): TaskRef {
  if (ALL.test(raw)) return { raw, kind: 'all', ids: [], pos };
  let m = ID_ONLY.exec(raw) ?? ID_THEN_NOTE.exec(raw);
  if (m) return { raw, kind: 'id', ids: [m[1]!], pos };
  m = RANGE.exec(raw);
  if (m) {
    const ids = expandRange(m[1]!, m[2]!);
    if (ids) return { raw, kind: 'range', ids, pos };
  }
  return { raw, kind: 'free', ids: [], pos };
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
  for (let n = lo; n <= hi; n++) ids.push(a[1] + String(n));
  return ids;
}

/** Spec Kit puts references in the task line itself: `[US1]`, and sometimes `FR-001`. */
const INLINE_SPECKIT = /\b(FR-\d+[a-z]?|SC-\d+[a-z]?)\b/g;
export function speckitInlineRefs(title: string, pos: SourcePos): TaskRef[] {
  const out: TaskRef[] = [];
  for (const m of title.matchAll(INLINE_SPECKIT)) out.push({ raw: m[1]!, kind: 'id', ids: [m[1]!], pos });
  return out;
}
