import { describe, expect, it } from 'vitest';
import { detectSpecs } from '../../../shared/specs/detect';

describe('detectSpecs', () => {
  it('finds every layout anywhere in the tree, with its documents', () => {
    const paths = [
      '.kiro/specs/a/requirements.md', '.kiro/specs/a/tasks.md', '.kiro/specs/a/.config.kiro', '.kiro/specs/a/notes.txt',
      '.kiro/specs/done-april/3-b/tasks.md',
      '.kiro/specs/c/bugfix.md', '.kiro/specs/c/tasks.md',
      'sub/.kiro/specs/d/spec.json', 'sub/.kiro/specs/d/requirements.md',
      '.kiro/steering/x.md', '.kiro/settings/templates/specs/tasks.md',
      'specs/001-x/spec.md', 'specs/001-x/tasks.md', 'specs/001-x/contracts/api.yaml', 'specs/001-x/checklists/requirements.md',
      'openspec/specs/auth/spec.md', 'openspec/specs/auth/session/spec.md',
      'openspec/changes/add-y/proposal.md', 'openspec/changes/add-y/tasks.md', 'openspec/changes/add-y/specs/auth/spec.md',
      'openspec/changes/archive/2025-01-01-z/tasks.md', 'openspec/archive/old/proposal.md', 'openspec/project.md',
    ];
    const found = detectSpecs(paths);
    expect(found.map((s) => [s.id, s.format, s.archived ?? false])).toEqual([
      ['.kiro/specs/a', 'kiro', false],
      ['.kiro/specs/c', 'kiro-bugfix', false],
      ['.kiro/specs/done-april/3-b', 'kiro', false],
      ['openspec/archive/old', 'openspec-change', true],
      ['openspec/changes/add-y', 'openspec-change', false],
      ['openspec/changes/archive/2025-01-01-z', 'openspec-change', true],
      ['openspec/specs/auth', 'openspec-capability', false],
      ['openspec/specs/auth/session', 'openspec-capability', false],
      ['specs/001-x', 'speckit', false],
      ['sub/.kiro/specs/d', 'cc-sdd', false],
    ]);
    const kinds = (id: string) => found.find((s) => s.id === id)!.files.map((f) => f.kind);
    expect(kinds('.kiro/specs/a')).toEqual(['config', 'requirements', 'tasks']);
    expect(kinds('specs/001-x')).toEqual(['checklists/requirements', 'contracts/api', 'spec', 'tasks']);
    expect(kinds('openspec/changes/add-y')).toEqual(['proposal', 'delta', 'tasks']);
    expect(kinds('openspec/specs/auth')).toEqual(['spec']);
  });
});
