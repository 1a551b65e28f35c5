// `npm run bench`: runs every benchmark in scripts/bench/ in turn. Each prints its own figures and
// the reference it is compared with; nothing here asserts a time.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const benches = readdirSync('scripts/bench').filter((f) => f.endsWith('.ts')).sort()
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `scripts/bench/${file}`], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
