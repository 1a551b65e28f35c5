// Pure parts of the spec panel: grouping and filtering, document order, requirement anchors in
// markdown source, and new-spec templates (renderer/src/specs, renderer/src/markdown).
import { describe, expect, it } from 'vitest';
import type { SpecSummary } from '../../../shared/specs/model';
import { detectSpecs } from '../../../shared/specs/detect';
import { groupSpecs } from '../../../renderer/src/specs/spec-groups';
import { orderedDocuments } from '../../../renderer/src/specs/document-order';
import { specFromTemplate, specSlug } from '../../../renderer/src/specs/spec-templates';
import { withAnchors } from '../../../renderer/src/markdown/render';

function summary(id: string, format: SpecSummary['format'], title = id.split('/').pop()!): SpecSummary {
  return { id, format, folder: id, title, counts: { total: 0, done: 0, inProgress: 0, optional: 0 }, requirementCount: 0, diagnosticCount: 0 };
}

const LIST = [
  summary('openspec/changes/add-x', 'openspec-change'),
  summary('specs/002-b', 'speckit'),
  summary('.kiro/specs/login', 'kiro'),
  summary('apps/web/.kiro/specs/cart', 'kiro'),
  summary('specs/001-a', 'speckit'),
];

describe('spec groups', () => {
  it('groups by format, then by the folder holding the specs, Kiro first', () => {
    const groups = groupSpecs(LIST, '');
    expect(groups.map((g) => [g.format, g.folder, g.specs.map((s) => s.id)])).toEqual([
      ['kiro', '.kiro/specs', ['.kiro/specs/login']],
      ['kiro', 'apps/web/.kiro/specs', ['apps/web/.kiro/specs/cart']],
      ['speckit', 'specs', ['specs/002-b', 'specs/001-a']],
      ['openspec-change', 'openspec/changes', ['openspec/changes/add-x']],
    ]);
  });

  it('filters on every word, over title, folder and format', () => {
    expect(groupSpecs(LIST, 'spec kit 001').flatMap((g) => g.specs.map((s) => s.id))).toEqual(['specs/001-a']);
    expect(groupSpecs(LIST, 'nothing-like-this')).toEqual([]);
  });
});

describe('document order', () => {
  it('puts what is wanted first, the steps last', () => {
    const docs = ['tasks', 'design', 'requirements'].map((kind) => ({ kind, path: `${kind}.md` }));
    expect(orderedDocuments(docs, 'kiro').map((d) => d.kind)).toEqual(['requirements', 'design', 'tasks']);
    const change = ['tasks', 'specs/x/spec', 'delta', 'proposal', 'design'].map((kind) => ({ kind, path: `${kind}.md` }));
    expect(orderedDocuments(change, 'openspec-change').map((d) => d.kind)).toEqual(['proposal', 'delta', 'design', 'specs/x/spec', 'tasks']);
    const speckit = ['tasks', 'contracts/api', 'plan', 'spec', 'research'].map((kind) => ({ kind, path: `${kind}.md` }));
    expect(orderedDocuments(speckit, 'speckit').map((d) => d.kind)).toEqual(['spec', 'plan', 'research', 'contracts/api', 'tasks']);
  });
});

describe('requirement anchors in markdown source', () => {
  it('puts the badge after the list or heading marker, and never inside fenced code', () => {
    const source = '### Requirement 1\n\n1. WHEN a THEN b\n\n```\n2. not this\n```\n';
    const out = withAnchors(source, [
      { id: '1', line: 1 },
      { id: '1.1', line: 3 },
      { id: 'x', line: 6 },
    ]).split('\n');
    expect(out[0]).toMatch(/^### <span class="req-anchor" id="req-1" data-req="1">/);
    expect(out[2]).toMatch(/^1\. <span class="req-anchor" id="req-1\.1"/);
    expect(out[5]).toBe('2. not this');
  });

  it('escapes IDs (OpenSpec requirement names are free text)', () => {
    const out = withAnchors('### Requirement: A <b> "c"\n', [{ id: 'A <b> "c"', line: 1 }]);
    expect(out).toContain('data-req="A &#60;b&#62; &#34;c&#34;"');
    expect(out.slice(0, out.indexOf('</span>'))).not.toContain('<b>'); // only the heading's own text has it
  });
});

describe('spec templates', () => {
  it('makes a folder-safe name', () => {
    expect(specSlug('  User Login! v2 ')).toBe('user-login-v2');
  });

  it('creates each layout where the detector finds it', () => {
    for (const layout of ['kiro', 'speckit', 'openspec'] as const) {
      const spec = specFromTemplate(layout, 'thing', LIST);
      const found = detectSpecs(spec.files.map((f) => f.path));
      expect(found.map((f) => f.id)).toEqual([spec.id]);
    }
    expect(specFromTemplate('speckit', 'thing', LIST).id).toBe('specs/003-thing');
  });
});
