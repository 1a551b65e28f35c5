// Monaco, bundled: the editor is imported from the monaco-editor package (no CDN loader is in the
// bundle at all), and each language worker is a Vite-built same-origin worker.
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import CssWorker from 'monaco-editor/language/css/css.worker?worker';
import HtmlWorker from 'monaco-editor/language/html/html.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { language as monacoMarkdown } from 'monaco-editor/languages/definitions/markdown/markdown';
import { markdownLanguage } from './markdown-language';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    if (label === 'css' || label === 'scss' || label === 'less') return new CssWorker();
    if (label === 'html' || label === 'handlebars' || label === 'razor') return new HtmlWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

// No project model (tsconfig, node_modules) reaches the TS worker, so its semantic errors are
// false ("Cannot find module 'express'"): report syntax errors only (the status bar says so).
export const SYNTAX_ONLY = { noSemanticValidation: true, noSyntaxValidation: false, noSuggestionDiagnostics: true };
monaco.typescript.typescriptDefaults.setDiagnosticsOptions(SYNTAX_ONLY);
monaco.typescript.javascriptDefaults.setDiagnosticsOptions(SYNTAX_ONLY);

// Monaco's markdown grammar read `<1` as an HTML tag lasting to the end of the file (markdown-language.ts).
// Registered before any model exists, it is used instead of the lazily loaded original.
monaco.languages.setMonarchTokensProvider('markdown', markdownLanguage(monacoMarkdown));

export { monaco };
