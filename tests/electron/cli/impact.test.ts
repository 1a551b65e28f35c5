// `specdeck impact <base>..<head>` on real temporary git repositories: code under a link changed,
// a renamed linked file and a renamed named file, a requirement changed without its task, links
// made in the range, --fail-on suspect, and bad ranges (never a crash).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../../support/cli-in-process';
import type { ImpactResult } from '../../../electron/core/evidence/impact';
import { repoRoot, tempDir } from '../../support/temp-workspace';
import { APP, cloneRepo, commitAll, useEvidenceRepo, REQUIREMENTS, SPEC } from '../core/evidence/evidence-fixture';
import { git, writeTree } from '../core/trace/trace-fixture';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const repo = useEvidenceRepo();

const cli = cliInProcess;

async function impact(range: string, ...more: string[]): Promise<{ code: number; result: ImpactResult; err: string }> {
  const r = await cli('impact', range, '--folder', repo.root, '--json', ...more);
  return { code: r.code, result: JSON.parse(r.stdout) as ImpactResult, err: r.stderr };
}

const taskOf = (r: ImpactResult, id: string) => r.specs.find((s) => s.specId === SPEC)?.tasks.find((t) => t.taskId === id);

describe('specdeck impact', () => {
  it('a range with a rename: the linked file moved and changed (suspect), the named file renamed, a requirement changed alone', async () => {
    git(repo.root, 'tag', 'base');
    // Rename the linked file, then change the linked line; rename the named file.
    git(repo.root, 'mv', 'src/app.ts', 'src/main.ts');
    git(repo.root, 'mv', 'src/named.ts', 'src/wired.ts');
    commitAll(repo.root, 'renames');
    writeTree(repo.root, { 'src/main.ts': APP.replace('const line4 = 4;', 'greet("world");') });
    writeTree(repo.root, { [`${SPEC}/requirements.md`]: REQUIREMENTS.replace('print bye', 'print goodbye') });
    commitAll(repo.root, 'edits');
    // New work for task 6 in the range: a new link, not a suspect one.
    writeTree(repo.root, { 'src/later.ts': 'export const later = 1;\n' });
    commitAll(repo.root, 'later\n\nSpec-Task: .kiro/specs/demo/6');

    const { code, result } = await impact('base..HEAD');
    expect(code).toBe(0);
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs/schemas/impact.schema.json'), 'utf8'));
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(result).toMatchObject({ version: 1, commits: 3, newLinks: 1 });
    expect(result.files).toEqual(expect.arrayContaining([{ status: 'R', oldPath: 'src/app.ts', path: 'src/main.ts' }, { status: 'R', oldPath: 'src/named.ts', path: 'src/wired.ts' }]));
    // The commit link of task 1 followed the rename and its line changed in the range.
    expect(result.suspect).toEqual([{ id: expect.any(String), source: 'commit', taskKey: `${SPEC}/1`, path: 'src/main.ts', startLine: 4, endLine: 4, reasons: ['code-changed'] }]);
    expect(taskOf(result, '1')?.reasons).toEqual(['linked-code-changed']);
    expect(taskOf(result, '3')).toMatchObject({ reasons: ['named-file-renamed'], files: ['src/named.ts -> src/wired.ts'] });
    const spec = result.specs.find((s) => s.specId === SPEC)!;
    expect(spec.documents).toEqual([`${SPEC}/requirements.md`]);
    expect(spec.requirements).toEqual([{ id: '2.1', change: 'modified', taskIds: ['5'], tasksUnchanged: true }]);
    expect(spec.requirementsChangedWithoutTasks).toEqual(['2.1']);
    expect(taskOf(result, '5')?.reasons).toEqual(['requirement-changed']);
    expect(taskOf(result, '6')).toBeUndefined();

    expect((await cli('impact', 'base..HEAD', '--folder', repo.root, '--fail-on', 'suspect')).code).toBe(1);
    const text = await cli('impact', 'base..HEAD', '--folder', repo.root);
    expect(text.stdout).toContain('renamed src/app.ts -> src/main.ts');
    expect(text.stdout).toMatch(/suspect src\/main\.ts:4-4 commit -> .*\/1 \(code-changed\)/);
    expect(text.stderr).toMatch(/3 commit\(s\).*1 link\(s\) became suspect/);

    // A fresh clone (no link store) gives the same answer.
    const cloneDir = tempDir('specdeck-impact-clone-');
    try {
      const clone = cloneRepo(repo.root, path.join(cloneDir.path, 'repo'));
      process.env.SPECDECK_DATA_DIR = path.join(cloneDir.path, 'data');
      const there = JSON.parse((await cli('impact', 'base..HEAD', '--folder', clone, '--json')).stdout) as ImpactResult;
      const strip = (r: ImpactResult) => ({ ...r, suspect: r.suspect.map(({ id: _id, ...rest }) => rest) });
      expect(strip(there)).toEqual(strip(result));
    } finally {
      cloneDir.remove();
    }
  });

  it('exit 0 with --fail-on suspect when nothing became suspect; a range of only new work', async () => {
    git(repo.root, 'tag', 'base');
    writeTree(repo.root, { 'src/later.ts': 'export const later = 1;\n' });
    commitAll(repo.root, 'later\n\nSpec-Task: .kiro/specs/demo/6');
    const { code, result } = await impact('base..HEAD', '--fail-on', 'suspect');
    expect(code).toBe(0);
    expect(result).toMatchObject({ commits: 1, suspect: [], newLinks: 1 });
  });

  it('bad ranges and folders: clear messages, no crash', async () => {
    const missing = await cli('impact', 'nope..HEAD', '--folder', repo.root);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot resolve nope to a commit') });
    expect((await cli('impact', 'HEAD', '--folder', repo.root)).code).toBe(2);
    expect((await cli('impact', '--fail-on', 'everything', 'a..b', '--folder', repo.root)).code).toBe(2);
    expect((await cli('impact', '--upload-pack=x..HEAD', '--folder', repo.root)).code).not.toBe(0);
    const weird = await cli('impact', '-x..HEAD', '--folder', repo.root);
    expect(weird.code).not.toBe(0);
    // Not a git repository.
    rmSync(path.join(repo.root, '.git'), { recursive: true, force: true });
    expect(await cli('impact', 'a..b', '--folder', repo.root)).toMatchObject({ code: 1, stderr: expect.stringContaining('not in a git repository') });
  });

  it('a shallow clone without the base says to fetch more history', async () => {
    const base = git(repo.root, 'rev-parse', 'HEAD~2').trim();
    const cloneDir = tempDir('specdeck-impact-shallow-');
    try {
      const clone = cloneRepo(repo.root, path.join(cloneDir.path, 'repo'), '--depth', '1');
      const r = await cli('impact', `${base}..HEAD`, '--folder', clone);
      expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot resolve .* shallow clone: fetch more history/) });
    } finally {
      cloneDir.remove();
    }
  });

  it('a detached HEAD and head not checked out: answered, with a note', async () => {
    git(repo.root, 'tag', 'base', 'HEAD~1');
    git(repo.root, 'checkout', '-q', '--detach', 'HEAD~1');
    writeFileSync(path.join(repo.root, 'untracked.txt'), 'x');
    const { code, result, err } = await impact('base..main');
    expect(code).toBe(0);
    expect(result.commits).toBe(1);
    expect(err).toMatch(/main is not checked out/);
  });
});
