// Monaco's markdown highlighter (its Monarch grammar, monaco-editor/languages/definitions/markdown)
// with its inline HTML corrected. Its rule `<(\w+)` opened a tag at `<` followed by any word
// character, digits included, and the tag state lasted until a `>`: one line such as
// `- **Mermaid rendered client-side** (<1 s per diagram)` turned every later word of the file
// into an attribute name (red, #FF0000, in the light theme). As CommonMark reads raw HTML, a tag name
// starts with an ASCII letter, and a blank line ends the paragraph, so an open tag ends there too.
import type { languages } from 'monaco-editor';

const TAG_NAME = '[a-zA-Z][\\w-]*';

/** `base` (Monaco's markdown grammar) with its `html` rules replaced and its `tag` state ended by a blank line. */
export function markdownLanguage(base: languages.IMonarchLanguage): languages.IMonarchLanguage {
  const { html, tag } = base.tokenizer;
  if (!html || !tag) throw new Error('Monaco’s markdown grammar has no html or tag state: check markdown-language.ts against it');
  return {
    ...base,
    tokenizer: {
      ...base.tokenizer,
      html: [
        [new RegExp(`<(${TAG_NAME})\\/>`), 'tag'],
        [new RegExp(`<(${TAG_NAME})`), { token: 'tag', next: '@tag.$1' }],
        [new RegExp(`<\\/(${TAG_NAME})\\s*>`), 'tag'],
        [/<!--/, 'comment', '@comment'],
      ],
      tag: [[/^\s*$/, { token: '', next: '@pop' }], ...tag],
    },
  };
}
