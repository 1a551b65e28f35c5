// `npm run bench` (regex part, issue 12 finding 3): regex searches run in a search worker with a
// time budget instead of on the serving thread. Prints, on the monaco-editor tree, what the worker
// costs a search (p50 through IndexService, beside the same search run by TextSearcher on this
// thread as before) and the serving thread's largest stall during a catastrophic pattern (beside
// the stall the old path gave on a shorter, finite line). Asserts nothing.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IndexService } from '../../electron/core/index/index-service';
import { openReader } from '../../electron/core/index/open-db';
import { TextSearcher } from '../../electron/core/index/text-search';
import { BENCH_ROOT, copiedTree } from './index/trees';
import { percentile, stallMeter } from './index/measure';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tree = copiedTree('monaco-editor', path.join(repo, 'node_modules/monaco-editor'), 'monaco-editor sources (code written by others)');
const f1 = (n: number) => n.toFixed(1);
process.env.SPECDECK_DATA_DIR = path.join(BENCH_ROOT, 'data-regex');
// Lines that make (x+)+$ backtrack: 2^n steps for n x's. 24 b's stay finite for the reference
// (on the serving thread); 40 a's would take hours, so only the budgeted worker meets them.
// The tree is the one the index and CLI benches read too: the bait leaves it when this bench ends.
const bait = [path.join(tree.root, 'backtrack-bait-24.txt'), path.join(tree.root, 'backtrack-bait-40.txt')];
writeFileSync(bait[0]!, `${'b'.repeat(24)}!\n`);
writeFileSync(bait[1]!, `${'a'.repeat(40)}!\n`);
process.once('exit', () => bait.forEach((file) => rmSync(file, { force: true })));

const index = IndexService.start(tree.root, { regexBudgetMs: 5000 });
await index.whenIdle();
const readers = index.dbPaths.map((p) => new TextSearcher(openReader(p)));
const onThisThread = (query: string) => {
  const started = performance.now();
  for (const searcher of readers) searcher.search({ query, regex: true, limit: 1000 });
  return performance.now() - started;
};

console.log(`${tree.name}: ${index.status().textFiles} text files`);
for (const query of ['export\\s+function\\s+\\w+', 'TODO|FIXME', '\\bconst [a-z]+Size\\b']) {
  await index.searchText({ query, regex: true }); // warm: the worker and its readers
  const ours: number[] = [];
  const ref: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await index.searchText({ query, regex: true });
    ours.push(performance.now() - started);
    ref.push(onThisThread(query));
  }
  console.log(`  /${query}/: search worker p50 ${f1(percentile(ours, 50))} ms; reference (same search on the serving thread, as before) p50 ${f1(percentile(ref, 50))} ms`);
}

// On the serving thread the search is one blocking call: its duration is the stall.
const refMs = onThisThread('(b+)+$');
const stall = stallMeter();
const started = performance.now();
const outcome = await index.searchText({ query: '(a+)+$', regex: true }).then(
  () => 'answered',
  (error: { code?: string }) => error.code ?? String(error),
);
const ourStall = stall.stop();
console.log(
  `  (a+)+$ over 40 a's: ${outcome} after ${f1(performance.now() - started)} ms (budget 5000 ms), largest serving-thread stall ${f1(ourStall)} ms; ` +
    `reference: (b+)+$ over 24 b's on the serving thread blocked it for ${f1(refMs)} ms (each extra character doubles that; 40 would be hours)`,
);
await index.close();
