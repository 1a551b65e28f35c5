// Read-only hooks end-to-end tests use: the active Monaco model's text, language and selected text. Typing into
// the DOM is changed by auto-closing brackets, so tests compare the disk with the model instead.
declare global {
  interface Window {
    __specdeckEditorValue?: () => string;
    __specdeckEditorLanguage?: () => string;
    __specdeckEditorSelection?: () => string;
  }
}

export function exposeEditorForTests(read: () => string, language: () => string, selection: () => string): void {
  window.__specdeckEditorValue = read;
  window.__specdeckEditorLanguage = language;
  window.__specdeckEditorSelection = selection;
}
