// `specdeck new <folder> --format kiro|speckit|openspec <name>`: a spec from the UI's templates.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { specTemplate } from '../../../shared/specs/formats/registry';
import { cliInProcess } from '../../support/cli-in-process';
import { runSpecdeck } from '../../support/cli-process';
import { tempDir, type TempDir } from '../../support/temp-workspace';

let dir: TempDir;
let outside: TempDir;

const cli = cliInProcess;

beforeEach(() => {
  dir = tempDir();
  outside = tempDir();
});
afterEach(() => {
  dir.remove();
  outside.remove();
});

describe('specdeck new', () => {
  it('creates a Kiro spec from the same template as the UI, which `specs` then lists', async () => {
    const made = await cli('new', dir.path, '--format', 'kiro', 'Login Flow');
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Created .kiro/specs/login-flow (Kiro)');
    const template = specTemplate('kiro')!.create('login-flow', []);
    for (const file of template.files) expect(readFileSync(path.join(dir.path, file.path), 'utf8')).toBe(file.content);
    const listed = JSON.parse((await cli('specs', dir.path, '--json')).stdout) as { id: string; format: string; requirements: number }[];
    expect(listed).toEqual([expect.objectContaining({ id: '.kiro/specs/login-flow', format: 'kiro', requirements: 2 })]);
  });

  it('numbers Spec Kit specs after the ones present, and creates OpenSpec changes with a delta', async () => {
    mkdirSync(path.join(dir.path, 'specs/004-old'), { recursive: true });
    writeFileSync(path.join(dir.path, 'specs/004-old/spec.md'), '# Feature Specification: Old\n');
    const sk = await cli('new', dir.path, '--format', 'speckit', 'upload', '--json');
    expect(sk.code).toBe(0);
    expect(JSON.parse(sk.stdout)).toEqual({ id: 'specs/005-upload', format: 'speckit', files: ['specs/005-upload/spec.md', 'specs/005-upload/plan.md', 'specs/005-upload/tasks.md'] });
    const os = await cli('new', dir.path, '--format', 'openspec', 'add-search');
    expect(os.code).toBe(0);
    expect(existsSync(path.join(dir.path, 'openspec/changes/add-search/specs/add-search/spec.md'))).toBe(true);
    const formats = (JSON.parse((await cli('specs', dir.path, '--json')).stdout) as { id: string; format: string }[]).map((s) => `${s.id} ${s.format}`);
    expect(formats).toEqual(['openspec/changes/add-search openspec-change', 'specs/004-old speckit', 'specs/005-upload speckit']);
  });

  it('refuses an existing spec and changes nothing in it', async () => {
    expect((await cli('new', dir.path, '--format', 'kiro', 'login')).code).toBe(0);
    const tasks = path.join(dir.path, '.kiro/specs/login/tasks.md');
    writeFileSync(tasks, '- [x] 1. Mine\n');
    const again = await cli('new', dir.path, '--format', 'kiro', 'login');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('specdeck new: .kiro/specs/login already exists: pick another name');
    expect(readFileSync(tasks, 'utf8')).toBe('- [x] 1. Mine\n');
  });

  it('names the formats when --format is unknown or missing (exit 2)', async () => {
    const unknown = await cli('new', dir.path, '--format', 'rst', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown format 'rst'; choose one of kiro, speckit, openspec");
    expect(unknown.stderr).toContain('Usage: specdeck new <folder> --format kiro|speckit|openspec <name>');
    const missing = await cli('new', dir.path, 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--format is required');
    expect(existsSync(path.join(dir.path, '.kiro'))).toBe(false);
  });

  it('refuses a name that is a path or has nothing to name a folder with (exit 2)', async () => {
    for (const name of ['../escape', 'a/b', '..', '!!!']) {
      const result = await cli('new', dir.path, '--format', 'kiro', name);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(/must not be a path|no letters or digits/);
    }
    expect(existsSync(path.join(dir.path, '.kiro'))).toBe(false);
  });

  it('refuses a layout folder that links outside the workspace, writing nothing there', async () => {
    symlinkSync(outside.path, path.join(dir.path, '.kiro'));
    const result = await cli('new', dir.path, '--format', 'kiro', 'login');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^specdeck new: Path leads outside the workspace through a link: \.kiro\/specs\/login/);
    expect(existsSync(path.join(outside.path, 'specs'))).toBe(false);
  });

  it('works as the built command, and a missing folder is a clear error', () => {
    const built = runSpecdeck(['new', dir.path, '--format', 'openspec', 'tidy-up']);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('Created openspec/changes/tidy-up (OpenSpec change)');
    const missing = runSpecdeck(['new', path.join(dir.path, 'nope'), '--format', 'kiro', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`specdeck new: No such folder: ${path.join(dir.path, 'nope')}`);
  });
});
