// Which EARS pattern an acceptance criterion follows. Both Kiro generations are covered:
// `WHEN … THEN the system SHALL …` and `WHEN …, THE Component SHALL …`, plus WHILE / IF … THEN /
// WHERE / plain `THE X SHALL`, in any letter case (cc-sdd writes `When …, the X shall …`).
// Real files also write MUST for SHALL, quantified subjects (`FOR ALL …, THE X SHALL`, `EACH page
// SHALL`), and localized keywords (Portuguese `QUANDO … ENTÃO … DEVE`, Spanish, German, French,
// Chinese `当…时，系统应…`, Japanese `…場合、…しなければならない`).
import type { EarsPattern } from './model';

// The normative verb: what makes a sentence a requirement at all.
// English first: a plain `\b` regex is ten times cheaper than the Unicode-aware one below.
const NORMATIVE_EN = /\b(?:shall|must)\b/i;
const NORMATIVE =
  /(?<![\p{L}\p{N}_])(?:deve|devem|deverá|deverão|debe|deben|deberá|deberán|muss|müssen|soll|sollen|doit|doivent|devra|devront)(?![\p{L}\p{N}_])|应当|应该|必须|必需|應當|應該|必須|应(?!用)|應(?!用)|しなければならない|なければならない|すること|ものとする|べき|하여야|해야/iu;

// Leading keywords → pattern, English first, then the localized words for the same patterns.
// Latin-script words must end at a word boundary; CJK ones need not.
const KEYWORDS: [string, EarsPattern | 'subject'][] = [
  ['while', 'state-driven'], ['when', 'event-driven'], ['if', 'unwanted'], ['where', 'optional'],
  ['quando', 'event-driven'], ['enquanto', 'state-driven'], ['se', 'unwanted'], ['onde', 'optional'],
  ['cuando', 'event-driven'], ['mientras', 'state-driven'], ['si', 'unwanted'], ['donde', 'optional'],
  ['wenn', 'event-driven'], ['sobald', 'event-driven'], ['während', 'state-driven'], ['falls', 'unwanted'],
  ['lorsque', 'event-driven'], ['quand', 'event-driven'], ['pendant', 'state-driven'],
  ['当', 'event-driven'], ['一旦', 'event-driven'], ['在', 'state-driven'], ['如果', 'unwanted'], ['若', 'unwanted'], ['假如', 'unwanted'],
];
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LIST_NUMBER = /^\d+[a-z]?[.)]\s/i;
const HAS_CJK = /[\u3040-\u30ff\uac00-\ud7af\u4e00-\u9fff]/;
const SECOND_TRIGGER = /,\s*(?:\*\*)?(?:when|if|quando|se|cuando|si|wenn|falls)\b/i;
const THEN = /\bthen\b|\bentão\b|\bentonces\b|\bdann\b|\balors\b|那么|则|,|，/i;
// Japanese and Korean put the condition before a particle, not after a leading keyword.
const CJK_CONDITION = /(?:場合|とき|時|際|間|경우|때)[、,，\s]/;

// Keywords by their first character: most criteria start with a letter no keyword starts with.
const BY_FIRST = new Map<string, [string, EarsPattern][]>();
for (const [word, pattern] of KEYWORDS) {
  const list = BY_FIRST.get(word[0]!) ?? [];
  list.push([word, pattern as EarsPattern]);
  BY_FIRST.set(word[0]!, list);
}

/** Where the words start: after blanks, emphasis, code marks and a list number (`1. `, `2a) `). */
function bodyStart(text: string): number {
  let i = 0;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 42 || c === 95 || c === 96) {
      i++;
      continue;
    }
    const m = c >= 48 && c <= 57 ? LIST_NUMBER.exec(text.slice(i, i + 8)) : null;
    if (m) {
      i += m[0].length;
      continue;
    }
    return i;
  }
}

function leadingKeyword(text: string): { pattern: EarsPattern | 'subject'; rest: string } {
  const at = bodyStart(text);
  const candidates = BY_FIRST.get(text[at]?.toLowerCase() ?? '');
  if (candidates) {
    // Keywords are short: only the start of the text needs lower-casing.
    const lower = text.slice(at, at + 16).toLowerCase();
    for (const [word, pattern] of candidates) {
      if (!lower.startsWith(word)) continue;
      const cjk = word.charCodeAt(0) > 0x2e80;
      // A Latin keyword is a whole word (`if`, not `iframe`).
      if (!cjk && word.length < lower.length && WORD_CHAR.test(lower[word.length]!)) continue;
      return { pattern, rest: text.slice(at + word.length) };
    }
  }
  return { pattern: 'subject', rest: text.slice(at) };
}

export function earsPattern(text: string): EarsPattern {
  if (!NORMATIVE_EN.test(text) && !NORMATIVE.test(text)) return 'none';
  const { pattern, rest } = leadingKeyword(text);
  if (pattern === 'state-driven' || pattern === 'optional') {
    if (SECOND_TRIGGER.test(rest) || (pattern === 'optional' && /\bwhile\b/i.test(rest))) return 'complex';
    return pattern;
  }
  if (pattern === 'unwanted') return THEN.test(rest) ? 'unwanted' : 'none';
  if (pattern !== 'subject') return pattern;
  if (HAS_CJK.test(text) && CJK_CONDITION.test(text)) return 'event-driven';
  // `THE X SHALL`, `FOR ALL x, THE X SHALL`, `EACH page SHALL`, `Weapon costs SHALL NOT change`:
  // a subject and a normative verb.
  return 'ubiquitous';
}
