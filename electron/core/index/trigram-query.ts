// The literal every match of a regular expression must contain, from which the posting store's
// trigram filter is built (trigrams.ts queryTrigrams). The filter only narrows the candidates;
// every candidate is verified against its text, so it may be loose but must never be too strict.

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
