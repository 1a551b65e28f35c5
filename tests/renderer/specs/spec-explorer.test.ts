// The spec explorer's order and filters: natural sort by folder, status, hide done.
import { describe, expect, it } from 'vitest';
import { hideDoneSpecs, naturalCompare, sortSpecsNaturally, specStatus } from '../../../renderer/src/specs/spec-explorer';

const counts = (total: number, done: number, inProgress = 0) => ({ counts: { total, done, inProgress, optional: 0, unknown: 0 } });

describe('natural order', () => {
  it('puts 2-x before 10-x and keeps Spec Kit’s 001- order', () => {
    const folders = ['.kiro/specs/10-b', '.kiro/specs/2-a', '.kiro/specs/1-z', '.kiro/specs/20-c', '.kiro/specs/11-d'];
    expect(sortSpecsNaturally(folders.map((folder) => ({ folder }))).map((s) => s.folder)).toEqual([
      '.kiro/specs/1-z',
      '.kiro/specs/2-a',
      '.kiro/specs/10-b',
      '.kiro/specs/11-d',
      '.kiro/specs/20-c',
    ]);
    const kit = ['specs/010-x', 'specs/002-b', 'specs/001-a'].map((folder) => ({ folder }));
    expect(sortSpecsNaturally(kit).map((s) => s.folder)).toEqual(['specs/001-a', 'specs/002-b', 'specs/010-x']);
  });

  it('is a total order: equal ignoring case still sorts one way', () => {
    expect(naturalCompare('a', 'A')).not.toBe(0);
    expect(Math.sign(naturalCompare('a', 'A'))).toBe(-Math.sign(naturalCompare('A', 'a')));
  });
});

describe('status and hide done', () => {
  it('tells done, in progress, todo and no tasks apart', () => {
    expect(specStatus(counts(3, 3))).toBe('done');
    expect(specStatus(counts(3, 1))).toBe('in-progress');
    expect(specStatus(counts(3, 0, 1))).toBe('in-progress');
    expect(specStatus(counts(3, 0))).toBe('todo');
    expect(specStatus(counts(0, 0))).toBe('no-tasks');
  });

  it('hides only specs whose tasks are all done', () => {
    const specs = [{ id: 'a', ...counts(2, 2) }, { id: 'b', ...counts(2, 1) }, { id: 'c', ...counts(0, 0) }];
    expect(hideDoneSpecs(specs, true).map((s) => s.id)).toEqual(['b', 'c']);
    expect(hideDoneSpecs(specs, false).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});
