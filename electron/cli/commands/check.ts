import path from 'node:path';
import type { Severity } from '../../../shared/specs/model';
import { defineCommand, UsageError } from '../command';
import { withSession } from '../open-folder';
import { traceFindings } from './trace-findings';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const GITHUB_LEVEL: Record<Severity, string> = { info: 'notice', warning: 'warning', error: 'error' };

export const checkCommand = defineCommand({
  name: 'check',
  summary: "Check a folder's specs: references, coverage, duplicates, task hierarchy, EARS, OpenSpec rules",
  usage: 'specdeck check <folder> [--json] [--strict] [--format text|github] [--min-severity info|warning|error]',
  options: {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    format: { type: 'string' },
    'min-severity': { type: 'string' },
  },
  positionals: ['folder'],
  async run({ values, positionals, io }) {
    const format = values.json ? 'json' : (values.format ?? 'text');
    if (!['text', 'github', 'json'].includes(format)) throw new UsageError(`--format must be text or github, got ${format}`);
    const min = (values['min-severity'] ?? 'info') as Severity;
    if (!(min in RANK)) throw new UsageError(`--min-severity must be info, warning or error, got ${min}`);
    const { root, findings } = await withSession(positionals[0], async (s) => ({
      root: s.workspace.root,
      findings: [
        ...(await s.specs.all()).flatMap((spec) => spec.diagnostics.map((d) => ({ ...d, spec: spec.id }))),
        ...s.specs.settingsDiagnostics().map((d) => ({ ...d, spec: '' })),
        ...(await traceFindings(s)),
      ],
    }));
    const shown = findings.filter((f) => RANK[f.severity] >= RANK[min]);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    // Paths relative to where the command runs, so editors and GitHub can open them.
    const display = (file: string) => path.relative(process.cwd(), path.join(root, file)) || file;
    if (format === 'json') {
      io.out(JSON.stringify(shown.map((f) => ({ spec: f.spec, severity: f.severity, code: f.code, message: f.message, file: f.pos.file, line: f.pos.line, column: f.pos.column })), null, 2));
    } else if (format === 'github') {
      for (const f of shown) {
        io.out(`::${GITHUB_LEVEL[f.severity]} file=${prop(display(f.pos.file))},line=${f.pos.line},col=${f.pos.column},title=${prop(f.code)}::${data(f.message)}`);
      }
    } else {
      for (const f of shown) io.out(`${display(f.pos.file)}:${f.pos.line}:${f.pos.column}: ${f.severity} ${f.code}: ${f.message}`);
    }
    if (format !== 'json') io.err(`${errors} error(s), ${warnings} warning(s), ${findings.length - errors - warnings} info`);
    return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
  },
});

// GitHub workflow-command escaping: data escapes %, CR, LF; properties also `:` and `,`.
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
