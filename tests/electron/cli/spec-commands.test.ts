// `specdeck specs | tasks | task | check` on real folders.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { runSpecdeck } from '../../support/cli-process';
import { corpusDir } from '../../support/corpus-dir';
import { tempDir, type TempDir } from '../../support/temp-workspace';

let dir: TempDir;
const write = (rel: string, content: string) => {
  mkdirSync(path.dirname(path.join(dir.path, rel)), { recursive: true });
  writeFileSync(path.join(dir.path, rel), content);
};

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeEach(() => {
  dir = tempDir();
  write('.kiro/specs/login/requirements.md', '### Requirement 1\n#### Acceptance Criteria\n1. WHEN a THEN the system SHALL b\n2. THE X SHALL c\n');
  write('.kiro/specs/login/tasks.md', '- [ ] 1. Build\n  - [x] 1.1 Model\n  - _Requirements: 1.1_\n  - [-] 1.2 View\n  - [ ]* 1.3 Tests\n  - _Requirements: 7.7_\n');
  write('specs/001-upload/spec.md', '# Feature Specification: Upload\n- **FR-001**: System MUST upload\n');
  write('specs/001-upload/tasks.md', '- [X] T001 [US1] Upload FR-001\n');
});
afterEach(() => dir.remove());

describe('specdeck specs', () => {
  it('--json lists each spec with counts, requirement count and coverage', async () => {
    const { code, stdout } = await cli('specs', dir.path, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject([
      { id: '.kiro/specs/login', format: 'kiro', tasks: { total: 4, done: 1, inProgress: 1, optional: 1 }, requirements: 1, coverage: { covered: 1, total: 2 } },
      { id: 'specs/001-upload', format: 'speckit', title: 'Upload', tasks: { total: 1, done: 1 }, requirements: 1, coverage: { covered: 1, total: 1 } },
    ]);
  });

  it('prints a readable table', async () => {
    const { stdout } = await cli('specs', dir.path);
    expect(stdout).toContain('.kiro/specs/login  [kiro]  login');
    expect(stdout).toContain('tasks 1/4 done (1 in progress, 1 optional); 1 requirement; 1/2 covered');
  });

  it('a missing folder is an error with exit 1', async () => {
    const { code, stderr } = await cli('specs', path.join(dir.path, 'nope'));
    expect(code).toBe(1);
    expect(stderr).toContain('No such folder');
  });
});

describe('specdeck tasks', () => {
  it('--spec picks one spec (by a unique tail of its id); --json has positions', async () => {
    const { code, stdout } = await cli('tasks', dir.path, '--spec', 'login', '--json');
    expect(code).toBe(0);
    const [spec] = JSON.parse(stdout);
    expect(spec.tasks.map((t: { id: string; state: string; depth: number; line: number }) => [t.id, t.state, t.depth, t.line])).toEqual([
      ['1', 'todo', 0, 1], ['1.1', 'done', 1, 2], ['1.2', 'in-progress', 1, 4], ['1.3', 'todo', 1, 5],
    ]);
  });
});

describe('specdeck tasks: dependencies and the ready set', () => {
  const GRAPH =
    '# Plan\n\n## Tasks\n\n- [x] 1. Schema\n- [ ] 2. API\n  - _Blocked: waiting for the key_\n- [ ] 3. UI\n- [ ] 4. Docs\n\n## Task Dependency Graph\n\n```json\n' +
    '{"waves":[{"name":"Wave 1 — Base","tasks":[1]},{"name":"Wave 2","tasks":[2,3]},{"name":"Wave 3","tasks":[4]}]}\n```\n';

  it('--ready lists the ready tasks with their wave; --json gives dependsOn and blockedReason', async () => {
    write('.kiro/specs/plan/tasks.md', GRAPH);
    const text = await cli('tasks', dir.path, '--spec', 'plan', '--ready');
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')).toEqual(['.kiro/specs/plan  (.kiro/specs/plan/tasks.md)', '  [wave 1: Wave 2] 3 UI  (line 8)']);

    const ready = JSON.parse((await cli('tasks', dir.path, '--spec', 'plan', '--ready', '--json')).stdout);
    expect(ready[0].tasks.map((t: { id: string; wave: number; waveName: string }) => [t.id, t.wave, t.waveName])).toEqual([['3', 1, 'Wave 2']]);

    const all = JSON.parse((await cli('tasks', dir.path, '--spec', 'plan', '--json')).stdout);
    expect(all[0].tasks.map((t: { id: string; dependsOn: string[]; blockedReason: string | null }) => [t.id, t.dependsOn, t.blockedReason])).toEqual([
      ['1', [], null],
      ['2', ['1'], 'waiting for the key'],
      ['3', ['1'], null],
      ['4', ['2', '3'], null],
    ]);
    expect(all[0].dependencies).toMatchObject({ source: 'kiro-graph', ready: ['3'] });
    expect(all[0].dependencies.waves[0]).toEqual({ index: 0, name: 'Wave 1 — Base', description: null, tasks: ['1'] });
  });

  it('--ready without a --spec lists every spec; a spec with nothing ready says so', async () => {
    const { stdout } = await cli('tasks', dir.path, '--ready');
    expect(stdout).toContain('.kiro/specs/login  (.kiro/specs/login/tasks.md)\n  1.2 View  (line 4)\n  1.3 Tests  (line 5)');
    expect(stdout).toContain('specs/001-upload  (specs/001-upload/tasks.md)\n  no task is ready');
  });

  it('a heading task cannot be ticked: exit 1 with the reason, the file unchanged', async () => {
    write('.kiro/specs/plan/tasks.md', '## Task 1: Schema\n\n- [ ] 1.1 Migrate\n');
    const before = readFileSync(path.join(dir.path, '.kiro/specs/plan/tasks.md'), 'utf8');
    const { code, stderr } = await cli('task', dir.path, 'plan', '1', '--set', 'done');
    expect(code).toBe(1);
    expect(stderr).toContain('written without a checkbox');
    expect(readFileSync(path.join(dir.path, '.kiro/specs/plan/tasks.md'), 'utf8')).toBe(before);
    expect((await cli('task', dir.path, 'plan', '1.1', '--set', 'done')).code).toBe(0);
  });

  it('.specdeck/settings.json overrides what [~] means; a bad one is a check warning and changes nothing', async () => {
    write('specs/001-upload/tasks.md', '- [~] T001 Upload\n');
    const states = async () => JSON.parse((await cli('tasks', dir.path, '--spec', '001-upload', '--json')).stdout)[0].tasks.map((t: { state: string }) => t.state);
    expect(await states()).toEqual(['skipped']);
    write('.specdeck/settings.json', '{ "taskStates": { "speckit": { "~": "in-progress" } } }');
    expect(await states()).toEqual(['in-progress']);
    write('.specdeck/settings.json', '{ "taskStates": { "x": "todo", "~": "finished" } }');
    expect(await states()).toEqual(['skipped']);
    const check = JSON.parse((await cli('check', dir.path, '--json')).stdout);
    expect(check.findings.filter((f: { code: string }) => f.code === 'settings-invalid').map((f: { message: string }) => f.message)).toEqual([
      'taskStates: "[x]" always means done; it cannot be changed',
      'taskStates: "~" must map to one of todo, in-progress, done, skipped, unknown',
    ]);
  });
});

describe('OpenSpec extras through the CLI', () => {
  const BASE = '# auth\n\n## Purpose\nP\n\n## Requirements\n\n### Requirement: Login\nThe system SHALL log in.\n\n#### Scenario: ok\n- **WHEN** a\n- **THEN** b\n';
  const MODIFY = '## MODIFIED Requirements\n\n### Requirement: Login\nThe system SHALL log in fast.\n\n#### Scenario: ok\n- **WHEN** a\n- **THEN** b\n';

  it('check reports two active changes that modify the same requirement once, at the first, naming the other', async () => {
    write('openspec/specs/auth/spec.md', BASE);
    for (const c of ['a', 'b']) {
      write(`openspec/changes/${c}/proposal.md`, `# ${c}\n`);
      write(`openspec/changes/${c}/specs/auth/spec.md`, MODIFY);
    }
    const findings = JSON.parse((await cli('check', dir.path, '--json')).stdout).findings.filter((f: { code: string }) => f.code === 'openspec-change-conflict');
    expect(findings.map((f: { spec: string; line: number; message: string }) => [f.spec, f.line, f.message])).toEqual([
      ['openspec/changes/a', 3, 'MODIFIED "Login" of auth: also changed by b (MODIFIED); whichever is archived second no longer applies as written'],
    ]);
  });

  it('check reports a line of openspec/config.yaml it cannot read once, however many specs the root has', async () => {
    write('openspec/config.yaml', 'schema: spec-driven\nreferences: [team]\nnot yaml at all\n');
    write('openspec/specs/auth/spec.md', BASE);
    for (const c of ['a', 'b']) write(`openspec/changes/${c}/proposal.md`, `# ${c}\n`);
    const findings = JSON.parse((await cli('check', dir.path, '--json')).stdout).findings.filter((f: { code: string }) => f.code === 'openspec-config-unread');
    expect(findings.map((f: { severity: string; file: string; line: number; message: string }) => [f.severity, f.file, f.line, f.message])).toEqual([
      ['info', 'openspec/config.yaml', 3, 'openspec/config.yaml: not a "key: value" line: not yaml at all'],
    ]);
  });

  it('a store another root declares as a reference is read-only: its tasks are listed, ticking is refused', async () => {
    write('openspec/config.yaml', 'schema: spec-driven\nreferences:\n  - vendor/team-context\n');
    write('openspec/specs/auth/spec.md', BASE);
    write('vendor/team-context/openspec/changes/upstream/proposal.md', '# Upstream\n');
    write('vendor/team-context/openspec/changes/upstream/tasks.md', '- [ ] 1.1 Upstream work\n');
    const listed = JSON.parse((await cli('tasks', dir.path, '--spec', 'upstream', '--json')).stdout);
    expect(listed[0].tasks.map((t: { id: string }) => t.id)).toEqual(['1.1']);
    const file = path.join(dir.path, 'vendor/team-context/openspec/changes/upstream/tasks.md');
    const before = readFileSync(file, 'utf8');
    const { code, stderr } = await cli('task', dir.path, 'upstream', '1.1', '--set', 'done');
    expect(code).toBe(1);
    expect(stderr).toContain('openspec/config.yaml declares as a read-only reference');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('specdeck task', () => {
  it('--set changes only the state character and reports it', async () => {
    const file = path.join(dir.path, '.kiro/specs/login/tasks.md');
    const before = readFileSync(file, 'utf8');
    const { code, stdout } = await cli('task', dir.path, '.kiro/specs/login', '1.2', '--set', 'done');
    expect(code).toBe(0);
    expect(stdout).toContain('1.2 View → done');
    expect(readFileSync(file, 'utf8')).toBe(before.replace('[-] 1.2', '[x] 1.2'));
  });

  it('--complete-parents also completes the parent when its last required child is done', async () => {
    await cli('task', dir.path, 'login', '1.2', '--set', 'done', '--complete-parents');
    expect(readFileSync(path.join(dir.path, '.kiro/specs/login/tasks.md'), 'utf8')).toMatch(/^- \[x\] 1\. Build/);
  });

  it('rejects a bad state with exit 2 and an unknown task with exit 1', async () => {
    expect((await cli('task', dir.path, 'login', '1.2', '--set', 'finished')).code).toBe(2);
    const missing = await cli('task', dir.path, 'login', '9.9', '--set', 'done');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No task 9.9');
  });
});

describe('specdeck check', () => {
  it('prints file:line:column diagnostics; exit 0 with warnings only, 1 with --strict', async () => {
    const plain = await cli('check', dir.path);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/\.kiro\/specs\/login\/tasks\.md:6:\d+: warning dangling-reference: Task 1\.3 refers to 7\.7/);
    expect((await cli('check', dir.path, '--strict')).code).toBe(1);
  });

  it('exits 1 on errors; --json lists them with positions', async () => {
    write('.kiro/specs/login/tasks.md', '- [ ] 1. A\n- [ ] 1. A again\n');
    const { code, stdout } = await cli('check', dir.path, '--json');
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ version: 1, tool: { name: 'specdeck' }, summary: { errors: 1 } });
    expect(json.findings).toContainEqual(expect.objectContaining({ code: 'duplicate-task-id', severity: 'error', file: '.kiro/specs/login/tasks.md', line: 2, column: 1 }));
  });

  it('--format github prints workflow annotations (built command, real process)', () => {
    const { code, stdout } = runSpecdeck(['check', dir.path, '--format', 'github', '--min-severity', 'warning']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^::warning file=[^,]*\.kiro\/specs\/login\/tasks\.md,line=6,col=\d+,title=dangling-reference::Task 1\.3 refers to 7\.7/m);
    expect(stdout).not.toContain('::notice');
  });

  it('runs over a whole corpus repo without failing', () => {
    const copy = path.join(dir.path, 'kiro');
    cpSync(path.join(corpusDir, 'kiro/kirodotdev__Kiro'), copy, { recursive: true });
    const { code, stderr } = runSpecdeck(['check', copy]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/0 error\(s\)/);
  });
});
