#!/usr/bin/env node
// Entry point of the `specdeck` command: runs the CLI bundle that `npm ci` built (prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/specdeck.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('specdeck: the CLI is not built yet. Run `npm run build` (npm ci does it for you).\n');
  process.exit(1);
}
// `specdeck tasks . | head` closes our stdout early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { runCli } = await import(bundle);
process.exitCode = await runCli(process.argv.slice(2));
