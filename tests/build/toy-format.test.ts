// `specdeck specs|tasks|check` of a CLI built with one extra start-up module that registers a toy
// format (tests/support/toy-format/): the format is listed through the product's own code paths.
// The standard build, without that module, does not know it.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWithToyFormat } from '../support/toy-format/build-with-toy';
import { runSpecdeck } from '../support/cli-process';
import { repoRoot, tempDir, type TempDir } from '../support/temp-workspace';

let dir: TempDir;
let bin: string;

beforeAll(async () => {
  dir = tempDir();
  cpSync(path.join(repoRoot, 'tests/support/toy-format/fixture'), dir.path, { recursive: true });
  ({ bin } = await buildWithToyFormat('cli', { renderer: false }));
}, 120_000);
afterAll(() => dir.remove());

describe('a toy format registered at start-up', () => {
  it('is listed by `specdeck specs`', () => {
    const { code, stdout, stderr } = runSpecdeck(['specs', dir.path, '--json'], {}, bin);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        id: '.toyspec/greeter',
        format: 'toy',
        title: 'Wishes of greeter',
        folder: '.toyspec/greeter',
        archived: false,
        tasks: { total: 2, done: 1, inProgress: 0, optional: 0, unknown: 0 },
        requirements: 2,
        coverage: { covered: 2, total: 2 },
        diagnostics: { errors: 0, warnings: 1, total: 1 },
      },
    ]);
    expect(runSpecdeck(['specs', dir.path], {}, bin).stdout).toContain('.toyspec/greeter  [toy]  Wishes of greeter');
  });

  it('has its tasks listed and checked like any spec', () => {
    const tasks = runSpecdeck(['tasks', dir.path, '--json'], {}, bin);
    expect(tasks.code).toBe(0);
    expect(tasks.stdout).toContain('Write the farewell');
    const check = runSpecdeck(['check', dir.path, '--json'], {}, bin);
    const codes = (JSON.parse(check.stdout) as { findings: { code: string }[] }).findings.map((d) => d.code);
    expect(codes).toContain('dangling-reference');
  });

  it('is unknown to the standard build', () => {
    const { code, stdout } = runSpecdeck(['specs', dir.path, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });
});
