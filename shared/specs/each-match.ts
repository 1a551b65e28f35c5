// `for (const m of text.matchAll(re))` without its cost: matchAll clones the regex and builds an
// iterator on every call, several times the price of the match itself on a short line. `re` must
// be global and unable to match the empty string (every caller's pattern consumes characters).
export function eachMatch(re: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) visit(m);
  re.lastIndex = 0;
}
