// Evidence per task on real temporary git repositories: each kind of evidence, a fresh clone
// computing the same as the machine that made the links, local-only links, and bad input (no git,
// shallow clone, detached HEAD, an empty repository).
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceFindings } from '../../../../shared/evidence/evaluate';
import { Session } from '../../../../electron/core/session';
import { tempDir } from '../../../support/temp-workspace';
import { git, openFixture, writeTree } from '../trace/trace-fixture';
import { APP, cloneRepo, commitAll, comparable, evidenceOf, REQUIREMENTS, SPEC, TASKS, useEvidenceRepo } from './evidence-fixture';

// Its data folder is the "machine"'s link store, when a test makes one (restored after each test).
const repo = useEvidenceRepo();

const task = (e: Awaited<ReturnType<typeof evidenceOf>>, id: string) => e.tasks.find((t) => t.taskId === id)!;
const codes = (e: Awaited<ReturnType<typeof evidenceOf>>) => evidenceFindings(e).map((f) => `${f.code} ${f.pos.line}`);

describe('evidence per task', () => {
  it('finds commit links, named files (existing, touched since the spec) and citing tests; the tick commit', async () => {
    const e = await evidenceOf(repo.root, repo.data.path);
    expect(e.notes.git).toBe('repository');
    expect(task(e, '1')).toMatchObject({ status: 'fresh', count: 1, links: [{ source: 'commit', path: 'src/app.ts', startLine: 4, endLine: 4, committed: true, state: 'linked' }] });
    expect(task(e, '1').tick).toMatchObject({ subject: 'tick' });
    expect(task(e, '2')).toMatchObject({ status: 'none', count: 0, namedFiles: [{ path: 'src/missing.ts', exists: false }] });
    expect(task(e, '3')).toMatchObject({ status: 'fresh', count: 1, namedFiles: [{ path: 'src/named.ts', exists: true, touched: true, touchedLocally: false }] });
    // Created before the spec and never changed since: naming it is not evidence.
    expect(task(e, '4')).toMatchObject({ status: 'none', count: 0, namedFiles: [{ path: 'src/old.ts', exists: true, touched: false }] });
    expect(task(e, '5')).toMatchObject({ status: 'fresh', count: 1, tests: [{ path: 'tests/farewell.test.ts', line: 3, name: 'prints bye', cites: 'requirement 2.1', outcome: null }] });
    expect(task(e, '6')).toMatchObject({ status: 'none', count: 0, taskState: 'todo' });
    // Without test results nothing is verified.
    expect(e.requirements.find((r) => r.id === '2.1')).toMatchObject({ verdict: 'not-run' });
    expect(codes(e)).toEqual(['done-names-missing-file 5', 'done-without-evidence 5', 'done-without-evidence 7']);
  });

  it('a fresh clone (no link store) computes the same evidence as the machine that made the links', async () => {
    // The machine: works on task 6 in Specdeck (an edit link), ticks it, commits with the trailer.
    const fx = await openFixture(repo.root, repo.data, repo.dir);
    const { tasksHash } = await fx.call('specs.get', { specId: SPEC });
    await fx.call('trace.start', { specId: SPEC, taskId: '6', expectedHash: tasksHash! });
    await fx.save('src/app.ts', APP.replace('const line4 = 4;', 'greet();').replace('const line12 = 12;', 'later();'));
    await fx.call('trace.stop', { complete: true });
    commitAll(repo.root, 'task 6\n\nSpec-Task: .kiro/specs/demo/6');
    await fx.call('trace.spec', { specId: SPEC });
    await fx.close();
    const here = await evidenceOf(repo.root, repo.data.path);
    const cloneDir = tempDir('specdeck-evidence-clone-');
    const otherData = tempDir('specdeck-evidence-clone-data-');
    try {
      const clone = cloneRepo(repo.root, path.join(cloneDir.path, 'repo'));
      const there = await evidenceOf(clone, otherData.path);
      expect(task(here, '6')).toMatchObject({ taskState: 'done', status: 'fresh', links: [{ source: 'commit', startLine: 12 }] });
      expect(comparable(there)).toEqual(comparable(here));
      expect(evidenceFindings(there)).toEqual(evidenceFindings(here));
    } finally {
      cloneDir.remove();
      otherData.remove();
    }
  });

  it('says when evidence exists only locally (an edit link, an uncommitted tick); a Spec-Task commit makes it shared', async () => {
    const fx = await openFixture(repo.root, repo.data, repo.dir);
    try {
      const { tasksHash } = await fx.call('specs.get', { specId: SPEC });
      await fx.call('trace.start', { specId: SPEC, taskId: '6', expectedHash: tasksHash! });
      await fx.save('src/app.ts', APP.replace('const line4 = 4;', 'greet();').replace('const line9 = 9;', 'later();'));
      await fx.call('trace.stop', { complete: true });
      let e = (await fx.session.evidence.forSpecs([SPEC])).evidence[0]!;
      expect(task(e, '6')).toMatchObject({ taskState: 'done', status: 'local', tick: null, links: [{ source: 'edit', committed: false, startLine: 9 }] });
      expect(evidenceFindings(e).filter((f) => f.code === 'evidence-only-local').map((f) => f.pos.line)).toEqual([10]);
      commitAll(repo.root, 'later\n\nSpec-Task: .kiro/specs/demo/6');
      e = (await fx.session.evidence.forSpecs([SPEC])).evidence[0]!;
      expect(task(e, '6')).toMatchObject({ status: 'fresh', links: [{ source: 'commit', committed: true, startLine: 9 }] });
      expect(task(e, '6').tick).toMatchObject({ subject: 'later' });
      expect(evidenceFindings(e).filter((f) => f.code === 'evidence-only-local')).toEqual([]);
    } finally {
      await fx.close();
    }
  });

  it('counts an @spec tag in a test file as a citing test, and a tag in an uncommitted file as local', async () => {
    writeTree(repo.root, { 'tests/more.test.ts': "// @spec .kiro/specs/demo/4\nit('tidies', () => {});\n" });
    let e = await evidenceOf(repo.root, path.join(repo.data.path, 'd'));
    expect(task(e, '4')).toMatchObject({ count: 1, status: 'local', tests: [{ path: 'tests/more.test.ts', line: 1, cites: 'task', committed: false }] });
    commitAll(repo.root, 'test for 4');
    e = await evidenceOf(repo.root, path.join(repo.data.path, 'e'));
    expect(task(e, '4')).toMatchObject({ count: 1, status: 'fresh' });
  });

  it('a test naming no feature cites a requirement only the one spec that has it can mean', async () => {
    writeTree(repo.root, { 'tests/plain.test.ts': "// Validates: Requirements 2.1\nit('says bye', () => {});\n" });
    commitAll(repo.root, 'a test naming no feature');
    const plain = (e: Awaited<ReturnType<typeof evidenceOf>>) => task(e, '5').tests.filter((t) => t.path === 'tests/plain.test.ts');
    expect(plain(await evidenceOf(repo.root, path.join(repo.data.path, 'f')))).toMatchObject([{ line: 1, name: 'says bye', cites: 'requirement 2.1' }]);
    // A second spec with requirement 2.1 makes the citation ambiguous: it counts for neither.
    const other = '.kiro/specs/other';
    writeTree(repo.root, { [`${other}/requirements.md`]: REQUIREMENTS, [`${other}/tasks.md`]: '# Tasks\n\n- [x] 1. Other\n  - _Requirements: 2.1_\n' });
    commitAll(repo.root, 'another spec');
    process.env.SPECDECK_DATA_DIR = path.join(repo.data.path, 'g');
    const session = await Session.open(repo.root);
    try {
      const { evidence } = await session.evidence.forSpecs([SPEC, other]);
      expect(plain(evidence[0]!)).toEqual([]);
      expect(evidence[1]!.tasks[0]!.tests.filter((t) => t.path === 'tests/plain.test.ts')).toEqual([]);
      // The feature-declaring test still counts for its own spec.
      expect(task(evidence[0]!, '5').tests.map((t) => t.path)).toEqual(['tests/farewell.test.ts']);
    } finally {
      await session.close();
    }
  });
});

describe('bad input', () => {
  it('no git: named files exist but their history is unknown, and the note says so (never a crash)', async () => {
    rmSync(path.join(repo.root, '.git'), { recursive: true, force: true });
    const e = await evidenceOf(repo.root, repo.data.path);
    expect(e.notes.git).toBe('none');
    expect(e.notes.messages.join(' ')).toMatch(/not a git repository/);
    expect(task(e, '1')).toMatchObject({ status: 'none', links: [] });
    expect(task(e, '3').namedFiles).toEqual([{ path: 'src/named.ts', exists: true, touched: null, touchedLocally: false }]);
    expect(task(e, '5')).toMatchObject({ status: 'fresh', tests: [{ committed: true }] });
    expect(evidenceFindings(e).find((f) => f.code === 'done-without-evidence' && f.pos.line === 6)?.message).toMatch(/not a git repository/);
  });

  it('a shallow clone: the grafted boundary commit is not taken for a change of every file', async () => {
    const cloneDir = tempDir('specdeck-evidence-shallow-');
    try {
      const clone = cloneRepo(repo.root, path.join(cloneDir.path, 'repo'), '--depth', '1');
      const e = await evidenceOf(clone, path.join(cloneDir.path, 'data'));
      expect(e.notes.git).toBe('shallow');
      expect(e.notes.messages.join(' ')).toMatch(/shallow clone/);
      expect(task(e, '4').namedFiles[0]).toMatchObject({ exists: true, touched: false });
      expect(task(e, '3').namedFiles[0]).toMatchObject({ exists: true, touched: false }); // its change is before the boundary: not seen
      expect(task(e, '4').status).toBe('none');
    } finally {
      cloneDir.remove();
    }
  });

  it('a detached HEAD gives the same evidence as the branch', async () => {
    const onBranch = await evidenceOf(repo.root, repo.data.path);
    git(repo.root, 'checkout', '-q', '--detach', 'HEAD');
    expect(comparable(await evidenceOf(repo.root, repo.data.path))).toEqual(comparable(onBranch));
  });

  it('an empty repository (no commit yet) and a spec with no tasks file', async () => {
    const dir = tempDir('specdeck-evidence-empty-');
    try {
      git(dir.path, 'init', '-q');
      writeTree(dir.path, { [`${SPEC}/requirements.md`]: REQUIREMENTS, [`${SPEC}/tasks.md`]: TASKS });
      const e = await evidenceOf(dir.path, path.join(dir.path, '.data'));
      expect(e.notes.messages.join(' ')).toMatch(/no commit yet/);
      expect(task(e, '1')).toMatchObject({ status: 'none', tick: null });
      writeFileSync(path.join(dir.path, SPEC, 'tasks.md'), '');
      const empty = await evidenceOf(dir.path, path.join(dir.path, '.data'));
      expect(empty.tasks).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});
