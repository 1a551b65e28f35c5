// Read-only hooks end-to-end tests use: the active Monaco model's text, language and selected text. Typing into
// the DOM is changed by auto-closing brackets, so tests compare the disk with the model instead.
declare global {
  interface Window {
    __specdeckEditorValue?: () => string;
    __specdeckEditorLanguage?: () => string;
    /** The active model's markers (Monaco's own and ours): owner, severity, line, message. */
    __specdeckCursor?: () => { line: number; column: number } | null;
    __specdeckMarkers?: () => { owner: string; severity: number; line: number; column: number; message: string }[];
    __specdeckEditorSelection?: () => string;
  }
}

export function exposeEditorForTests(read: () => string, language: () => string, selection: () => string): void {
  window.__specdeckEditorValue = read;
  window.__specdeckEditorLanguage = language;
  window.__specdeckEditorSelection = selection;
}

export function exposeMarkersForTests(read: NonNullable<Window['__specdeckMarkers']>): void {
  window.__specdeckMarkers = read;
}

export function exposeCursorForTests(read: NonNullable<Window['__specdeckCursor']>): void {
  window.__specdeckCursor = read;
}
