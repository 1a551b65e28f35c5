// Conformance with the real OpenSpec CLI (@fission-ai/openspec, a dev dependency), run by this test
// on a temporary copy of each OpenSpec repo of the corpus. Counts are compared, not order.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeSpec } from '../../shared/specs/parse';
import type { Spec } from '../../shared/specs/model';
import { corpusRepos, parseRepo, requireCorpus } from './corpus-support';

// The package's exports hide package.json; find it from its main entry instead.
const require = createRequire(import.meta.url);
const cliRoot = path.resolve(path.dirname(require.resolve('@fission-ai/openspec')), '..');
const cliBin = path.join(cliRoot, (JSON.parse(readFileSync(path.join(cliRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin.openspec!);

interface CliOutput {
  list: { changes: { name: string; completedTasks: number; totalTasks: number }[] };
  specs: { specs: { id: string; requirementCount: number }[] };
  validate: { items: { id: string; type: 'change' | 'spec'; valid: boolean; issues: { level: string; message: string }[] }[] };
}

const work = mkdtempSync(path.join(tmpdir(), 'specdeck-openspec-'));
// Removing thousands of copied files can take long on a loaded machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

function runCli(cwd: string, args: string[]): unknown {
  const r = spawnSync(process.execPath, [cliBin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, HOME: path.join(work, 'home'), OPENSPEC_TELEMETRY: '0', DO_NOT_TRACK: '1', NO_COLOR: '1', CI: '1' },
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`openspec ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const repos: { name: string; ours: Spec[]; cli: CliOutput }[] = [];
beforeAll(() => {
  requireCorpus();
  for (const repo of corpusRepos().filter((r) => r.format === 'openspec')) {
    const copy = path.join(work, repo.name);
    cpSync(repo.root, copy, { recursive: true });
    repos.push({
      name: repo.name,
      ours: parseRepo(repo.root),
      cli: {
        list: runCli(copy, ['list', '--json']) as CliOutput['list'],
        specs: runCli(copy, ['list', '--specs', '--json']) as CliOutput['specs'],
        validate: runCli(copy, ['validate', '--all', '--json']) as CliOutput['validate'],
      },
    });
  }
}, 300_000);

const activeChanges = (ours: Spec[]) => ours.filter((s) => s.format === 'openspec-change' && !s.archived);
const changeName = (s: Spec) => s.folder.slice(s.folder.lastIndexOf('/') + 1);
const capabilities = (ours: Spec[]) => ours.filter((s) => s.format === 'openspec-capability');

describe('OpenSpec: agreement with the real CLI', () => {
  it('finds five OpenSpec repos', () => {
    expect(repos.map((r) => r.name)).toHaveLength(5);
  });

  it('the same active changes (archived ones are ours too, marked archived; the CLI lists only active)', () => {
    for (const r of repos) {
      expect(activeChanges(r.ours).map(changeName).sort(), r.name).toEqual(r.cli.list.changes.map((c) => c.name).sort());
    }
  });

  it('the same task counts per active change; checkboxes inside code fences are the only allowed difference', () => {
    for (const r of repos) {
      for (const c of r.cli.list.changes) {
        const spec = activeChanges(r.ours).find((s) => changeName(s) === c.name)!;
        const s = summarizeSpec(spec);
        // The CLI counts checkbox lines inside code fences; we report them (task-in-code-fence) instead.
        const fenced = spec.diagnostics.filter((d) => d.code === 'task-in-code-fence').length;
        expect({ total: s.counts.total + fenced, done: s.counts.done }, `${r.name} ${c.name}`).toEqual({ total: c.totalTasks, done: c.completedTasks });
      }
    }
  });

  it('the same capabilities (nested ones by path) with the same requirement counts', () => {
    let unparsedByCli = 0;
    for (const r of repos) {
      const ours = capabilities(r.ours).map((s) => {
        // Deliberate difference: the CLI's parser rejects a spec without "## Purpose" and then lists
        // it with 0 requirements; we read its requirements (and report openspec-no-purpose).
        const rejected = s.diagnostics.some((d) => d.code === 'openspec-no-purpose');
        const count = summarizeSpec(s).requirementCount;
        if (rejected && count > 0) unparsedByCli++;
        return { id: s.title, requirementCount: rejected ? 0 : count };
      });
      const theirs = r.cli.specs.specs.map((s) => ({ id: s.id, requirementCount: s.requirementCount }));
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      expect(ours.sort(byId), r.name).toEqual(theirs.sort(byId));
    }
    expect(unparsedByCli).toBe(2);
  });

  it('the same verdict from validate: an item is invalid exactly when we report an error for it', () => {
    expect(repos.reduce((n, r) => n + r.cli.validate.items.length, 0)).toBeGreaterThan(0);
    for (const r of repos) {
      for (const item of r.cli.validate.items) {
        const spec = item.type === 'spec'
          ? capabilities(r.ours).find((s) => s.title === item.id)
          : activeChanges(r.ours).find((s) => changeName(s) === item.id);
        expect(spec, `${r.name} ${item.type} ${item.id}`).toBeDefined();
        const errors = spec!.diagnostics.filter((d) => d.severity === 'error');
        const cliErrors = item.issues.filter((i) => i.level === 'ERROR').map((i) => i.message.slice(0, 80));
        expect({ id: item.id, invalid: errors.length > 0 }, `${r.name}: ours ${errors.map((e) => e.code)}; CLI ${cliErrors.join(' | ')}`).toEqual({ id: item.id, invalid: !item.valid });
      }
    }
  });
});
