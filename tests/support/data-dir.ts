// A fresh SPECDECK_DATA_DIR (index databases, link stores, the recent list) for one test file, set
// before that file's own beforeAll hooks run (call this first) and put back after them.
import { afterAll, beforeAll } from 'vitest';
import { tempDir, type TempDir } from './temp-workspace';

export function useTempDataDir(prefix = 'specdeck-data-'): { readonly path: string } {
  const before = process.env.SPECDECK_DATA_DIR;
  let dir: TempDir | null = null;
  beforeAll(() => {
    dir = tempDir(prefix);
    process.env.SPECDECK_DATA_DIR = dir.path;
  });
  // After hooks run last-registered first: this one after the file's, once its hosts are closed.
  afterAll(() => {
    dir?.remove();
    if (before === undefined) delete process.env.SPECDECK_DATA_DIR;
    else process.env.SPECDECK_DATA_DIR = before;
  });
  return {
    get path() {
      if (!dir) throw new Error('useTempDataDir: read before its beforeAll ran');
      return dir.path;
    },
  };
}
