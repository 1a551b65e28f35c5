// `npm run bench -- cli`: the cold `specdeck` command on an indexed tree, beside the tools a script
// would otherwise call on the same tree in the same run: `specdeck search` against `rg -F`,
// `specdeck files` against `git ls-files`, `specdeck tasks` / `check` against `node -e 0` (the
// floor of any Node program); `specs` beside `node -e 0` too. Each command is a fresh process, as
// in CI. Asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { rgPath } from '@vscode/ripgrep';
import { BENCH_ROOT, benchTrees, type BenchTree } from './index/trees';
import { percentile, RIPGREP_ARGS } from './index/measure';

const repo = path.resolve(import.meta.dirname, '../..');
const specdeck = path.join(repo, 'bin/specdeck.mjs');
const RUNS = Number(process.env.SPECDECK_BENCH_CLI_RUNS ?? 5);
const f1 = (n: number) => n.toFixed(1);

// A query that matches somewhere but not everywhere, and a fuzzy one, per tree.
const CASES: Record<string, { search: string; files: string }> = {
  'generated-100k': { search: 'sessionCache', files: 'OrderItem' },
  node_modules: { search: 'ZodError', files: 'zodtypes' },
  'monaco-editor': { search: 'registerLanguage', files: 'editor.api' },
};

interface Run {
  ms: number;
  code: number | null;
  lines: number;
}

/** Wall time of one process, its stdout drained through a pipe (ripgrep stops early on /dev/null). */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'ignore'] });
  let lines = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ ms: performance.now() - started, code, lines })));
}

/** p50 of RUNS runs after one warm-up run (the page cache warm for both sides). */
async function p50(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  await run(command, args, cwd, env);
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run(command, args, cwd, env));
  const ms = percentile(runs.map((r) => r.ms), 50);
  return { ms, code: runs[0]!.code, lines: runs[0]!.lines };
}

interface Row {
  tree: string;
  command: string;
  value: string;
  reference: string;
}
const rows: Row[] = [];

async function benchTree(tree: BenchTree): Promise<void> {
  console.log(`\n--- ${tree.name}: ${tree.note} (${tree.root})`);
  const env = { ...process.env, SPECDECK_DATA_DIR: path.join(BENCH_ROOT, `cli-data-${tree.name}`) };
  // SPECDECK_BENCH_KEEP_INDEX=1 keeps the last run's index (the 100k tree takes minutes to index
  // on a loaded machine): `specdeck index` below then only refreshes it.
  if (process.env.SPECDECK_BENCH_KEEP_INDEX !== '1') rmSync(env.SPECDECK_DATA_DIR, { recursive: true, force: true });
  const cases = CASES[tree.name]!;

  // The index from nothing, through the CLI (its own figure), then the cold commands on it.
  const built = await run(process.execPath, [specdeck, 'index', tree.root], repo, env);
  const how = process.env.SPECDECK_BENCH_KEEP_INDEX === '1' ? 'refreshing the kept index' : 'from nothing';
  console.log(`  specdeck index (${how}): ${f1(built.ms)} ms (exit ${built.code})`);

  // git ls-files needs a repository: kept beside the tree (--git-dir), so the tree stays the one
  // the index benches read, and built once (the marker is the git dir itself).
  const gitDir = path.join(BENCH_ROOT, `git-${tree.name}`);
  const git = ['--git-dir', gitDir, '--work-tree', tree.root];
  if (!existsSync(path.join(gitDir, 'index'))) {
    rmSync(gitDir, { recursive: true, force: true });
    spawnSync('git', ['init', '-q', '--bare', gitDir]);
    const added = spawnSync('git', [...git, 'add', '-A', '.'], { cwd: tree.root, stdio: 'ignore' });
    if (added.status !== 0) console.log('  (git add failed: the git ls-files reference is not meaningful)');
  }

  const node = await p50(process.execPath, ['-e', '0'], repo, env);
  const measure = async (label: string, args: string[], refLabel: string, ref: Run) => {
    const ours = await p50(process.execPath, [specdeck, ...args], repo, env);
    const value = `${f1(ours.ms)} ms (exit ${ours.code}, ${ours.lines} lines)`;
    const reference = `${refLabel} ${f1(ref.ms)} ms (${ref.lines} lines), ratio ${f1(ours.ms / ref.ms)}×; node -e 0 ${f1(node.ms)} ms`;
    rows.push({ tree: tree.name, command: label, value, reference });
    console.log(`  ${label}: ${value}   (${reference})`);
  };
  const rg = await p50(rgPath, [...RIPGREP_ARGS, '--regexp', cases.search, '.'], tree.root, env);
  await measure(`specdeck search ${cases.search}`, ['search', tree.root, cases.search], `rg -F -i`, rg);
  const lsFiles = await p50('git', [...git, 'ls-files'], tree.root, env);
  await measure(`specdeck files ${cases.files}`, ['files', tree.root, cases.files], 'git ls-files', lsFiles);
  await measure('specdeck specs', ['specs', tree.root], 'node -e 0', node);
  await measure('specdeck tasks', ['tasks', tree.root], 'node -e 0', node);
  await measure('specdeck check', ['check', tree.root], 'node -e 0', node);
}

// The CLI as it ships: bin/specdeck.mjs running the dist/cli bundle, rebuilt now (node bundles only).
const build = spawnSync(process.execPath, ['scripts/build.mjs', 'node'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) throw new Error('building the CLI bundle failed');
mkdirSync(BENCH_ROOT, { recursive: true });
for (const tree of benchTrees(repo)) await benchTree(tree.build());

console.log('\n=== cold CLI summary (p50 of ' + RUNS + ' runs after a warm-up) ===');
const cols: (keyof Row)[] = ['tree', 'command', 'value', 'reference'];
const width = (k: keyof Row) => Math.max(...rows.map((r) => r[k].length), k.length);
console.log(cols.map((c) => c.padEnd(width(c))).join(' | '));
for (const r of rows) console.log(cols.map((c) => r[c].padEnd(width(c))).join(' | '));
