import { describe, expect, it } from 'vitest';
import { kiroFormat } from '../../../../shared/specs/formats/kiro';
import {
  formatLabel,
  formatOf,
  formatOrder,
  inSpecLayout,
  isSpecDocument,
  marksInProgress,
  registerFormat,
  specFormats,
  specTemplate,
  specTemplates,
} from '../../../../shared/specs/formats/registry';

describe('the format registry', () => {
  it('holds the built-in formats, each kind owned by one descriptor', () => {
    expect(specFormats().map((f) => f.id)).toEqual(['kiro', 'cc-sdd', 'openspec', 'speckit']);
    expect(formatOf('kiro-bugfix')?.id).toBe('kiro');
    expect(formatOf('cc-sdd')?.id).toBe('cc-sdd');
    expect(formatOf('openspec-capability')?.id).toBe('openspec');
    expect(formatOf('no-such-kind')).toBeNull();
  });

  it('names and orders the kinds as the spec list shows them', () => {
    const kinds = ['openspec-capability', 'speckit', 'cc-sdd', 'openspec-change', 'kiro-bugfix', 'kiro'];
    expect([...kinds].sort((a, b) => formatOrder(a) - formatOrder(b)).map(formatLabel)).toEqual([
      'Kiro', 'Kiro bugfix', 'cc-sdd', 'Spec Kit', 'OpenSpec changes', 'OpenSpec specs',
    ]);
    expect(formatLabel('unknown-kind')).toBe('unknown-kind');
    expect(formatOrder('unknown-kind')).toBeGreaterThan(formatOrder('openspec-capability'));
  });

  it('says which kinds mark a started task in progress', () => {
    expect(['kiro', 'kiro-bugfix', 'cc-sdd'].every(marksInProgress)).toBe(true);
    expect(['speckit', 'openspec-change', 'openspec-capability', 'unknown'].some(marksInProgress)).toBe(false);
  });

  it('has one "is a spec document" rule: a document file inside a layout folder', () => {
    expect(isSpecDocument('.kiro/specs/a/tasks.md')).toBe(true);
    expect(isSpecDocument('pkg/.kiro/specs/a/.config.kiro')).toBe(true);
    expect(isSpecDocument('.kiro/specs/a/spec.json')).toBe(true);
    expect(isSpecDocument('specs/001-x/contracts/api.yaml')).toBe(true);
    expect(isSpecDocument('openspec/changes/c/proposal.md')).toBe(true);
    expect(isSpecDocument('README.md')).toBe(false);
    expect(isSpecDocument('src/specs.ts')).toBe(false);
    expect(isSpecDocument('specs/001-x/impl.ts')).toBe(false);
    expect(inSpecLayout('.kiro/specs/new')).toBe(true);
    expect(inSpecLayout('src/app.ts')).toBe(false);
  });

  it('lists the templates the UI and `specdeck new` offer', () => {
    expect(specTemplates().map((t) => t.layout)).toEqual(['kiro', 'speckit', 'openspec']);
    expect(specTemplate('kiro')?.create('my-feature', []).id).toBe('.kiro/specs/my-feature');
    expect(specTemplate('nope')).toBeNull();
  });

  it('refuses a second format with an ID or a kind already taken', () => {
    expect(() => registerFormat(kiroFormat)).toThrow(/already registered/);
    expect(() => registerFormat({ ...kiroFormat, id: 'kiro-again' })).toThrow(/kind kiro is already registered/);
    expect(specFormats()).toHaveLength(4);
  });
});
