// The one read-only hook end-to-end tests use: the active Monaco model's text. Typing into the
// DOM is changed by auto-closing brackets, so tests compare the disk with the model instead.
declare global {
  interface Window {
    __specdeckEditorValue?: () => string;
  }
}

export function exposeEditorForTests(read: () => string): void {
  window.__specdeckEditorValue = read;
}
