// The markdown highlighter's grammar (renderer/src/editor/monaco/markdown-language.ts), run through
// Monaco's own Monarch compiler and lexer (no editor, no DOM: the services it asks for are the
// standalone editor's, given here as the few answers the markdown grammar needs).
import { describe, expect, it } from 'vitest';
import { compile } from 'monaco-editor/editor/standalone/common/monarch/monarchCompile';
import { MonarchTokenizer } from 'monaco-editor/editor/standalone/common/monarch/monarchLexer';
import { language as monacoMarkdown } from 'monaco-editor/languages/definitions/markdown/markdown';
import type { languages } from 'monaco-editor';
import { markdownLanguage } from '../../../renderer/src/editor/monaco/markdown-language';

const languageService = {
  languageIdCodec: { encodeLanguageId: () => 1 },
  isRegisteredLanguageId: () => false, // fenced code stays plain text here
  getLanguageIdByLanguageName: () => null,
  getLanguageIdByMimeType: () => null,
  requestBasicLanguageFeatures: () => {},
};
const configuration = { getValue: () => 20_000, onDidChangeConfiguration: () => ({ dispose: () => {} }) };

/** Each line's tokens as `text:type` (types without the `.md` postfix); plain text and blanks dropped. */
function tokenize(grammar: languages.IMonarchLanguage, text: string): string[][] {
  const tokenizer = new MonarchTokenizer(languageService, null, 'markdown', compile('markdown', grammar), configuration);
  let state = tokenizer.getInitialState();
  return text.split('\n').map((line) => {
    const { tokens, endState } = tokenizer.tokenize(line, true, state);
    state = endState;
    return tokens
      .map((t, i) => ({ text: line.slice(t.offset, tokens[i + 1]?.offset ?? line.length), type: t.type.replace(/\.md$/, '') }))
      .filter((t) => t.type !== '' && t.type !== 'white' && t.text.trim() !== '')
      .map((t) => `${t.text}:${t.type}`);
  });
}

const DOC = ['- **Mermaid rendered client-side** (<1 s per diagram)', '- **Tasks** ticked in place', '', '## Components', '', 'The store reads the list.'].join('\n');

describe('markdown highlighting', () => {
  it('Monaco’s own grammar reads `<1` as an HTML tag that never ends (the rest of the file becomes attribute names)', () => {
    const lines = tokenize(monacoMarkdown, DOC);
    expect(lines[1]).toContain('Tasks:attribute.name.html');
    expect(lines[3]).toEqual(['Components:attribute.name.html']);
    expect(lines[5]).toContain('store:attribute.name.html');
  });

  it('a `<` before a digit is text, and the lines after it are read as markdown', () => {
    const lines = tokenize(markdownLanguage(monacoMarkdown), DOC);
    expect(lines[0]).toEqual(['- :keyword', '**Mermaid rendered client-side**:strong']);
    expect(lines[1]).toEqual(['- :keyword', '**Tasks**:strong']);
    expect(lines[3]).toEqual(['## Components:keyword']);
    expect(lines[5]).toEqual([]);
  });

  it('still reads HTML tags, attributes, closing tags, comments and a tag spanning two lines', () => {
    const lines = tokenize(markdownLanguage(monacoMarkdown), ['<div class="note">text</div> <br/> <!-- c -->', '<a', 'href="x">link</a>', '# After'].join('\n'));
    expect(lines[0]).toEqual(['<div:tag', 'class:attribute.name.html', '=:delimiter.html', '"note":string.html', '>:tag', '</div>:tag', '<br/>:tag', '<!--:comment', ' c :comment.content', '-->:comment']);
    expect(lines[2]).toEqual(['href:attribute.name.html', '=:delimiter.html', '"x":string.html', '>:tag', '</a>:tag']);
    expect(lines[3]).toEqual(['# After:keyword']);
  });

  it('an open tag left unclosed ends at the blank line that ends its paragraph', () => {
    const lines = tokenize(markdownLanguage(monacoMarkdown), ['a <b and c', 'still the tag', '', '## Next', 'plain'].join('\n'));
    expect(lines[1]).toContain('still:attribute.name.html');
    expect(lines[3]).toEqual(['## Next:keyword']);
    expect(lines[4]).toEqual([]);
  });
});
