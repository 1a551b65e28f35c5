// `specdeck report [folder] [--spec <id>] --html <file> [--json] [--junit <results.xml>]...`: the
// evidence report as one self-contained HTML file and/or JSON (docs/schemas/report.schema.json).
// JUnit results are optional input; Specdeck runs no tests.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderReportHtml } from '../../../shared/evidence/html-report';
import { buildReport } from '../../core/evidence/report';
import { defineCommand, UsageError } from '../command';
import { withSession } from '../open-folder';
import { chooseSpecs } from '../spec-args';

export const reportCommand = defineCommand({
  name: 'report',
  summary: 'Evidence report: progress, requirement × task × code matrix, evidence per task, diagnostics (HTML and/or JSON)',
  usage: 'specdeck report [folder] [--spec <id>] [--html <file>] [--json] [--junit <results.xml>]...',
  options: {
    spec: { type: 'string' },
    html: { type: 'string' },
    json: { type: 'boolean' },
    junit: { type: 'string', multiple: true },
  },
  positionals: ['folder?'],
  async run({ values, positionals, io }) {
    if (values.html === undefined && !values.json) throw new UsageError('give --html <file>, --json, or both');
    const junit = (values.junit ?? []).map((p) => ({ label: p, path: path.resolve(p) }));
    const report = await withSession(positionals[0] ?? process.cwd(), async (s) => {
      const specs = chooseSpecs(await s.specs.all(), values.spec);
      return buildReport(s.workspace, s.evidence, specs, junit.length > 0 ? junit : null);
    });
    if (values.html !== undefined) {
      await writeFile(values.html, renderReportHtml(report));
      io.err(`specdeck report: wrote ${values.html}`);
    }
    if (values.json) io.out(JSON.stringify(report, null, 2));
    for (const j of report.junit ?? []) if (j.error) io.err(`specdeck report: ${j.path} not used: ${j.error}`);
    for (const note of report.notes) io.err(`specdeck report: ${note}`);
    return 0;
  },
});
