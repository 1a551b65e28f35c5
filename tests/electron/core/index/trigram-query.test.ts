// The FTS5 filter built from a query: safe quoting, trigram choice, and the literal a regex needs.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { requiredLiteralOfRegex, trigramMatch } from '../../../../electron/core/index/trigram-query';

describe('trigram filter', () => {
  it('has no trigram for fewer than three characters', () => {
    expect(trigramMatch('ab', false)).toBeNull();
    expect(trigramMatch('', false)).toBeNull();
    expect(trigramMatch('🎉🎉', false)).toBeNull(); // two code points
  });

  it('quotes every trigram so FTS5 syntax in the query is just text', () => {
    expect(trigramMatch('a"b', false)).toBe('"a""b"');
    expect(trigramMatch('NEAR(', false)).toBe('"nea" AND "ear" AND "ar("');
  });

  it('leaves non-ASCII trigrams out of case-insensitive filters', () => {
    expect(trigramMatch('éco', true)).toBeNull();
    expect(trigramMatch('école', true)).toBe('"col" AND "ole"');
    expect(trigramMatch('école', false)).toBe('"éco" AND "col" AND "ole"');
  });

  it('caps the number of trigrams', () => {
    const expr = trigramMatch('abcdefghijklmnopqrstuvwxyz0123456789', false)!;
    expect(expr.split(' AND ')).toHaveLength(16);
  });

  it('is accepted by a real FTS5 trigram table for hostile input', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5 (text, tokenize = 'trigram', detail = 'none')");
    db.prepare('INSERT INTO t (text) VALUES (?)').run('say "hello" (NEAR) -- AND * 日本語');
    for (const q of ['"hello"', '(NEAR)', '-- AND', 'D *', '日本語', '" OR "', 'AND OR NOT']) {
      const expr = trigramMatch(q, false)!;
      const rows = db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck().get(expr);
      expect({ q, rows }).toEqual({ q, rows: q === '" OR "' || q === 'AND OR NOT' ? 0 : 1 });
    }
  });

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
