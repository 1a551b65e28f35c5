// `npm run stress`: the races of issue 12 (scripts/stress/races.ts) against the real code,
// printing lost edits, refusals and outside accesses. `npm run stress -- 0.1` runs a tenth.
import { spawnSync } from 'node:child_process';

const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/stress/races.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
