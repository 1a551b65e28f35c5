// Evidence costs, each beside `git log` of the same range as the reference:
//  - `specdeck check` (with evidence) on the largest corpus repository, made a git repository
//    with history, on a fresh clone (no link store: links rebuilt from git and the files);
//  - `specdeck impact <base>..HEAD` over 1,000 commits;
//  - `specdeck check` on a 50,000-commit history (it must answer, not crash);
//  - `specdeck check` on the bench's generated 100,000-file tree (a git repository with a small Kiro
//    spec), beside `git ls-files` and a plain walk of the same tree: evidence reads the tree for
//    comment tags and citing tests, and must cost about a walk that reads, not minutes.
// Histories are written with `git fast-import` (one process, not one per commit).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const scratch = mkdtempSync(path.join(tmpdir(), 'specdeck-bench-evidence-'));
process.env.SPECDECK_DATA_DIR = path.join(scratch, 'data');

const { runCli } = await import('../../electron/cli/main');
const { generatedTree, GENERATED_FILES } = await import('./index/trees');
const { percentile } = await import('./index/measure');

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@e', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@e' };
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 29, env: gitEnv });
}

/** `root` made a git repository of one commit holding all it has. */
function commitAll(root: string, message: string): void {
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
}

/** A copy of the bundled sample project, committed, under the scratch folder. */
function sampleRepository(name: string): string {
  const root = path.join(scratch, name);
  cpSync(path.join(repoRoot, 'resources/sample-project'), root, { recursive: true });
  commitAll(root, 'sample');
  return root;
}

const median = (samples: number[]) => percentile(samples, 50);

function timeMs(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

async function timeCli(...args: string[]): Promise<{ ms: number; out: string }> {
  const out: string[] = [];
  const t0 = performance.now();
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  const ms = performance.now() - t0;
  // `check` exits 1 when the specs have errors (the corpus has some): an answer, not a failure.
  if (code !== 0 && !(args[0] === 'check' && code === 1 && out.length > 0)) throw new Error(`specdeck ${args.join(' ')} exited ${code}: ${err.join('\n')}`);
  return { ms, out: out.join('\n') };
}

function largestCorpusRepo(): string | null {
  let best: { dir: string; bytes: number } | null = null;
  const size = (p: string): number => {
    const info = statSync(p);
    return info.isDirectory() ? readdirSync(p).reduce((n, name) => n + size(path.join(p, name)), 0) : info.size;
  };
  for (const kind of ['kiro', 'speckit', 'openspec']) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(corpus, kind));
    } catch {
      continue;
    }
    for (const name of names) {
      const dir = path.join(corpus, kind, name);
      if (!statSync(dir).isDirectory()) continue;
      const bytes = size(dir);
      if (!best || bytes > best.bytes) best = { dir, bytes };
    }
  }
  return best?.dir ?? null;
}

/**
 * Appends `count` commits with fast-import: commit i rewrites src/work-(i % files).ts; every
 * `trailerEvery`-th carries a Spec-Task trailer for one of `keys`.
 */
function addHistory(root: string, count: number, keys: string[], trailerEvery: number, files = 50): void {
  const head = git(root, 'rev-parse', 'HEAD').trim();
  const chunks: string[] = [];
  const time = 1_700_000_000;
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 20 }, (_, j) => `export const v${j} = ${(i * 7 + j) % 1000};`).join('\n') + '\n';
    const trailer = keys.length > 0 && i % trailerEvery === 0 ? `\n\nSpec-Task: ${keys[(i / trailerEvery) % keys.length]}` : '';
    const message = `work ${i}${trailer}\n`;
    chunks.push(
      `commit refs/heads/main\ncommitter Bench <b@e> ${time + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}${i === 0 ? `from ${head}\n` : ''}M 100644 inline src/work-${i % files}.ts\ndata ${Buffer.byteLength(body)}\n${body}\n`,
    );
  }
  const run = spawnSync('git', ['fast-import', '--quiet'], { cwd: root, input: chunks.join(''), env: gitEnv, maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`fast-import failed: ${run.stderr}`);
  git(root, 'checkout', '-q', '-f', 'main');
}

async function specKeys(root: string): Promise<string[]> {
  const { out } = await timeCli('tasks', root, '--json');
  const specs = JSON.parse(out) as Array<{ id: string; tasks: Array<{ id: string }> }>;
  return specs.flatMap((s) => s.tasks.slice(0, 2).map((t) => `${s.id}/${t.id}`)).slice(0, 20);
}

const gitLogNames = (root: string, range: string) => () => git(root, 'log', '--name-only', '--format=%H %s', range, '--', '.');

async function checkOnCorpus() {
  const source = largestCorpusRepo();
  if (!source) return console.log('check on the corpus: skipped, ../shared/corpus not found');
  const origin = path.join(scratch, 'corpus-origin');
  cpSync(source, origin, { recursive: true });
  commitAll(origin, 'corpus');
  addHistory(origin, 1000, await specKeys(origin), 50);
  const clone = path.join(scratch, 'corpus-clone');
  git(scratch, 'clone', '-q', `file://${origin}`, clone);
  const files = git(clone, 'ls-files').split('\n').length - 1;
  const runs: number[] = [];
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    rmSync(process.env.SPECDECK_DATA_DIR!, { recursive: true, force: true }); // each run a fresh clone's: no store
    const r = await timeCli('check', clone, '--json');
    runs.push(r.ms);
    findings = (JSON.parse(r.out) as { findings: Array<{ code: string }> }).findings.filter((f) => f.code.startsWith('done-')).length;
  }
  const reference = [0, 1, 2].map(() => timeMs(gitLogNames(clone, 'HEAD')));
  // The app's case: one session asks again after a tick (history and blames kept for HEAD).
  const { Session } = await import('../../electron/core/session');
  const session = await Session.open(clone);
  const ids = (await session.specs.all()).filter((s) => s.tasks.length > 0).map((s) => s.id);
  let t0 = performance.now();
  await session.evidence.forSpecs(ids);
  const cold = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    await session.evidence.forSpecs(ids);
    warm.push(performance.now() - t0);
  }
  await session.close();
  console.log(`specdeck check with evidence, largest corpus repository (${path.basename(source)}: ${files} files, 1,001 commits, 20 trailer commits; fresh clone, no link store; ${findings} done-* findings):`);
  console.log(`  specdeck check --json: median ${median(runs).toFixed(0)} ms`);
  console.log(`  reference, git log --name-only HEAD (the same history): median ${median(reference).toFixed(0)} ms  → ratio ${(median(runs) / median(reference)).toFixed(1)}×`);
  console.log(`  in the app (one session, all ${ids.length} specs): first ${cold.toFixed(0)} ms, again after a change median ${median(warm).toFixed(0)} ms  → ratio ${(median(warm) / median(reference)).toFixed(1)}× git log`);
}

async function impactOver1000() {
  const root = sampleRepository('impact');
  git(root, 'tag', 'base');
  addHistory(root, 1000, ['.kiro/specs/todo-cli/2.1', '.kiro/specs/todo-cli/2.2'], 100);
  const runs: number[] = [];
  let suspect = 0;
  for (let i = 0; i < 3; i++) {
    rmSync(process.env.SPECDECK_DATA_DIR!, { recursive: true, force: true });
    const r = await timeCli('impact', 'base..HEAD', '--folder', root, '--json');
    runs.push(r.ms);
    suspect = (JSON.parse(r.out) as { suspect: unknown[] }).suspect.length;
  }
  const reference = [0, 1, 2].map(() => timeMs(gitLogNames(root, 'base..HEAD')));
  console.log(`specdeck impact base..HEAD over 1,000 commits (sample project, 10 trailer commits, ${suspect} suspect links):`);
  console.log(`  specdeck impact --json: median ${median(runs).toFixed(0)} ms`);
  console.log(`  reference, git log --name-only base..HEAD: median ${median(reference).toFixed(0)} ms  → ratio ${(median(runs) / median(reference)).toFixed(1)}×`);
}

async function checkOn50000() {
  const root = sampleRepository('big-history');
  addHistory(root, 50_000, ['.kiro/specs/todo-cli/2.1'], 5000, 500);
  rmSync(process.env.SPECDECK_DATA_DIR!, { recursive: true, force: true });
  const r = await timeCli('check', root, '--json');
  const reference = timeMs(gitLogNames(root, 'HEAD'));
  console.log('specdeck check with evidence on a 50,000-commit history (sample project):');
  console.log(`  specdeck check --json: ${r.ms.toFixed(0)} ms`);
  console.log(`  reference, git log --name-only HEAD: ${reference.toFixed(0)} ms  → ratio ${(r.ms / reference).toFixed(1)}×`);
}

/** Every file under root (no .git), read or only listed: the plain walk the check is set beside. */
function plainWalk(root: string, read: boolean): number {
  let n = 0;
  const visit = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.name === '.git') continue;
      const p = path.join(dir, d.name);
      if (d.isDirectory()) visit(p);
      else if (d.isFile()) {
        if (read) readFileSync(p);
        n++;
      }
    }
  };
  visit(root);
  return n;
}

async function checkOnLargeTree() {
  const root = path.join(scratch, 'large-tree');
  cpSync(generatedTree().root, root, { recursive: true });
  mkdirSync(path.join(root, '.kiro/specs/demo'), { recursive: true });
  writeFileSync(path.join(root, '.kiro/specs/demo/requirements.md'), '# Requirements\n\n## Requirement 1\n\n**User Story:** As a user, I want a list, so that I can see it.\n\n#### Acceptance Criteria\n\n1. WHEN the list opens THEN the system SHALL show it\n');
  writeFileSync(path.join(root, '.kiro/specs/demo/tasks.md'), '# Tasks\n\n- [x] 1. Show the list in `README.md`\n  - _Requirements: 1.1_\n- [x] 2. Style it\n- [ ] 3. Page it\n');
  writeFileSync(path.join(root, 'README.md'), '# tree\n');
  commitAll(root, 'tree');
  const runs: number[] = [];
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    rmSync(process.env.SPECDECK_DATA_DIR!, { recursive: true, force: true }); // a fresh clone's: no store
    const r = await timeCli('check', root, '--json');
    runs.push(r.ms);
    findings = (JSON.parse(r.out) as { findings: Array<{ code: string }> }).findings.filter((f) => f.code.startsWith('done-')).length;
  }
  const lsFiles = [0, 1, 2].map(() => timeMs(() => git(root, 'ls-files')));
  const walk = [0, 1, 2].map(() => timeMs(() => plainWalk(root, false)));
  const walkRead = [0, 1, 2].map(() => timeMs(() => plainWalk(root, true)));
  const ratio = (ms: number) => `${(median(runs) / ms).toFixed(1)}×`;
  console.log(`specdeck check with evidence on the generated tree (${GENERATED_FILES} files + a 3-task Kiro spec, one commit, no link store; ${findings} done-* findings):`);
  console.log(`  specdeck check --json: median ${median(runs).toFixed(0)} ms`);
  console.log(`  reference, git ls-files: median ${median(lsFiles).toFixed(0)} ms  → ratio ${ratio(median(lsFiles))}`);
  console.log(`  reference, plain walk (readdir only): median ${median(walk).toFixed(0)} ms  → ratio ${ratio(median(walk))}`);
  console.log(`  reference, plain walk reading every file: median ${median(walkRead).toFixed(0)} ms  → ratio ${ratio(median(walkRead))}`);
}

try {
  await checkOnLargeTree();
  await checkOnCorpus();
  await impactOver1000();
  await checkOn50000();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
