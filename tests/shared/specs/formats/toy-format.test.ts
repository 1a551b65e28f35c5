// A format added through the registry alone (tests/support/toy-format/: one descriptor and a
// fixture) is detected, parsed, summarised and named like the built-in ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../../support/toy-format/toy-format';
import { formatLabel, isSpecDocument, specFormats } from '../../../../shared/specs/formats/registry';
import { detectSpecs, parseSpec, summarizeSpec } from '../../../../shared/specs/index';
import { parseSettings, statesFor } from '../../../../shared/specs/settings';

const fixture = path.join(import.meta.dirname, '../../../support/toy-format/fixture');
const files = ['.toyspec/greeter/wishes.md', '.toyspec/greeter/tasks.md', '.toyspec/README.txt', 'src/app.ts'];
const read = (p: string) => {
  try {
    return readFileSync(path.join(fixture, p), 'utf8');
  } catch {
    return null;
  }
};

describe('a toy format added through the registry', () => {
  it('is registered after the built-in formats', () => {
    expect(specFormats().map((f) => f.id)).toEqual(['kiro', 'cc-sdd', 'openspec', 'speckit', 'toy']);
    expect(formatLabel('toy')).toBe('Toy wishes');
  });

  it('is detected from paths, with its documents', () => {
    expect(detectSpecs(files)).toEqual([
      { id: '.toyspec/greeter', format: 'toy', folder: '.toyspec/greeter', files: [{ kind: 'tasks', path: '.toyspec/greeter/tasks.md' }, { kind: 'wishes', path: '.toyspec/greeter/wishes.md' }] },
    ]);
    expect(isSpecDocument('.toyspec/greeter/wishes.md')).toBe(true);
    expect(isSpecDocument('src/app.ts')).toBe(false);
  });

  it('is parsed by its own requirement parser and the shared task parser and checks', () => {
    const spec = parseSpec(detectSpecs(files)[0]!, read);
    expect(spec.title).toBe('Wishes of greeter');
    expect(spec.requirements.map((r) => `${r.id} ${r.title}`)).toEqual(['WISH-1 Greet the user by name', 'WISH-2 Say goodbye politely']);
    expect(spec.tasks.map((t) => `${t.id} ${t.state} ${t.refs.join(',')}`)).toEqual(['1 done WISH-1', '2 todo WISH-2,WISH-9']);
    // The shared checks run on it: the reference to a wish that does not exist is reported.
    expect(spec.diagnostics.map((d) => d.code)).toContain('dangling-reference');
    expect(summarizeSpec(spec)).toMatchObject({ format: 'toy', counts: { total: 2, done: 1 }, requirementCount: 2, coverage: { covered: 2, total: 2 } });
  });

  it('takes state overrides in .specdeck/settings.json under its own key', () => {
    const { settings, diagnostics } = parseSettings(JSON.stringify({ taskStates: { '~': 'skipped', toy: { '~': 'in-progress', '!': 'done' } } }));
    expect(diagnostics).toEqual([]);
    expect(statesFor(settings, 'toy')).toEqual({ '~': 'in-progress', '!': 'done' });
    expect(statesFor(settings, 'kiro')).toEqual({ '~': 'skipped' });
  });
});
