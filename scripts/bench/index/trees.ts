// The bench's trees under /tmp/specdeck-bench: a copy of the project's node_modules, a real tree
// of code written by others (monaco-editor's sources), and a generated 100,000-file tree. Each
// is built once and reused while its marker file says it is complete.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// SPECDECK_BENCH_DIR moves the trees (helpers benching at once must not share one folder).
export const BENCH_ROOT = process.env.SPECDECK_BENCH_DIR ?? '/tmp/specdeck-bench';
const MARKER = '.specdeck-bench-complete';

export interface BenchTree {
  name: string;
  root: string;
  note: string;
}

function ensure(name: string, build: (root: string) => void): string {
  const root = path.join(BENCH_ROOT, name);
  if (existsSync(path.join(root, MARKER))) return root;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  build(root);
  writeFileSync(path.join(root, MARKER), 'ok\n');
  return root;
}

export function copiedTree(name: string, source: string, note: string): BenchTree {
  return { name, note, root: ensure(name, (root) => cpSync(source, root, { recursive: true, verbatimSymlinks: true })) };
}

/** Deterministic pseudo-random numbers (mulberry32), so every run indexes the same tree. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A vocabulary of pseudo-words drawn with a skewed (Zipf-like) distribution, as identifiers are
// in real code: a few very common, most rare. A small uniform vocabulary would make every file
// hold nearly every trigram, which no real tree does.
const SYLLABLES = 'ka to ri me sa lo ven dra pix tor bal cun fe gi hu jo lem nar os pra qui ret sul tam ub vor wex yel zan'.split(' ');
const KEYWORDS = 'user account order item cart price list map get update create delete handle click render state props value index count token session cache query result error request response client server'.split(' ');

function vocabulary(random: () => number, size: number): string[] {
  const words = new Set<string>(KEYWORDS);
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** The issue's size; SPECDECK_BENCH_FILES makes a smaller (or larger) tree to iterate cheaply. */
export const GENERATED_FILES = Number(process.env.SPECDECK_BENCH_FILES ?? 100_000);

export function generatedTree(): BenchTree {
  const root = ensure(GENERATED_FILES === 100_000 ? 'generated-100k-v2' : `generated-${GENERATED_FILES}-v2`, (dir) => {
    const random = rng(42);
    const words = vocabulary(random, 8000);
    // Zipf-like: the index is skewed towards the start of the vocabulary.
    const word = () => words[Math.floor(Math.pow(random(), 2.5) * words.length)]!;
    const ident = () => word() + cap(word()) + (random() < 0.5 ? cap(word()) : '');
    const exts = ['ts', 'ts', 'ts', 'tsx', 'js', 'md', 'json', 'css'];
    const folders = Array.from({ length: 6000 }, (_, i) => `packages/${word()}-${i % 40}/src/${word()}/${i % 7 === 0 ? `${word()}/` : ''}`);
    writeFileSync(path.join(dir, '.gitignore'), 'dist/\n*.log\n');
    for (let i = 0; i < GENERATED_FILES; i++) {
      const folder = folders[i % folders.length]!;
      const ext = exts[Math.floor(random() * exts.length)]!;
      const file = `${folder}${ident()}${i}.${ext}`;
      const lines: string[] = [`// ${file} — generated for the Specdeck bench`, `import { ${ident()} } from './${ident()}';`];
      const n = 15 + Math.floor(random() * 70);
      for (let l = 0; l < n; l++) {
        const r = random();
        if (r < 0.15) lines.push(`export function ${ident()}(${word()}: ${cap(word())}) {`);
        else if (r < 0.3) lines.push(`  return ${word()}.${ident()}(${word()}, ${Math.floor(random() * 1000)});`);
        else if (r < 0.37) lines.push(`  // TODO: ${word()} ${word()} ${word()} before ${word()}`);
        else if (r < 0.5) lines.push('}');
        else lines.push(`  const ${ident()} = await ${word()}.${ident()}({ ${word()}: '${word()}-${i % 997}' });`);
      }
      if (i % 10_000 === 1234) lines.push(`const marker = 'xyzzyUniqueNeedle${i}';`);
      const full = path.join(dir, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, lines.join('\n') + '\n');
    }
  });
  return { name: 'generated-100k', root, note: `${GENERATED_FILES} generated files` };
}

function cap(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/**
 * The issue's three trees, each built (or reused) only when asked for, in the order the benches
 * print them; SPECDECK_BENCH_TREES=node_modules,monaco-editor picks some (all by default).
 */
export function benchTrees(repo: string): { name: string; build: () => BenchTree }[] {
  const only = process.env.SPECDECK_BENCH_TREES?.split(',');
  return [
    { name: 'generated-100k', build: generatedTree },
    { name: 'node_modules', build: () => copiedTree('node_modules', path.join(repo, 'node_modules'), "a copy of the project's node_modules") },
    { name: 'monaco-editor', build: () => copiedTree('monaco-editor', path.join(repo, 'node_modules/monaco-editor'), 'monaco-editor sources (code written by others)') },
  ].filter((t) => !only || only.includes(t.name));
}
