// Finding an ASCII needle in stored UTF-8 bytes without copying them into a string: the bytes of
// a candidate chunk are scanned natively (Buffer.indexOf, memchr-speed) for the needle's rarest
// byte and each place is compared in full. Case-insensitive, that byte is looked for in both
// cases and the comparison folds ASCII letters only, exactly what the `i` flag does to Latin-1
// text for an ASCII needle (no other byte folds to an ASCII letter). Converting each chunk to a
// Latin-1 string for a regex was most of a case-insensitive search's time.

/** ASCII letters lower-cased; every other byte is itself. */
const FOLD = Uint8Array.from({ length: 256 }, (_, b) => (b >= 65 && b <= 90 ? b + 32 : b));
/** ripgrep's \w on an ASCII text. */
const WORD_BYTE = Uint8Array.from({ length: 256 }, (_, b) => (/[A-Za-z0-9_]/.test(String.fromCharCode(b)) ? 1 : 0));
/** Bytes most frequent in code, most frequent first (folded); anything else counts as rare. Only speed depends on it. */
const COMMON = ' etaorinslcdpumhfg.(),;=_"\'bywv:/-x0k1\t2>{}<';

export interface FinderOptions {
  caseSensitive: boolean;
  wholeWord: boolean;
}

/** Successive match starts in one text: `next(from)` is the first at or after `from` (from never decreases). */
export interface ByteScan {
  next(from: number): number;
}

export type ByteFinder = (bytes: Buffer) => ByteScan;

/** `needle` is non-empty ASCII. Whole words are judged on ASCII word bytes: the caller gives only ASCII texts then. */
export function compileByteFinder(needle: Buffer, options: FinderOptions): ByteFinder {
  const pattern = options.caseSensitive ? needle : Buffer.from(needle.map((b) => FOLD[b]!));
  const n = pattern.length;
  // The anchor: the needle's rarest two bytes (one when it has one), in each of their cases.
  const k = n === 1 ? 0 : rarestPair(pattern);
  const anchor = pattern.subarray(k, Math.min(n, k + 2));
  const forms = options.caseSensitive ? [Buffer.from(anchor)] : caseForms(anchor);
  const exact = options.caseSensitive;
  const word = options.wholeWord;
  return (bytes) => {
    // The next place of each form, kept across calls (-1: none left; -2: not looked for yet).
    const at = forms.map(() => -2);
    const last = bytes.length - n;
    return {
      next(from: number): number {
        const min = from + k;
        for (;;) {
          let best = -1;
          let which = -1;
          for (let f = 0; f < forms.length; f++) {
            let p = at[f]!;
            if (p !== -1 && p < min) at[f] = p = bytes.indexOf(forms[f]!, min);
            if (p !== -1 && (best === -1 || p < best)) {
              best = p;
              which = f;
            }
          }
          if (best === -1) return -1;
          const start = best - k;
          if (start > last) return -1;
          if ((exact ? equalAt(bytes, start, pattern) : foldedEqualAt(bytes, start, pattern)) && (!word || isWordBoundedAt(bytes, start, n))) return start;
          at[which] = bytes.indexOf(forms[which]!, best + 1); // not here: that form's next place
        }
      },
    };
  };
}

/** Every spelling of a folded ASCII anchor with its letters in either case. */
function caseForms(anchor: Buffer): Buffer[] {
  let forms: number[][] = [[]];
  for (const b of anchor) {
    const upper = b >= 97 && b <= 122 ? b - 32 : b;
    forms = forms.flatMap((f) => (upper === b ? [[...f, b]] : [[...f, b], [...f, upper]]));
  }
  return forms.map((f) => Buffer.from(f));
}

function equalAt(bytes: Buffer, start: number, pattern: Buffer): boolean {
  for (let i = 0; i < pattern.length; i++) if (bytes[start + i] !== pattern[i]) return false;
  return true;
}

function foldedEqualAt(bytes: Buffer, start: number, pattern: Buffer): boolean {
  for (let i = 0; i < pattern.length; i++) if (FOLD[bytes[start + i]!] !== pattern[i]) return false;
  return true;
}

function isWordBoundedAt(bytes: Buffer, start: number, n: number): boolean {
  return (start === 0 || WORD_BYTE[bytes[start - 1]!] === 0) && (start + n >= bytes.length || WORD_BYTE[bytes[start + n]!] === 0);
}

/**
 * Where the needle's two adjacent bytes least likely in code start (the first of equals). The
 * first byte weighs most: Buffer.indexOf of a short needle stops at each place of its first byte.
 */
function rarestPair(pattern: Buffer): number {
  const rank = (b: number) => {
    const c = COMMON.indexOf(String.fromCharCode(FOLD[b]!));
    return c === -1 ? COMMON.length : c;
  };
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i + 1 < pattern.length; i++) {
    const score = rank(pattern[i]!) * rank(pattern[i]!) * rank(pattern[i + 1]!);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
