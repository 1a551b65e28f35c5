// Which EARS pattern an acceptance criterion follows. Both Kiro generations are covered:
// `WHEN … THEN the system SHALL …` and `WHEN …, THE Component SHALL …`, plus WHILE / IF … THEN /
// WHERE / plain `THE X SHALL`, in any letter case (cc-sdd writes `When …, the X shall …`).
import type { EarsPattern } from './model';

const SHALL = /\bshall\b/i;
const LEADING = /^(?:[*_`\s]|\d+[.)]\s)*(while|when|if|where|the|a|an)\b/i;
const SECOND_TRIGGER = /,\s*(?:\*\*)?(when|if)\b/i;

export function earsPattern(text: string): EarsPattern {
  if (!SHALL.test(text)) return 'none';
  const lead = LEADING.exec(text);
  if (!lead) return 'none';
  const word = lead[1]!.toLowerCase();
  if (word === 'while' || word === 'where') {
    const rest = text.slice(lead[0].length);
    if (SECOND_TRIGGER.test(rest) || (word === 'where' && /\bwhile\b/i.test(rest))) return 'complex';
    return word === 'while' ? 'state-driven' : 'optional';
  }
  if (word === 'when') return 'event-driven';
  if (word === 'if') return /\bthen\b|,/i.test(text) ? 'unwanted' : 'none';
  return 'ubiquitous';
}
