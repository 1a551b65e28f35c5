// Turns a search into an FTS5 filter over the trigram index: an AND of quoted single trigrams
// taken from a literal every match must contain. The filter only narrows the candidates; every
// candidate is verified against its text, so the filter may be loose but must never be too strict.

const MAX_TRIGRAMS = 16;

/**
 * The FTS5 MATCH expression for `literal`, or null when it yields no usable trigram (shorter
 * than three characters). With `asciiOnly`, trigrams holding non-ASCII characters are left out:
 * SQLite's case folding of those may differ from the JavaScript matcher's.
 */
export function trigramMatch(literal: string, asciiOnly: boolean): string | null {
  const grams = new Set<string>();
  const chars = Array.from(literal); // trigrams are made of code points
  for (let i = 0; i + 3 <= chars.length; i++) {
    const gram = chars.slice(i, i + 3).join('');
    if (asciiOnly && !isAscii(gram)) continue;
    // The index folds case, so ABC and abc are one trigram.
    grams.add(isAscii(gram) ? gram.toLowerCase() : gram);
  }
  if (grams.size === 0) return null;
  // Spread the chosen trigrams over the literal: the ends are often the most selective.
  let list = [...grams];
  if (list.length > MAX_TRIGRAMS) {
    const step = (list.length - 1) / (MAX_TRIGRAMS - 1);
    list = Array.from({ length: MAX_TRIGRAMS }, (_, k) => list[Math.round(k * step)]!);
  }
  // Inside an FTS5 string a double quote is written twice; nothing else is special there, so
  // NEAR, AND, --, *, ( and ) in the query are just characters.
  return list.map((g) => `"${g.replace(/"/g, '""')}"`).join(' AND ');
}

/**
 * The longest literal that every match of a (JavaScript-syntax) regular expression must contain,
 * or null when no safe one is found. Conservative: alternation anywhere gives up, groups and
 * classes end a run, and a quantified character is dropped from its run.
 */
export function requiredLiteralOfRegex(source: string): string | null {
  if (source.includes('|')) return null;
  let best = '';
  let run: string[] = [];
  const endRun = () => {
    if (run.length > Array.from(best).length) best = run.join('');
    run = [];
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const next = source[i + 1];
    let literal: string | null = null;
    let width = 1;
    if (c === '\\') {
      if (next !== undefined && /[.*+?()[\]{}|^$\\/-]/.test(next)) {
        literal = next;
        width = 2;
      } else {
        endRun();
        i++; // \d, \w, \b, \n, \u…: not a literal character we can use
        if (next === 'u' || next === 'x' || next === 'p' || next === 'P' || next === 'k') {
          // Skip the escape's payload ({…} or fixed digits) without taking it as literal text.
          if (source[i + 1] === '{') i = source.indexOf('}', i + 1) === -1 ? source.length : source.indexOf('}', i + 1);
          else i += next === 'u' ? 4 : next === 'x' ? 2 : 0;
        }
        continue;
      }
    } else if (c === '(') {
      endRun();
      i = skipBalanced(source, i);
      if (/^[?*{]/.test(source[i + 1] ?? '')) i++; // the group was optional; its quantifier too
      continue;
    } else if (c === '[') {
      endRun();
      i = skipClass(source, i);
      continue;
    } else if ('.^$)]}'.includes(c)) {
      endRun();
      continue;
    } else if (c === '*' || c === '?' || c === '{') {
      run.pop(); // the previous character was optional (or repeated a variable number of times)
      endRun();
      if (c === '{') i = source.indexOf('}', i) === -1 ? source.length : source.indexOf('}', i);
      continue;
    } else if (c === '+') {
      endRun();
      continue;
    } else {
      literal = c;
    }
    // A quantifier after this character makes it optional: look ahead before keeping it.
    const after = source[i + width];
    if (after === '*' || after === '?' || after === '{') {
      endRun();
      i += width - 1;
      continue;
    }
    run.push(literal);
    i += width - 1;
    if (after === '+') endRun();
  }
  endRun();
  return Array.from(best).length >= 3 ? best : null;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function skipBalanced(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = skipClass(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return source.length;
}

function skipClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']' && i > start + 1) return i;
  }
  return source.length;
}
