import { describe, expect, it } from 'vitest';
import { hasEveryWord, queryWords } from '../../renderer/src/query-words';

describe('filter words', () => {
  it('splits a query into lower-cased words and matches text holding every one, in any case', () => {
    const words = queryWords('  Spec  KIT 001 ');
    expect(words).toEqual(['spec', 'kit', '001']);
    expect(hasEveryWord('specs/001-a Spec Kit', words)).toBe(true);
    expect(hasEveryWord('specs/002-b Spec Kit', words)).toBe(false);
  });

  it('matches everything when the query has no words', () => {
    expect(queryWords(' \t ')).toEqual([]);
    expect(hasEveryWord('anything', [])).toBe(true);
  });
});
