// The folder named on a command line, for the first launch and for a second instance. Pure.
import path from 'node:path';

/**
 * `argv` is process.argv (or the argv a second instance hands over). When Electron runs a script
 * (`electron dist/electron/main.mjs <folder>`, `process.defaultApp`), argv[1] is that script;
 * in a packaged app argv[1] is already the user's first argument. Switches (`--foo`) are skipped:
 * Chromium adds its own to a second instance's argv.
 */
export function folderFromArgv(argv: readonly string[], options: { defaultApp: boolean; cwd: string }): string | null {
  const args = argv.slice(options.defaultApp ? 2 : 1);
  const folder = args.find((arg) => arg !== '' && !arg.startsWith('-'));
  return folder === undefined ? null : path.resolve(options.cwd, folder);
}
