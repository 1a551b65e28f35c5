// Which EARS pattern an acceptance criterion follows. Both Kiro generations are covered:
// `WHEN … THEN the system SHALL …` and `WHEN …, THE Component SHALL …`, plus WHILE / IF … THEN /
// WHERE / plain `THE X SHALL`, in any letter case (cc-sdd writes `When …, the X shall …`).
// Real files also write MUST for SHALL, quantified subjects (`FOR ALL …, THE X SHALL`, `EACH page
// SHALL`), and localized keywords (Portuguese `QUANDO … ENTÃO … DEVE`, Spanish, German, French,
// Chinese `当…时，系统应…`, Japanese `…場合、…しなければならない`).
import type { EarsPattern } from './model';

// The normative verb: what makes a sentence a requirement at all.
const NORMATIVE =
  /(?<![\p{L}\p{N}_])(?:shall|must|deve|devem|deverá|deverão|debe|deben|deberá|deberán|muss|müssen|soll|sollen|doit|doivent|devra|devront)(?![\p{L}\p{N}_])|应当|应该|必须|必需|應當|應該|必須|应(?!用)|應(?!用)|しなければならない|なければならない|すること|ものとする|べき|하여야|해야/iu;

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
const DECORATION = /^(?:[*_`\s]|\d+[a-z]?[.)]\s)*/i;
const SECOND_TRIGGER = /,\s*(?:\*\*)?(?:when|if|quando|se|cuando|si|wenn|falls)\b/i;
const THEN = /\bthen\b|\bentão\b|\bentonces\b|\bdann\b|\balors\b|那么|则|,|，/i;
// Japanese and Korean put the condition before a particle, not after a leading keyword.
const CJK_CONDITION = /(?:場合|とき|時|際|間|경우|때)[、,，\s]/;

function leadingKeyword(text: string): { pattern: EarsPattern | 'subject'; rest: string } {
  const body = text.slice(DECORATION.exec(text)![0].length);
  const lower = body.toLowerCase();
  for (const [word, pattern] of KEYWORDS) {
    if (!lower.startsWith(word)) continue;
    const next = lower.charCodeAt(word.length);
    const cjk = word.charCodeAt(0) > 0x2e80;
    // A Latin keyword is a whole word (`if`, not `iframe`).
    if (!cjk && !(Number.isNaN(next) || !/[\p{L}\p{N}_]/u.test(lower[word.length]!))) continue;
    return { pattern, rest: body.slice(word.length) };
  }
  return { pattern: 'subject', rest: body };
}

export function earsPattern(text: string): EarsPattern {
  if (!NORMATIVE.test(text)) return 'none';
  const { pattern, rest } = leadingKeyword(text);
  if (pattern === 'state-driven' || pattern === 'optional') {
    if (SECOND_TRIGGER.test(rest) || (pattern === 'optional' && /\bwhile\b/i.test(rest))) return 'complex';
    return pattern;
  }
  if (pattern === 'unwanted') return THEN.test(rest) ? 'unwanted' : 'none';
  if (pattern !== 'subject') return pattern;
  if (CJK_CONDITION.test(text)) return 'event-driven';
  // `THE X SHALL`, `FOR ALL x, THE X SHALL`, `EACH page SHALL`, `Weapon costs SHALL NOT change`:
  // a subject and a normative verb.
  return 'ubiquitous';
}
