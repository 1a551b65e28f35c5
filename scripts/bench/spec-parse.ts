// Spec engine throughput: the whole corpus, a generated 10,000-task file, and re-parsing a
// 1,000-task tasks.md. Each figure is printed beside a reference over the same bytes (reading
// them, and a plain regex line scan) so the ratio means something on any machine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { detectSpecs, parseSpec, type SpecLocation } from '../../shared/specs/index';
import { parseTasks } from '../../shared/specs/tasks-markdown';
import { setTaskState } from '../../shared/specs/task-edit';
import { corpusDir, listFiles } from '../../tests/corpus/corpus-support';

// The corpus and its file walk are the conformance tests' own (tests/corpus/corpus-support.ts).
const corpus = corpusDir;

/** Median of `clock`'s ms readings around `fn` over `runs` runs (after one warm-up). */
function median(runs: number, fn: () => void, clock: () => number): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = clock();
    fn();
    samples.push(clock() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

/** Median wall time of `fn` in ms. */
const time = (runs: number, fn: () => void) => median(runs, fn, () => performance.now());

/**
 * Median process CPU time of `fn` in ms (user + system): on a machine shared with other work, wall
 * time also counts the time the process waited for a core; this does not.
 */
const cpuTime = (runs: number, fn: () => void) =>
  median(runs, fn, () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  });

const LINE_SCAN = /^\s*[-*+] \[(.)\]/gm;
const mbps = (bytes: number, ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
const row = (label: string, ms: number, bytes: number, refMs: number, refLabel: string) =>
  console.log(`${label.padEnd(44)} ${ms.toFixed(2).padStart(9)} ms  ${mbps(bytes, ms).padStart(7)} MB/s   (${refLabel} ${refMs.toFixed(2)} ms, ratio ${(ms / refMs).toFixed(1)}x)`);

// 1. The whole corpus: every spec, every document, all diagnostics.
if (existsSync(corpus)) {
  const docs = new Map<string, string>();
  const locations: SpecLocation[] = [];
  for (const fmt of ['kiro', 'speckit', 'openspec']) {
    for (const repo of readdirSync(path.join(corpus, fmt))) {
      const root = path.join(corpus, fmt, repo);
      const files = listFiles(root).map((f) => `${fmt}/${repo}/${f}`);
      for (const loc of detectSpecs(files)) {
        locations.push(loc);
        for (const f of loc.files) docs.set(f.path, readFileSync(path.join(corpus, f.path), 'utf8'));
      }
    }
  }
  // Only the documents the parser reads count as spec text (design.md, research.md… are listed, not parsed).
  const parsed = new Set<string>();
  const read = (p: string) => {
    parsed.add(p);
    return docs.get(p) ?? (existsSync(path.join(corpus, p)) ? readFileSync(path.join(corpus, p), 'utf8') : null);
  };
  for (const loc of locations) parseSpec(loc, read);
  for (const p of parsed) if (!docs.has(p) && existsSync(path.join(corpus, p))) docs.set(p, readFileSync(path.join(corpus, p), 'utf8'));
  for (const p of [...docs.keys()]) if (!parsed.has(p)) docs.delete(p);
  const bytes = [...docs.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
  const readMs = time(5, () => {
    for (const p of docs.keys()) readFileSync(path.join(corpus, p));
  });
  const scanMs = time(10, () => {
    for (const t of docs.values()) for (const _ of t.matchAll(LINE_SCAN));
  });
  const parseMs = time(10, () => {
    for (const loc of locations) parseSpec(loc, read);
  });
  console.log(`corpus: ${locations.length} specs, ${docs.size} documents parsed, ${(bytes / 1e6).toFixed(2)} MB of spec text`);
  row('parse whole corpus (all formats, diagnostics)', parseMs, bytes, readMs, 'read from disk');
  const parseCpu = cpuTime(10, () => {
    for (const loc of locations) parseSpec(loc, read);
  });
  const readCpu = cpuTime(5, () => {
    for (const p of docs.keys()) readFileSync(path.join(corpus, p));
  });
  row('  the same, CPU time (not waiting for a core)', parseCpu, bytes, readCpu, 'read from disk, CPU time');
  row('  reference: regex checkbox scan', scanMs, bytes, readMs, 'read from disk');
  const tasksTexts = [...docs.entries()].filter(([p]) => p.endsWith('/tasks.md')).map(([, t]) => t);
  const tasksBytes = tasksTexts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const tasksMs = time(10, () => {
    for (const t of tasksTexts) parseTasks(t, 'tasks.md');
  });
  const tasksScanMs = time(10, () => {
    for (const t of tasksTexts) for (const _ of t.matchAll(LINE_SCAN));
  });
  row(`tasks.md only (${tasksTexts.length} files)`, tasksMs, tasksBytes, tasksScanMs, 'regex scan');
} else {
  console.log(`corpus not found at ${corpus}; skipping the corpus figures`);
}

// 2. Generated files: Kiro-shaped tasks with details and references.
function generate(parents: number, children: number): string {
  const out: string[] = ['# Implementation Plan', ''];
  for (let p = 1; p <= parents; p++) {
    out.push(`- [x] ${p}. Parent task number ${p} with a realistic title`);
    for (let c = 1; c <= children; c++) {
      out.push(`  - [${c % 3 === 0 ? ' ' : 'x'}]${c % 4 === 0 ? '*' : ''} ${p}.${c} Implement the sub-task ${c} of ${p} in \`src/module_${p}.ts\``);
      out.push(`    - Write the code and its tests`);
      out.push(`    - _Requirements: ${p}.${c}, ${p}.${c + 1}_`);
    }
    out.push('');
  }
  return out.join('\n');
}
for (const [label, parents, children, runs] of [['generated 10,000-task file', 1000, 9, 10], ['re-parse a 1,000-task tasks.md', 100, 9, 50]] as const) {
  const text = generate(parents, children);
  const bytes = Buffer.byteLength(text);
  const { tasks } = parseTasks(text, 'tasks.md');
  const ms = time(runs, () => parseTasks(text, 'tasks.md'));
  const scan = time(runs, () => {
    for (const _ of text.matchAll(LINE_SCAN));
  });
  row(`${label} (${tasks.length} tasks, ${(bytes / 1e6).toFixed(2)} MB)`, ms, bytes, scan, 'regex scan');
  const target = tasks[Math.floor(tasks.length / 2)]!;
  // Flatten the result (V8 joins strings lazily) so the figure includes building the new text.
  let sink = 0;
  const editMs = time(runs, () => {
    sink += setTaskState(text, target, 'in-progress').charCodeAt(bytes >> 1);
  });
  console.log(`${'  set one task state (text -> text)'.padEnd(44)} ${(editMs * 1000).toFixed(0).padStart(9)} µs${sink < 0 ? '' : ''}`);
}
// 3. Re-parse a 1,000-task tasks.md that has a `## Task Dependency Graph` (Kiro 0.12+): the whole
// spec model (tasks, the graph's JSON, dependsOn, waves, the ready set, its diagnostics), beside the
// same tasks without a graph and a regex scan of the same bytes.
{
  const base = generate(100, 9);
  const { tasks } = parseTasks(base, 'tasks.md');
  const ids = tasks.map((t) => t.id);
  const waves: string[][] = [];
  for (let i = 0; i < ids.length; i += 20) waves.push(ids.slice(i, i + 20));
  const graph = `\n## Task Dependency Graph\n\n\`\`\`json\n${JSON.stringify({ waves: waves.map((t, id) => ({ id, tasks: t })) }, null, 2)}\n\`\`\`\n`;
  const withGraph = base + graph;
  const folder = '.kiro/specs/bench';
  const location: SpecLocation = { id: folder, format: 'kiro', folder, files: [{ kind: 'tasks', path: `${folder}/tasks.md` }] };
  const parseWith = (text: string) => parseSpec(location, () => text);
  const spec = parseWith(withGraph);
  const bytes = Buffer.byteLength(withGraph);
  const ms = time(50, () => parseWith(withGraph));
  const plainMs = time(50, () => parseWith(base));
  const scan = time(50, () => {
    for (const _ of withGraph.matchAll(LINE_SCAN));
  });
  row(`re-parse 1,000 tasks + dependency graph (${spec.dependencies?.waves.length} waves)`, ms, bytes, plainMs, 'same tasks, no graph');
  row('  reference: regex checkbox scan', scan, bytes, plainMs, 'same tasks, no graph');
}
console.log('targets: >= 100 MB/s of spec text for the whole corpus; <= 20 ms to re-parse a 1,000-task tasks.md (with or without a dependency graph)');
// Figures on a shared machine move with its load: print it beside them.
console.log(`load average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
