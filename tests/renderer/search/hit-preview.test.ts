import { describe, expect, it } from 'vitest';
import { previewAroundMatch } from '../../../renderer/src/search/hit-preview';

describe('previewAroundMatch', () => {
  it('keeps a short line whole, without its indentation', () => {
    expect(previewAroundMatch('    const x = needle;', 15, 6)).toEqual({ before: 'const x = ', match: 'needle', after: ';' });
  });

  it('trims a far-right match to a few characters before it, with an ellipsis', () => {
    const line = `${'a'.repeat(200)} needle tail`;
    const shown = previewAroundMatch(line, 202, 6);
    expect(shown.match).toBe('needle');
    expect(shown.before).toBe(`…${'a'.repeat(10)} `);
    expect(shown.before.length).toBe(12);
    expect(shown.after).toBe(' tail');
  });

  it('does not double the ellipsis the index already put at the start', () => {
    const line = `…${'b'.repeat(11)}needle`;
    expect(previewAroundMatch(line, 13, 6).before).toBe(`…${'b'.repeat(11)}`);
    const longer = `…${'b'.repeat(60)}needle`;
    expect(previewAroundMatch(longer, 62, 6).before).toBe(`…${'b'.repeat(11)}`);
  });

  it('clamps a column past the end rather than throwing', () => {
    expect(previewAroundMatch('abc', 10, 3)).toEqual({ before: 'abc', match: '', after: '' });
  });
});
