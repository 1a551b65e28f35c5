// Monaco's Monarch compiler and lexer, imported by markdown-language.test.ts from the package's
// ESM files (they need no DOM); the package ships no types for them (the markdown grammar's are in
// renderer/src/editor/monaco/monaco-markdown.d.ts).
declare module 'monaco-editor/editor/standalone/common/monarch/monarchCompile' {
  export function compile(languageId: string, json: unknown): unknown;
}
declare module 'monaco-editor/editor/standalone/common/monarch/monarchLexer' {
  export interface MonarchState {
    stack: { state: string };
  }
  export class MonarchTokenizer {
    constructor(languageService: unknown, themeService: unknown, languageId: string, lexer: unknown, configurationService: unknown);
    getInitialState(): MonarchState;
    tokenize(line: string, hasEOL: boolean, state: MonarchState): { tokens: { offset: number; type: string }[]; endState: MonarchState };
  }
}
