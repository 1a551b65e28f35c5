// `specdeck index <dir>`: builds or refreshes a folder's index and prints what it holds.
import { defineCommand } from '../command';
import { displayPath } from '../display-path';
import { withFreshIndex } from '../open-folder';

export const indexCommand = defineCommand({
  name: 'index',
  summary: "Index a folder (or refresh its index) and print files, text, bytes, time and database size",
  usage: 'specdeck index <folder> [--json]',
  options: { json: { type: 'boolean' } },
  positionals: ['folder'],
  async run({ values, positionals, io }) {
    const started = performance.now();
    const status = await withFreshIndex(positionals[0]!, io, async (index) => index.status());
    const elapsedMs = Math.round(performance.now() - started);
    const report = {
      files: status.files,
      textFiles: status.textFiles,
      textBytes: status.textBytes,
      elapsedMs,
      database: status.dbPath,
      databaseBytes: status.dbBytes,
      skipped: status.skipped.counts,
      recovered: status.recovered,
    };
    if (values.json) {
      io.out(JSON.stringify({ ...report, skippedSamples: status.skipped.samples }, null, 2));
      return 0;
    }
    io.out(`files       ${report.files}`);
    io.out(`text files  ${report.textFiles}`);
    io.out(`text bytes  ${report.textBytes}`);
    io.out(`elapsed     ${report.elapsedMs} ms`);
    io.out(`database    ${report.database} (${report.databaseBytes} bytes)`);
    for (const [reason, count] of Object.entries(report.skipped)) io.out(`skipped     ${count} × ${reason}`);
    for (const s of status.skipped.samples.filter((x) => x.reason !== 'binary').slice(0, 10)) {
      io.out(`            ${displayPath(s.path)}: ${s.reason}`);
    }
    return 0;
  },
});
