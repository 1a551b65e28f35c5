// Monaco's markdown definition (its Monarch grammar), imported by setup.ts to correct it
// (markdown-language.ts); the package ships no types for it.
declare module 'monaco-editor/languages/definitions/markdown/markdown' {
  import type { languages } from 'monaco-editor';
  export const conf: languages.LanguageConfiguration;
  export const language: languages.IMonarchLanguage;
}
