// OpenSpec 1.13 extras: a change's `.openspec.yaml`, `openspec/config.yaml` store and references,
// and changes that modify the same requirement.
import { describe, expect, it } from 'vitest';
import { checkChangeConflicts } from '../../../shared/specs/diagnostics/change-conflicts';
import { keyValue, parseChangeMeta, parseOpenSpecConfig, readYamlSubset } from '../../../shared/specs/parsers/openspec-yaml';
import { codes, onlySpec, specsFrom } from './helpers';

const BASE = '# cap\n\n## Purpose\nP\n\n## Requirements\n\n### Requirement: Login\nThe system SHALL log in.\n\n#### Scenario: ok\n- **WHEN** a\n- **THEN** b\n';
const modifies = (name: string) => `## MODIFIED Requirements\n\n### Requirement: ${name}\nThe system SHALL log in faster.\n\n#### Scenario: ok\n- **WHEN** a\n- **THEN** b\n`;

describe('.openspec.yaml', () => {
  it('reads goal, affected_areas (block or flow list), skip_specs, retire_capabilities; ignores the rest', () => {
    const { meta, diagnostics } = parseChangeMeta(
      'schema: spec-driven\ncreated: "2026-02-21"\ngoal: Make login fast  # why we do it\naffected_areas:\n  - auth\n  - "web ui"\nskip_specs: false\nretire_capabilities: [old-auth, legacy]\nextra:\n  nested: map\n',
      'c/.openspec.yaml',
    );
    expect(diagnostics).toEqual([]);
    expect(meta).toEqual({
      path: 'c/.openspec.yaml',
      schema: 'spec-driven',
      created: '2026-02-21',
      goal: 'Make login fast',
      affectedAreas: ['auth', 'web ui'],
      skipSpecs: false,
      retireCapabilities: ['old-auth', 'legacy'],
    });
  });

  it('block scalars, comments, quotes with # inside', () => {
    const { values } = readYamlSubset('# top comment\ngoal: |\n  Line one\n  Line two\nnote: "a # not a comment"\nempty:\n');
    expect(values.get('goal')).toBe('Line one\nLine two');
    expect(values.get('note')).toBe('a # not a comment');
    expect(values.get('empty')).toBeNull();
  });

  it('anything else is a warning with its line, never an exception; huge files are not read', () => {
    const { meta, diagnostics } = parseChangeMeta('goal: ok\n  stray indented\n: no key\n&anchor *alias\n', 'm.yaml');
    expect(meta.goal).toBe('ok');
    expect(diagnostics.map((d) => [d.code, d.pos.line])).toEqual([
      ['openspec-meta-invalid', 3],
      ['openspec-meta-invalid', 4],
    ]);
    expect(parseChangeMeta('a: b\n'.repeat(100_000), 'm.yaml').diagnostics[0]!.message).toContain('not read');
  });

  it('is shown with its change, and skip_specs: true means no deltas on purpose', () => {
    const files = {
      'openspec/specs/auth/spec.md': BASE,
      'openspec/changes/docs-only/proposal.md': '# Docs\n',
      'openspec/changes/docs-only/tasks.md': '- [ ] 1.1 Write docs\n',
      'openspec/changes/docs-only/.openspec.yaml': 'schema: spec-driven\ngoal: Document login\naffected_areas: [docs]\nskip_specs: true\n',
    };
    const change = specsFrom(files).find((s) => s.format === 'openspec-change')!;
    expect(change.changeMeta).toMatchObject({ goal: 'Document login', affectedAreas: ['docs'], skipSpecs: true });
    expect(codes(change)).not.toContain('openspec-no-deltas');
    const without = specsFrom({ ...files, 'openspec/changes/docs-only/.openspec.yaml': 'goal: Document login\n' }).find((s) => s.format === 'openspec-change')!;
    expect(codes(without)).toContain('openspec-no-deltas');
  });
});

describe('the YAML subset reader', () => {
  // The regex the key reader replaced (it backtracked quadratically on a long run of blanks).
  const OLD_KEY = /^([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
  it('reads `key: value` lines exactly as the regex it replaced, on every short combination of the tricky parts', () => {
    const parts = ['', 'k', 'a.b-c', ' ', '\t', ':', 'v', 'x y', '\r', '#', '"q"', ' \t '];
    let n = 0;
    for (const a of parts) for (const b of parts) for (const c of parts) for (const d of parts) {
      const line = `${a}${b}${c}${d}`;
      if (/^[ \t]/.test(line) || line.trim() === '' || line.trimStart().startsWith('#') || line === '---') continue;
      const old = OLD_KEY.exec(line);
      expect(keyValue(line), JSON.stringify(line)).toEqual(old ? { key: old[1], rest: old[2] ?? '' } : null);
      const { values, problems } = readYamlSubset(line);
      if (old) {
        expect(problems, JSON.stringify(line)).toEqual([]);
        expect([...values.keys()], JSON.stringify(line)).toEqual([old[1]]);
      } else {
        expect(problems.length, JSON.stringify(line)).toBe(1);
      }
      n++;
    }
    expect(n).toBeGreaterThan(5_000);
  });

  it('a 200 KB run of blanks inside a value is read (and trimmed) in one pass', () => {
    const { values } = readYamlSubset(`goal: a${' '.repeat(200_000)}b${' '.repeat(1000)}\n`);
    expect(values.get('goal')).toBe(`a${' '.repeat(200_000)}b`);
  });
});

describe('openspec/config.yaml', () => {
  it('reads store and references; OpenSpec keys it does not use are not findings', () => {
    const { config } = parseOpenSpecConfig('schema: spec-driven\ncontext: |\n  Tech stack: TS\nrules:\n  specs:\n    - Be clear\nstore: team-store\nreferences:\n  - team-context\n  - ../shared-specs\n', 'openspec/config.yaml');
    expect(config).toEqual({ path: 'openspec/config.yaml', store: 'team-store', references: ['team-context', '../shared-specs'] });
  });

  it('reads a reference written with its clone source as its ID (OpenSpec stores beta), in block and flow lists', () => {
    const block = parseOpenSpecConfig('references:\n  - { id: platform-reqs, remote: "git@github.com:acme/platform-reqs.git" }\n  - design-system\n', 'openspec/config.yaml');
    expect(block.config.references).toEqual(['platform-reqs', 'design-system']);
    const flow = parseOpenSpecConfig("references: [{ remote: 'git@x:a/b.git', id: 'team' }, ../shared-specs, { remote: x }]\n", 'openspec/config.yaml');
    expect(flow.config.references).toEqual(['team', '../shared-specs']);
    expect(flow.diagnostics).toEqual([]);
  });

  it('is attached to the specs of its root', () => {
    const spec = onlySpec({ 'openspec/specs/auth/spec.md': BASE, 'openspec/config.yaml': 'references: [team-context]\n' });
    expect(spec.openspecConfig).toEqual({ path: 'openspec/config.yaml', store: null, references: ['team-context'] });
  });

  it('is read once per text for all the specs of a root, yet an edit is seen and no two specs share it', () => {
    const files = {
      'openspec/specs/auth/spec.md': BASE,
      'openspec/specs/billing/spec.md': BASE,
      'openspec/config.yaml': 'references: [team-context]\n',
    };
    const [a, b] = specsFrom(files);
    expect(a!.openspecConfig).toEqual(b!.openspecConfig);
    expect(a!.openspecConfig).not.toBe(b!.openspecConfig);
    a!.openspecConfig!.references.push('changed by a consumer');
    expect(specsFrom(files)[1]!.openspecConfig!.references).toEqual(['team-context']);
    const edited = specsFrom({ ...files, 'openspec/config.yaml': 'store: team-store\nreferences: [other]\n' });
    expect(edited[0]!.openspecConfig).toEqual({ path: 'openspec/config.yaml', store: 'team-store', references: ['other'] });
  });
});

describe('changes that modify the same requirement', () => {
  const files = {
    'openspec/specs/auth/spec.md': BASE,
    'openspec/changes/a/proposal.md': '# A\n',
    'openspec/changes/a/specs/auth/spec.md': modifies('Login'),
    'openspec/changes/b/proposal.md': '# B\n',
    'openspec/changes/b/specs/auth/spec.md': '## REMOVED Requirements\n\n### Requirement: login\n**Reason**: gone\n',
    'openspec/changes/c/proposal.md': '# C\n',
    'openspec/changes/c/specs/auth/spec.md': '## ADDED Requirements\n\n### Requirement: Logout\nThe system SHALL log out.\n\n#### Scenario: ok\n- **WHEN** a\n- **THEN** b\n',
    'openspec/changes/archive/2025-01-01-old/proposal.md': '# Old\n',
    'openspec/changes/archive/2025-01-01-old/specs/auth/spec.md': modifies('Login'),
  };

  it('one finding per shared requirement, at the delta of the first change, naming the other; archived changes are history', () => {
    const found = checkChangeConflicts(specsFrom(files));
    expect([...found.keys()]).toEqual(['openspec/changes/a']);
    expect(found.get('openspec/changes/a')).toHaveLength(1);
    const [a] = found.get('openspec/changes/a')!;
    expect(a).toMatchObject({ severity: 'warning', code: 'openspec-change-conflict', pos: { file: 'openspec/changes/a/specs/auth/spec.md', line: 3 } });
    expect(a!.message).toBe('MODIFIED "Login" of auth: also changed by b (REMOVED); whichever is archived second no longer applies as written');
  });

  it('a requirement five changes modify is one finding naming the four others, whatever order the specs come in', () => {
    const five: Record<string, string> = { 'openspec/specs/auth/spec.md': BASE };
    for (const c of ['e', 'b', 'd', 'a', 'c']) {
      five[`openspec/changes/${c}/proposal.md`] = `# ${c}\n`;
      five[`openspec/changes/${c}/specs/auth/spec.md`] = modifies('Login');
    }
    const specs = specsFrom(five);
    for (const order of [specs, [...specs].reverse()]) {
      const found = checkChangeConflicts(order);
      expect([...found.keys()]).toEqual(['openspec/changes/a']);
      expect(found.get('openspec/changes/a')!.map((d) => d.message)).toEqual([
        'MODIFIED "Login" of auth: also changed by b (MODIFIED), c (MODIFIED), d (MODIFIED), e (MODIFIED); all but the first archived no longer apply as written',
      ]);
    }
  });

  it('different capabilities or different roots do not conflict', () => {
    const other = {
      ...files,
      'openspec/changes/b/specs/auth/spec.md': modifies('Logout'),
      'other/openspec/specs/auth/spec.md': BASE,
      'other/openspec/changes/d/proposal.md': '# D\n',
      'other/openspec/changes/d/specs/auth/spec.md': modifies('Login'),
    };
    expect(checkChangeConflicts(specsFrom(other)).size).toBe(0);
  });
});

describe('the capability a delta modifies', () => {
  it('is read again when it changes (it is read once per text for all the changes that modify it)', () => {
    const files = {
      'openspec/specs/auth/spec.md': BASE,
      'openspec/changes/a/proposal.md': '# A\n',
      'openspec/changes/a/specs/auth/spec.md': modifies('Login'),
    };
    const change = (f: Record<string, string>) => specsFrom(f).find((s) => s.id === 'openspec/changes/a')!;
    expect(codes(change(files))).not.toContain('openspec-delta-unknown-requirement');
    const renamed = { ...files, 'openspec/specs/auth/spec.md': BASE.replace('Requirement: Login', 'Requirement: Sign in') };
    expect(codes(change(renamed))).toContain('openspec-delta-unknown-requirement');
    expect(codes(change(files))).not.toContain('openspec-delta-unknown-requirement');
  });
});
