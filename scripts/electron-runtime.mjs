// Finds the Electron executable the `electron` npm package points at, without throwing.
// The package downloads its binary on install; where that was impossible, require('electron')
// throws. ELECTRON_OVERRIDE_DIST_PATH (honoured by the package itself) points it at a binary.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @returns {{ ok: true, path: string } | { ok: false, reason: string }} */
export function findElectronRuntime() {
  const require = createRequire(import.meta.url);
  let executable;
  try {
    executable = require('electron');
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    // The package's own advice (reinstall) cannot help offline; name the cause instead.
    const reason = /failed to install correctly/i.test(message)
      ? 'the electron package is installed but its binary was never downloaded'
      : `the electron package could not be loaded: ${message}`;
    return { ok: false, reason };
  }
  if (typeof executable !== 'string') return { ok: false, reason: 'the electron package did not name an executable' };
  if (!existsSync(executable)) return { ok: false, reason: `no Electron executable at ${executable}` };
  return { ok: true, path: executable };
}

/**
 * better-sqlite3 is compiled against one ABI (`npm ci` builds it for Node). Electron loads it only
 * when that is Electron's ABI. Returns both numbers (null when unknown) so callers can explain a
 * mismatch instead of letting Electron crash on the import.
 * @returns {{ module: number | null, electron: number | null }}
 */
export function betterSqliteAbi() {
  const require = createRequire(import.meta.url);
  const read = (fn) => {
    try {
      return fn();
    } catch {
      return null;
    }
  };
  const binary = read(() => readFileSync(path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node')));
  const match = binary ? /node_register_module_v(\d+)/.exec(binary.toString('latin1')) : null;
  const electron = read(() => Number.parseInt(readFileSync(path.join(path.dirname(require.resolve('electron/package.json')), 'abi_version'), 'utf8'), 10));
  return { module: match ? Number(match[1]) : null, electron: Number.isFinite(electron) ? electron : null };
}
