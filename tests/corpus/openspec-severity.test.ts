// OpenSpec severities and scope as the real OpenSpec CLI's (@fission-ai/openspec, a dev
// dependency): a requirement without SHALL/MUST is a warning, not an error, and archived changes
// are not validated. Both readers run on the same small repository, written for this test.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Spec } from '../../shared/specs/model';
import { parseRepo } from './corpus-support';

const require = createRequire(import.meta.url);
const cliRoot = path.resolve(path.dirname(require.resolve('@fission-ai/openspec')), '..');
const cliBin = path.join(cliRoot, (JSON.parse(readFileSync(path.join(cliRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin.openspec!);

const scenario = '#### Scenario: ok\n- **WHEN** x\n- **THEN** y\n';
const files: Record<string, string> = {
  'openspec/specs/auth/spec.md': `# auth\n\n## Purpose\nAuthentication of the users of the product, by password.\n\n## Requirements\n\n### Requirement: Login\nUsers can log in.\n\n${scenario}`,
  'openspec/changes/add-logout/proposal.md': '# Change\n\n## Why\nBecause.\n\n## What Changes\n- Logout\n',
  'openspec/changes/add-logout/specs/auth/spec.md': `## ADDED Requirements\n\n### Requirement: Logout\nUsers can leave.\n\n${scenario}`,
  'openspec/changes/add-audit/proposal.md': '# Change\n\n## Why\nBecause.\n\n## What Changes\n- Audit\n',
  'openspec/changes/add-audit/specs/audit/spec.md': '## ADDED Requirements\n\n### Requirement: Audit log\nThe system SHALL log.\n',
  // Archived: a MODIFIED delta for a requirement that does not exist, with no scenario and no SHALL.
  'openspec/changes/archive/2025-01-01-old/proposal.md': '# Change\n\n## Why\nOld.\n\n## What Changes\n- Old\n',
  'openspec/changes/archive/2025-01-01-old/specs/auth/spec.md': '## MODIFIED Requirements\n\n### Requirement: Nothing here\nNo keyword.\n',
};

interface Item { id: string; type: 'spec' | 'change'; valid: boolean; issues: { level: 'ERROR' | 'WARNING' | 'INFO'; message: string }[] }
const work = mkdtempSync(path.join(tmpdir(), 'specdeck-openspec-sev-'));
let cli: Item[] = [];
let ours: Spec[] = [];
beforeAll(() => {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(work, 'repo', rel)), { recursive: true });
    writeFileSync(path.join(work, 'repo', rel), text);
  }
  const r = spawnSync(process.execPath, [cliBin, 'validate', '--all', '--json'], {
    cwd: path.join(work, 'repo'),
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, HOME: path.join(work, 'home'), OPENSPEC_TELEMETRY: '0', DO_NOT_TRACK: '1', NO_COLOR: '1', CI: '1' },
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`openspec validate exited ${r.status}: ${r.stderr}`);
  cli = (JSON.parse(r.stdout) as { items: Item[] }).items;
  ours = parseRepo(path.join(work, 'repo'));
}, 180_000);
// Removing thousands of copied files can take long on a loaded machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

const name = (s: Spec) => s.folder.slice(s.folder.lastIndexOf('/') + 1);
const LEVEL = { error: 'ERROR', warning: 'WARNING', info: 'INFO' } as const;

describe('OpenSpec severities and scope, against the real CLI', () => {
  it('validates the same items: specs and active changes, never archived ones', () => {
    expect(cli.map((i) => `${i.type} ${i.id}`).sort()).toEqual(['change add-audit', 'change add-logout', 'spec auth']);
    const archived = ours.find((s) => s.archived)!;
    expect(archived).toBeDefined();
    expect(archived.diagnostics.filter((d) => d.code.startsWith('openspec-'))).toEqual([]);
  });

  it('gives no SHALL/MUST the CLI level (WARNING), and a missing scenario ERROR, item by item', () => {
    for (const item of cli) {
      const spec = ours.find((s) => !s.archived && (item.type === 'spec' ? s.title === item.id : s.format === 'openspec-change' && name(s) === item.id))!;
      expect(spec, item.id).toBeDefined();
      const levelsOf = (pred: (m: string) => boolean) => item.issues.filter((i) => pred(i.message)).map((i) => i.level);
      const oursOf = (code: string) => spec.diagnostics.filter((d) => d.code === code).map((d) => LEVEL[d.severity]);
      expect(oursOf('openspec-no-shall'), item.id).toEqual(levelsOf((m) => /SHALL or MUST/.test(m)));
      expect(oursOf('openspec-no-scenario'), item.id).toEqual(levelsOf((m) => /scenario/i.test(m)));
      expect({ id: item.id, invalid: spec.diagnostics.some((d) => d.severity === 'error') }).toEqual({ id: item.id, invalid: !item.valid });
    }
    // The fixture exercises both levels.
    expect(cli.flatMap((i) => i.issues.map((x) => x.level)).sort()).toEqual(expect.arrayContaining(['ERROR', 'WARNING']));
  });
});
