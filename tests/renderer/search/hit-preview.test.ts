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

  it('keeps fewer characters before a long match, so the match itself fits the row', () => {
    const line = `${'a'.repeat(200)} armouredFarRightNeedle = true;`;
    const shown = previewAroundMatch(line, 202, 22);
    expect(shown.match).toBe('armouredFarRightNeedle');
    expect(shown.before).toBe(`…${'a'.repeat(6)} `);
    expect(shown.before.length + shown.match.length).toBeLessThanOrEqual(30);
    // A match longer than the row still keeps a few characters of context.
    expect(previewAroundMatch(line, 202, 40).before.length).toBe(4);
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
