// Temporary copies of the sample project (or empty folders) for tests; removed afterwards.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sampleProject = path.join(repoRoot, 'resources', 'sample-project');

export interface TempDir {
  path: string;
  remove(): void;
}

export function tempDir(prefix = 'specdeck-test-'): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    path: dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}.specdeck-data`, { recursive: true, force: true }); // see cli-process.serve
    },
  };
}

/** A fresh copy of resources/sample-project in a temporary folder. */
export function copyOfSampleProject(): TempDir {
  const dir = tempDir('specdeck-sample-');
  cpSync(sampleProject, dir.path, { recursive: true });
  return dir;
}
