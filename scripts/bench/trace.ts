// Traceability costs: linking per save on a 1,000-line file (beside the plain diff and the plain
// write of the same texts), and `specdeck trace` on the largest corpus repository, made a git
// repository with trailer commits (beside `specdeck tasks`, which only parses the specs).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const scratch = mkdtempSync(path.join(tmpdir(), 'specdeck-bench-trace-'));
process.env.SPECDECK_DATA_DIR = path.join(scratch, 'data');

// Imported after SPECDECK_DATA_DIR is set.
const { Session } = await import('../../electron/core/session');
const { diffLines, splitLines } = await import('../../electron/core/trace/line-diff');
const { writeWorkspaceFile } = await import('../../electron/core/workspace/files');
const { hashBytes } = await import('../../electron/core/workspace/hash');
const { runCli } = await import('../../electron/cli/main');

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(2)} ms, p95 ${s[Math.floor(s.length * 0.95)]!.toFixed(2)} ms`;
}

function git(cwd: string, ...args: string[]) {
  return execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
}

async function linkingPerSave() {
  const root = path.join(scratch, 'save');
  mkdirSync(path.join(root, '.kiro/specs/demo'), { recursive: true });
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, '.kiro/specs/demo/requirements.md'), '### Requirement 1: A\n\n#### Acceptance Criteria\n\n1. THE system SHALL work\n');
  writeFileSync(path.join(root, '.kiro/specs/demo/tasks.md'), '- [ ] 1. Do it\n  - _Requirements: 1.1_\n');
  let text = Array.from({ length: 1000 }, (_, i) => `export const value${i} = compute(${i}, 'some text to make the line realistic');`).join('\n') + '\n';
  writeFileSync(path.join(root, 'src/big.ts'), text);
  const session = await Session.open(root);
  const { tasksHash } = await session.specs.get('.kiro/specs/demo');
  await session.trace.start('.kiro/specs/demo', '1', tasksHash!);

  const linking: number[] = [];
  const diffing: number[] = [];
  const writing: number[] = [];
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 300; i++) {
    const lines = splitLines(text);
    const at = Math.floor(random() * lines.length);
    if (i % 2 === 0) lines[at] = `// edited ${i}`;
    else lines.splice(at, 0, `// inserted ${i}`);
    const next = lines.join('\n') + '\n';
    let t0 = performance.now();
    diffLines(splitLines(text), splitLines(next));
    diffing.push(performance.now() - t0);
    const before = session.trace.textBeforeSave('src/big.ts', { bytes: Buffer.from(text) }); // what fs.write does first (from the bytes it read)
    t0 = performance.now();
    await writeWorkspaceFile(session.workspace, 'src/big.ts', next, hashBytes(Buffer.from(text)));
    writing.push(performance.now() - t0);
    t0 = performance.now();
    await session.trace.onSaved('src/big.ts', before, next);
    linking.push(performance.now() - t0);
    text = next;
  }
  const links = session.trace.store.byPath('src/big.ts').length;
  await session.close();
  console.log(`linking per save, 1,000-line file (300 saves, one line edited or inserted each; ${links} links kept):`);
  console.log(`  record + re-anchor links: ${stats(linking)}   (target ≤ 5 ms)`);
  console.log(`  reference, the plain line diff of the same texts: ${stats(diffing)}`);
  console.log(`  reference, the atomic write of the same file: ${stats(writing)}`);
}

function largestCorpusRepo(): string | null {
  let best: { dir: string; bytes: number } | null = null;
  const size = (p: string): number => {
    const info = statSync(p);
    if (!info.isDirectory()) return info.size;
    return readdirSync(p).reduce((n, name) => n + size(path.join(p, name)), 0);
  };
  for (const kind of ['kiro', 'speckit', 'openspec']) {
    const base = path.join(corpus, kind);
    let names: string[] = [];
    try {
      names = readdirSync(base);
    } catch {
      continue;
    }
    for (const name of names) {
      const dir = path.join(base, name);
      if (!statSync(dir).isDirectory()) continue;
      const bytes = size(dir);
      if (!best || bytes > best.bytes) best = { dir, bytes };
    }
  }
  return best?.dir ?? null;
}

async function traceOnCorpus() {
  const source = largestCorpusRepo();
  if (!source) {
    console.log('specdeck trace on the corpus: skipped, ../shared/corpus not found');
    return;
  }
  const root = path.join(scratch, 'corpus', path.basename(source));
  cpSync(source, root, { recursive: true });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'corpus');
  // Twenty commits with trailers naming real tasks, each adding lines to a file.
  const session = await Session.open(root);
  const specs = (await session.specs.all()).filter((s) => s.tasks.length > 0);
  await session.close();
  const keys = specs.flatMap((s) => s.tasks.slice(0, 2).map((t) => `${s.id}/${t.id}`)).slice(0, 20);
  mkdirSync(path.join(root, 'src'), { recursive: true });
  keys.forEach((key, i) => {
    writeFileSync(path.join(root, 'src', `f${i}.ts`), Array.from({ length: 50 }, (_, j) => `export const v${j} = ${j};`).join('\n') + '\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', `work ${i}`, '-m', `Spec-Task: ${key}`);
  });
  const files = Number(git(root, 'ls-files').split('\n').length - 1);
  const quiet = { out: () => {}, err: () => {} };
  const run = async (...args: string[]) => {
    const t0 = performance.now();
    const code = await runCli(args, quiet);
    if (code !== 0) throw new Error(`specdeck ${args.join(' ')} exited ${code}`);
    return performance.now() - t0;
  };
  const cold = await run('trace', root, '--json');
  const warm = [await run('trace', root, '--json'), await run('trace', root, '--json'), await run('trace', root, '--json')];
  const tasks = [await run('tasks', root, '--json'), await run('tasks', root, '--json'), await run('tasks', root, '--json')];
  console.log(`specdeck trace on the largest corpus repository (${path.basename(source)}: ${files} files, ${specs.length} specs with tasks, ${keys.length} trailer commits):`);
  console.log(`  cold (empty store: reads git log, scans files for tags): ${cold.toFixed(0)} ms`);
  console.log(`  warm (store up to date): ${stats(warm)}`);
  console.log(`  reference, specdeck tasks --json (parse only): ${stats(tasks)}`);
}

try {
  await linkingPerSave();
  await traceOnCorpus();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
