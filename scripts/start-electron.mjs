// `npm start [-- <folder>]`: the desktop app on <folder>, or on the bundled sample project (the
// main process picks that default, so a packaged app behaves the same). Where no Electron runtime
// can be had, say so (before trying to download one, and after), point at the browser host, and
// exit 1: no stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { betterSqliteAbi, findElectronRuntime } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mainBundle = path.join(root, 'dist', 'electron', 'main.mjs');
const folder = process.argv[2];

function fail(message) {
  process.stderr.write(`Specdeck: ${message}\n`);
  process.exit(1);
}

let runtime = findElectronRuntime();
if (!runtime.ok) {
  // Say what is true now, before trying anything: there is no runtime yet.
  process.stderr.write(`Specdeck: the Electron runtime is not installed (${runtime.reason}).\n`);
  // package.json keeps the electron package's download off during `npm ci` (it fails the whole
  // install where its host cannot be reached); fetch the binary now, once, with its own installer.
  // A binary named by ELECTRON_OVERRIDE_DIST_PATH is the user's: nothing to download then.
  const installer = path.join(path.dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
  if (existsSync(installer) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    process.stderr.write('Specdeck: trying to download it (once; this needs access to Electron\'s downloads)…\n');
    const download = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 10 * 60_000 });
    runtime = findElectronRuntime();
    if (!runtime.ok) {
      const why = (download.error?.message ?? `${download.stderr ?? ''}`.trim().split('\n').find((line) => /error/i.test(line)) ?? '').trim();
      runtime = { ok: false, reason: `the download failed${why ? `: ${why.slice(0, 200)}` : ''}` };
    }
  }
}
if (!runtime.ok) {
  fail(`the Electron runtime is not available on this machine (${runtime.reason}). Run \`npm run serve\` to use Specdeck in your browser.`);
}
if (!existsSync(mainBundle)) fail('the app is not built yet. Run `npm run build` first.');
const sqliteBinding = electronSqliteBinding();

const args = [mainBundle, ...(folder ? [path.resolve(folder)] : [])];
const env = { ...process.env, ELECTRON_RUN_AS_NODE: undefined, ...(sqliteBinding ? { SPECDECK_SQLITE_BINDING: sqliteBinding } : {}) };
const child = spawn(runtime.path, args, { stdio: 'inherit', cwd: root, env });
child.on('error', (error) => fail(`could not start Electron (${error.message}). Run \`npm run serve\` to use Specdeck in your browser.`));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));

/**
 * better-sqlite3 as `npm ci` built it runs on Node's ABI; Electron needs its own. Build a second
 * copy for Electron once, keep it beside the Node one (build/electron-abi<N>/), and leave the Node
 * build in place so `npm test` and the CLI keep working. Returns its path, or null when the Node
 * build already suits Electron.
 */
function electronSqliteBinding() {
  const abi = betterSqliteAbi();
  if (abi.module === null || abi.electron === null || abi.module === abi.electron) return null;
  const moduleDir = path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  const nodeBuild = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  const electronBuild = path.join(moduleDir, 'build', `electron-abi${abi.electron}`, 'better_sqlite3.node');
  if (existsSync(electronBuild)) return electronBuild;
  // electron-builder's @electron/rebuild (and its node-abi) require Node >= 22.12: say so rather
  // than let it fail halfway (README, Requirements).
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    fail(`building better-sqlite3 for Electron (once) needs Node.js >= 22.12 (electron-builder's @electron/rebuild); this is Node ${process.versions.node}. Run \`npm start\` once with Node >= 22.12, or \`npm run serve\` to use Specdeck in your browser.`);
  }
  process.stderr.write(`Specdeck: building better-sqlite3 for Electron (ABI ${abi.electron}, once)…\n`);
  const backup = `${nodeBuild}.node-abi${abi.module}`;
  copyFileSync(nodeBuild, backup);
  let built = false;
  try {
    const builder = path.join(root, 'node_modules', '.bin', 'electron-builder');
    const run = spawnSync(builder, ['install-app-deps'], { cwd: root, stdio: 'inherit' });
    const abiOfBuild = existsSync(nodeBuild) ? /node_register_module_v(\d+)/.exec(readFileSync(nodeBuild).toString('latin1')) : null;
    built = run.status === 0 && abiOfBuild !== null && Number(abiOfBuild[1]) === abi.electron;
    if (built) {
      mkdirSync(path.dirname(electronBuild), { recursive: true });
      copyFileSync(nodeBuild, electronBuild);
    }
  } finally {
    copyFileSync(backup, nodeBuild); // the Node build goes back where Node (tests, CLI) loads it
    rmSync(backup, { force: true });
  }
  if (!built) fail(`could not build better-sqlite3 for Electron (ABI ${abi.electron}). Run \`npm run serve\` to use Specdeck in your browser.`);
  return electronBuild;
}
