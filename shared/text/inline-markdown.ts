// Inline markdown as written in a title or a criterion (code spans, emphasis, links), split into
// pieces. Pure, no HTML: each surface renders the pieces itself (React text in the renderer, escaped
// HTML in the evidence report), so nothing in a title can inject markup.
export type TitlePiece =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'link'; text: string; href: string };

// One inline token: a code span, a link, **strong**/__strong__, *em*/_em_ (underscores only at word
// edges). Every open-ended run is bounded (a token spans at most ~1,000 characters), so a hostile
// title of repeated `[a` or ` _a` costs linear time, not quadratic.
const INLINE = /(?<!`)(`+)([^`]|[^`][\s\S]{0,1000}?[^`])\1(?!`)|\[([^\]]{1,500})\]\(([^)\s]{0,1000})(?:\s+"[^"]{0,500}")?\)|\*\*(?=\S)([\s\S]{0,1000}?\S)\*\*|__(?=\S)([\s\S]{0,1000}?\S)__|\*(?=[^\s*])([\s\S]{0,1000}?[^\s*])\*|(?<![A-Za-z0-9])_(?=[^\s_])([\s\S]{0,1000}?[^\s_])_(?![A-Za-z0-9])/g;

export function parseInline(text: string): TitlePiece[] {
  const pieces: TitlePiece[] = [];
  let last = 0;
  const push = (p: TitlePiece) => {
    const prev = pieces[pieces.length - 1];
    if (p.kind === 'text' && prev?.kind === 'text') prev.text += p.text;
    else if (p.text !== '') pieces.push(p);
  };
  for (const m of text.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) push({ kind: 'text', text: text.slice(last, at) });
    if (m[1] !== undefined) {
      // CommonMark: one leading and trailing space are stripped when both are there.
      const body = m[2]!;
      push({ kind: 'code', text: body.length > 2 && body.startsWith(' ') && body.endsWith(' ') ? body.slice(1, -1) : body });
    } else if (m[3] !== undefined) push({ kind: 'link', text: m[3], href: m[4] ?? '' });
    else if (m[5] !== undefined || m[6] !== undefined) push({ kind: 'strong', text: m[5] ?? m[6]! });
    else push({ kind: 'em', text: m[7] ?? m[8]! });
    last = at + m[0].length;
  }
  if (last < text.length) push({ kind: 'text', text: text.slice(last) });
  return pieces;
}
