import { describe, expect, it } from 'vitest';
import { plural } from '../../../shared/text/plural';

describe('plural', () => {
  it('says "1 requirement" and "2 requirements", "0 problems", and takes irregular plurals', () => {
    expect(plural(1, 'requirement')).toBe('1 requirement');
    expect(plural(2, 'requirement')).toBe('2 requirements');
    expect(plural(0, 'problem')).toBe('0 problems');
    expect(plural(1, 'criterion', 'criteria')).toBe('1 criterion');
    expect(plural(3, 'criterion', 'criteria')).toBe('3 criteria');
    expect(plural(12_000, 'file')).toBe('12,000 files');
  });
});
