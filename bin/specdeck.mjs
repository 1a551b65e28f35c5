#!/usr/bin/env node
// Entry point of the `specdeck` command: runs the CLI bundle that `npm ci` built (prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/specdeck.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('specdeck: the CLI is not built yet. Run `npm run build` (npm ci does it for you).\n');
  process.exit(1);
}
const { runCli } = await import(bundle);
process.exitCode = await runCli(process.argv.slice(2));
