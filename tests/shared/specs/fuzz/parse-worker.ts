// Runs in a worker thread: parses fuzz input `index` (detection, every document, the tasks list,
// a task edit) and answers with the time it took, so that the test thread can stop a hang.
import { parentPort } from 'node:worker_threads';
import { detectSpecs, parseSpec, parseTasks, setTaskState, summarizeSpec, TaskEditError } from '../../../../shared/specs/index';
import { fuzzInput } from './spec-inputs';

parentPort!.on('message', (index: number) => {
  const started = performance.now();
  try {
    const { files } = fuzzInput(index);
    const locations = detectSpecs(Object.keys(files));
    if (locations.length === 0) throw new Error('no spec detected');
    for (const location of locations) {
      const spec = parseSpec(location, (p) => files[p] ?? null);
      summarizeSpec(spec);
      const tasksText = spec.tasksFile ? files[spec.tasksFile] : undefined;
      if (tasksText !== undefined) {
        const { tasks } = parseTasks(tasksText, spec.tasksFile!, spec.format);
        try {
          if (tasks[0]) setTaskState(tasksText, tasks[0], 'done');
        } catch (error) {
          if (!(error instanceof TaskEditError)) throw error; // a clear refusal (e.g. no checkbox) is fine
        }
      }
    }
    parentPort!.postMessage({ index, ms: performance.now() - started });
  } catch (error) {
    parentPort!.postMessage({ index, ms: performance.now() - started, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
