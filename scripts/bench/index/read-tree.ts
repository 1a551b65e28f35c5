// Run as a child of the index bench: reads every file the index would read (twice: once to warm
// the page cache, once timed) and prints {ms, files, bytes}. In its own process, so the bench
// process's peak RSS is the index's, not this read's.
import { readEveryFile, time } from './measure';

const [root, limit] = process.argv.slice(2) as [string, string];
readEveryFile(root, Number(limit));
const read = time(() => readEveryFile(root, Number(limit)));
process.stdout.write(JSON.stringify({ ms: read.ms, ...read.value }) + '\n');
