// Issue 12 finding 4: the spec parsers on 2,400 generated spec folders (Kiro, Spec Kit, OpenSpec,
// cc-sdd), many with hostile lines (long runs of spaces or ` #` in headings, deep nesting, 100 KB
// lines). Every input must parse without an exception, within a budget of 1 s. The parsing runs
// in a worker thread so that a hang is stopped and named instead of freezing the test run; on a
// loaded machine an input over budget is re-run once alone, and fails only if it is slow again.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, expect, it } from 'vitest';

const INPUTS = 2_400;
const BUDGET_MS = 1_000;
/** Past this the worker is stopped: a hang, not load. */
const HANG_MS = 30_000;

interface Answer {
  index: number;
  ms: number;
  error?: string;
}

function startWorker(): Worker {
  // tsx's API loads the TypeScript entry (as electron/core/index/worker-spawn.ts does).
  const entry = pathToFileURL(path.join(import.meta.dirname, 'fuzz', 'parse-worker.ts')).href;
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`, { eval: true });
}

let worker = startWorker();
afterAll(() => worker.terminate());

function parseInWorker(index: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.removeAllListeners('message');
      void worker.terminate();
      worker = startWorker();
      resolve({ index, ms: HANG_MS, error: `no answer within ${HANG_MS} ms (hang)` });
    }, HANG_MS);
    worker.once('message', (answer: Answer) => {
      clearTimeout(timer);
      worker.removeAllListeners('error');
      resolve(answer);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.postMessage(index);
  });
}

it(`parses ${INPUTS} generated spec folders, each within ${BUDGET_MS} ms, without an exception`, { timeout: 20 * 60_000 }, async () => {
  const failures: string[] = [];
  const times: number[] = [];
  for (let index = 0; index < INPUTS; index++) {
    let answer = await parseInWorker(index);
    if (!answer.error && answer.ms > BUDGET_MS) answer = await parseInWorker(index); // load, or the parser?
    times.push(answer.ms);
    if (answer.error) failures.push(`input ${index}: ${answer.error}`);
    else if (answer.ms > BUDGET_MS) failures.push(`input ${index}: ${answer.ms.toFixed(0)} ms twice (budget ${BUDGET_MS} ms)`);
  }
  times.sort((a, b) => a - b);
  console.log(`parser fuzz: ${INPUTS} inputs, median ${times[INPUTS >> 1]!.toFixed(1)} ms, slowest ${times[INPUTS - 1]!.toFixed(1)} ms`);
  expect(failures).toEqual([]);
});
