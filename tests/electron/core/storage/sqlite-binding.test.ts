// SPECDECK_SQLITE_BINDING picks the better-sqlite3 binary every database is opened with (the
// desktop app points it at a build for Electron's ABI): shown by the CLI honouring a good path and
// failing, clearly, on a missing one.
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runSpecdeck } from '../../../support/cli-process';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

const nodeBuild = path.join(path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
let dir: TempDir;
let data: TempDir;

beforeEach(() => {
  dir = tempDir();
  data = tempDir();
  writeFileSync(path.join(dir.path, 'a.txt'), 'hello binding\n');
});
afterEach(() => {
  dir.remove();
  data.remove();
});

it('opens the index with the binary it names', () => {
  const { code, stdout } = runSpecdeck(['search', dir.path, 'binding'], { SPECDECK_DATA_DIR: data.path, SPECDECK_SQLITE_BINDING: nodeBuild });
  expect(code).toBe(0);
  expect(stdout).toContain('a.txt:1:7');
});

it('fails, naming the binary, when it does not exist', () => {
  const missing = path.join(data.path, 'no-such', 'better_sqlite3.node');
  const { code, stdout, stderr } = runSpecdeck(['search', dir.path, 'binding'], { SPECDECK_DATA_DIR: data.path, SPECDECK_SQLITE_BINDING: missing });
  expect(code).not.toBe(0);
  expect(stdout + stderr).toContain(missing);
});
