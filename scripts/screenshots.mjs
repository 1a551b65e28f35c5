// Refreshes the README's screenshots (docs/screenshots) from a real e2e run in Chromium.
// `npm test` takes the same screenshots into a temporary folder, so it never rewrites tracked files.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, SPECDECK_SCREENSHOTS_DIR: 'docs/screenshots' };
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync('npx', ['vitest', 'run', '--project', 'e2e'], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
