// `npm start` where no Electron binary can be had: a short message naming `npm run serve`,
// a non-zero exit, and no stack trace.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { betterSqliteAbi, findElectronRuntime } from '../../scripts/electron-runtime.mjs';
import { repoRoot } from '../support/temp-workspace';

function npmStart(env: NodeJS.ProcessEnv, folder?: string) {
  const args = ['start', ...(folder ? ['--', folder] : [])];
  const result = spawnSync('npm', args, { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function expectCleanRefusal({ status, output }: { status: number | null; output: string }) {
  expect(status).not.toBe(0);
  expect(status).not.toBeNull(); // it exited by itself, not by our timeout
  expect(output).toContain('Specdeck: the Electron runtime is not available on this machine');
  expect(output).toContain('npm run serve');
  expect(output).not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m); // no stack frames
  expect(output).not.toMatch(/\b(Type|Reference|Syntax)?Error: /);
  // Truthful order (issue 12, finding 12): that there is no runtime comes first, before any
  // mention of a download; a download is never announced as if it were under way and then denied.
  const lines = output.split('\n').filter((line) => line.startsWith('Specdeck:'));
  expect(lines[0]).toMatch(/^Specdeck: the Electron runtime is not installed \(/);
  expect(output).not.toContain('downloading the Electron runtime');
}

describe('npm start without an Electron runtime', () => {
  it('refuses cleanly when ELECTRON_OVERRIDE_DIST_PATH names no binary (any machine)', () => {
    const result = npmStart({ ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-dist' }, 'resources/sample-project');
    expectCleanRefusal(result);
    expect(result.output).not.toMatch(/download/i); // the user named a binary: nothing to fetch
  });

  const runtime = findElectronRuntime();
  if (runtime.ok) console.warn(`start-electron: an Electron binary exists (${runtime.path}); the "not installed" case was skipped.`);
  it.skipIf(runtime.ok)('refuses cleanly when the electron package never downloaded its binary', () => {
    expectCleanRefusal(npmStart({ ELECTRON_OVERRIDE_DIST_PATH: '' }));
  });
});

describe('native module ABI preflight', () => {
  it('reads the ABI better-sqlite3 was built for and the one Electron needs', () => {
    const abi = betterSqliteAbi();
    // `npm ci` builds better-sqlite3 for the Node running the tests.
    expect(abi.module).toBe(Number(process.versions.modules));
    const electronAbi = Number(readFileSync(path.join(repoRoot, 'node_modules/electron/abi_version'), 'utf8'));
    expect(abi.electron).toBe(electronAbi);
    expect(abi.electron).toBeGreaterThan(100);
  });
});
