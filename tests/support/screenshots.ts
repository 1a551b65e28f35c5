// Where the e2e run puts its screenshots. `npm test` must not modify tracked files, so by default
// they go to a temporary folder (still taken, so a broken screenshot path fails the run);
// `npm run screenshots` sets SPECDECK_SCREENSHOTS_DIR=docs/screenshots to refresh the README's.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './temp-workspace';

export function screenshotDir(): string {
  const chosen = process.env.SPECDECK_SCREENSHOTS_DIR;
  const dir = chosen ? path.resolve(repoRoot, chosen) : path.join(os.tmpdir(), 'specdeck-e2e-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function screenshotPath(name: string): string {
  return path.join(screenshotDir(), name);
}
