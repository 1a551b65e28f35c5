// What a search result row shows of its line: pure, so it is unit-tested without a browser.

/**
 * Characters kept before the match: the result row shows ~35 characters at the sidebar's usual
 * width, so a match further right would be clipped away; VS Code trims the same way.
 */
const CONTEXT_BEFORE = 12;
/** What the row shows in all at a 300 px sidebar: a long match gives up context so it is not cut itself. */
const ROW_CHARS = 30;
const MIN_CONTEXT_BEFORE = 4;

/** The text shown for a hit: the line from a little before the match, with `…` where it was cut. */
export function previewAroundMatch(preview: string, previewColumn: number, length: number): { before: string; match: string; after: string } {
  const at = Math.min(preview.length, Math.max(0, previewColumn - 1));
  const end = Math.min(preview.length, at + length);
  // Leading indentation says nothing in a result list; VS Code drops it too.
  const lead = preview.length - preview.trimStart().length;
  let before = preview.slice(Math.min(lead, at), at);
  const keep = Math.max(MIN_CONTEXT_BEFORE, Math.min(CONTEXT_BEFORE, ROW_CHARS - (end - at)));
  if (before.length > keep) before = `…${before.slice(before.length - keep + 1).replace(/^…/, '')}`;
  return { before, match: preview.slice(at, end), after: preview.slice(end) };
}
