// The literal a regular expression needs (its trigrams: postings.test.ts).
import { describe, expect, it } from 'vitest';
import { requiredLiteralOfRegex } from '../../../../electron/core/index/trigram-query';

describe('trigram filter', () => {
  it('finds the literal a regular expression requires, conservatively', () => {
    expect(requiredLiteralOfRegex('fooBar\\(')).toBe('fooBar(');
    expect(requiredLiteralOfRegex('foo(Bar|Baz)')).toBeNull(); // alternation: give up
    expect(requiredLiteralOfRegex('abc\\d+defgh')).toBe('defgh');
    expect(requiredLiteralOfRegex('colou?r')).toBe('colo');
    expect(requiredLiteralOfRegex('x(abcdef)?y')).toBeNull();
    expect(requiredLiteralOfRegex('[abc]+hello')).toBe('hello');
    expect(requiredLiteralOfRegex('a{2,}bcd')).toBe('bcd');
    expect(requiredLiteralOfRegex('^func\\s+main')).toBe('func');
    expect(requiredLiteralOfRegex('\\u0041bcd')).toBe('bcd');
    expect(requiredLiteralOfRegex('ab')).toBeNull();
  });
});
