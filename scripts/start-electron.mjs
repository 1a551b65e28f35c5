// `npm start [-- <folder>]`: the desktop app on <folder>, or on the bundled sample project (the
// main process picks that default, so a packaged app behaves the same). Where no Electron runtime
// can be had, say so in one line, point at the browser host, and exit 1: no stack trace.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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

const runtime = findElectronRuntime();
if (!runtime.ok) {
  fail(`the Electron runtime is not available on this machine (${runtime.reason}). Run \`npm run serve\` to use Specdeck in your browser.`);
}
if (!existsSync(mainBundle)) fail('the app is not built yet. Run `npm run build` first.');
const abi = betterSqliteAbi();
if (abi.module !== null && abi.electron !== null && abi.module !== abi.electron) {
  fail(
    `better-sqlite3 is built for Node (ABI ${abi.module}), Electron needs ABI ${abi.electron}. ` +
      'Run `npx electron-builder install-app-deps` to rebuild it for Electron (and `npm rebuild better-sqlite3` before running the Node tests again), or run `npm run serve`.',
  );
}

const args = [mainBundle, ...(folder ? [path.resolve(folder)] : [])];
const child = spawn(runtime.path, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
child.on('error', (error) => fail(`could not start Electron (${error.message}). Run \`npm run serve\` to use Specdeck in your browser.`));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
