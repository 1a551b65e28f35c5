// Finding 5 of issue 12: JSON from a repository is read with size and depth limits.
import { describe, expect, it } from 'vitest';
import { depthExceededAt, exceedsDepth, parseJsonLimited } from '../../../shared/json/read-limited';
import { onlySpec } from '../specs/helpers';

const nested = (levels: number, open = '[', close = ']') => `${open.repeat(levels)}${close.repeat(levels)}`;

describe('parseJsonLimited', () => {
  it('parses ordinary JSON', () => {
    expect(parseJsonLimited('{"a":[1,{"b":"c"}]}')).toEqual({ ok: true, value: { a: [1, { b: 'c' }] } });
  });

  it('refuses text nested past the limit before parsing it', () => {
    expect(parseJsonLimited(nested(20_000))).toMatchObject({ ok: false, reason: 'too-deep' });
    expect(parseJsonLimited(nested(64), { maxLength: 1e6, maxDepth: 64 })).toMatchObject({ ok: true });
    expect(parseJsonLimited(nested(65), { maxLength: 1e6, maxDepth: 64 })).toMatchObject({ ok: false, reason: 'too-deep' });
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(depthExceededAt(`["${'['.repeat(500)}\\"${'{'.repeat(500)}"]`, 1)).toBe(-1);
    expect(depthExceededAt('[[1]]', 1)).toBe(1);
    expect(parseJsonLimited(`{"s":"${'['.repeat(5000)}"}`)).toMatchObject({ ok: true });
  });

  it('refuses text over the size limit', () => {
    expect(parseJsonLimited(`"${'x'.repeat(100)}"`, { maxLength: 50, maxDepth: 10 })).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('reports invalid JSON with the parser error', () => {
    const result = parseJsonLimited('{"a": }');
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('exceedsDepth walks without recursion and treats a cycle as too deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(exceedsDepth(deep, 1000)).toBe(true);
    expect(exceedsDepth({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(exceedsDepth({ a: [{ b: 1 }] }, 2)).toBe(true);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(exceedsDepth(cycle, 50)).toBe(true);
  });
});

describe('spec metadata files use the limits', () => {
  it('a cc-sdd spec.json nested 20,000 levels is a diagnostic, and the spec still parses', () => {
    const K = '.kiro/specs/deep';
    const spec = onlySpec({ [`${K}/spec.json`]: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`, [`${K}/tasks.md`]: '- [ ] 1. a' });
    expect(spec.config?.values).toBeNull();
    expect(spec.diagnostics.map((d) => d.code)).toContain('config-too-deep');
    expect(spec.tasks).toHaveLength(1);
    expect(() => JSON.stringify(spec)).not.toThrow();
  });
});
