// `openspec/config.yaml` lines Specdeck cannot read are reported once for the workspace (not once
// per spec under that root, and not dropped), through the path `check` and the Problems view both
// use; the file is read and parsed once however many specs the root holds, and read again when it
// changes. Real files and the real watcher; the read counter wraps the real Workspace (the only way
// to see how often a file is opened).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../../electron/core/api/router';
import { Session } from '../../../../electron/core/session';
import { SpecService } from '../../../../electron/core/specs/spec-service';
import { IgnoreRules } from '../../../../electron/core/workspace/ignore-rules';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

const BASE = '# auth\n\n## Purpose\nP\n\n## Requirements\n\n### Requirement: Login\nThe system SHALL log in.\n\n#### Scenario: ok\n- **WHEN** a\n- **THEN** b\n';
// Line 1 is indented outside any key, line 4 is not `key: value`: two findings, each once.
const MALFORMED = '  stray: indented\nschema: spec-driven\nstore: team\nthis line is not yaml\n';

let dir: TempDir;
const write = (rel: string, content: string) => {
  mkdirSync(path.dirname(path.join(dir.path, rel)), { recursive: true });
  writeFileSync(path.join(dir.path, rel), content);
};

beforeEach(() => {
  dir = tempDir();
  write('openspec/config.yaml', MALFORMED);
  write('openspec/specs/auth/spec.md', BASE);
  for (const c of ['a', 'b', 'c']) {
    write(`openspec/changes/${c}/proposal.md`, `# ${c}\n`);
    write(`openspec/changes/${c}/tasks.md`, '- [ ] 1.1 Work\n');
  }
});
afterEach(() => dir.remove());

const configFindings = (list: { code: string; pos: { file: string; line: number } }[]) =>
  list.filter((d) => d.code === 'openspec-config-unread').map((d) => `${d.pos.file}:${d.pos.line}`);

describe('openspec/config.yaml findings', () => {
  it('reach the Problems view (specs.diagnostics) once, and follow edits of the file', async () => {
    const session = await Session.open(dir.path, { watch: true, index: false });
    try {
      const router = createRouter(session);
      const problems = async () => {
        const outcome = await router.dispatch('specs.diagnostics', {});
        if (!outcome.ok) throw new Error(outcome.error.message);
        return configFindings(outcome.result as { code: string; pos: { file: string; line: number } }[]);
      };
      expect(await problems()).toEqual(['openspec/config.yaml:1', 'openspec/config.yaml:4']);
      // Each spec still gets the root's settings, without the findings.
      const change = (await session.specs.get('openspec/changes/a')).spec;
      expect(change.openspecConfig).toEqual({ path: 'openspec/config.yaml', store: 'team', references: [] });
      expect(configFindings(change.diagnostics)).toEqual([]);
      write('openspec/config.yaml', 'schema: spec-driven\nstore: other\n');
      await expect.poll(problems, { timeout: 30_000, interval: 100 }).toEqual([]);
      await expect.poll(async () => (await session.specs.get('openspec/changes/b')).spec.openspecConfig?.store, { timeout: 30_000, interval: 100 }).toBe('other');
    } finally {
      await session.close();
    }
  }, 90_000);

  it('is opened once for every spec of its root', async () => {
    const ws = await Workspace.open(dir.path);
    const opened: string[] = [];
    const counting = new Proxy(ws, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (key !== 'openFile' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return (rel: string, ...rest: unknown[]) => {
          opened.push(rel);
          return (value as (...a: unknown[]) => unknown).call(target, rel, ...rest);
        };
      },
    });
    const service = new SpecService(counting, new IgnoreRules(ws.root));
    const specs = await service.all();
    expect(specs.map((s) => s.id).sort()).toEqual(['openspec/changes/a', 'openspec/changes/b', 'openspec/changes/c', 'openspec/specs/auth']);
    expect(configFindings(await service.workspaceDiagnostics())).toEqual(['openspec/config.yaml:1', 'openspec/config.yaml:4']);
    expect(opened.filter((p) => p === 'openspec/config.yaml')).toEqual(['openspec/config.yaml']);
  });
});
