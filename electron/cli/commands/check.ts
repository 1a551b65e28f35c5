import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkJson, checkJunit, checkSarif, type CheckFinding } from '../../../shared/evidence/check-output';
import { evidenceFindings } from '../../../shared/evidence/evaluate';
import type { Severity } from '../../../shared/specs/model';
import { defineCommand, UsageError } from '../command';
import { withSession } from '../open-folder';
import { SPECDECK_VERSION } from '../version';
import { traceFindings } from './trace-findings';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const GITHUB_LEVEL: Record<Severity, string> = { info: 'notice', warning: 'warning', error: 'error' };
const FORMATS = ['text', 'github', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];

export const checkCommand = defineCommand({
  name: 'check',
  summary: "Check a folder's specs: references, coverage, duplicates, task hierarchy, EARS, OpenSpec rules, evidence of done tasks",
  usage: 'specdeck check <folder> [--format text|github|json|sarif|junit] [--json] [--strict] [--min-severity info|warning|error]',
  options: {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    format: { type: 'string' },
    'min-severity': { type: 'string' },
  },
  positionals: ['folder'],
  async run({ values, positionals, io }) {
    if (values.json && values.format !== undefined && values.format !== 'json') throw new UsageError(`--json is --format json; it cannot be combined with --format ${values.format}`);
    const format = (values.json ? 'json' : (values.format ?? 'text')) as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}; got ${format}`);
    const min = (values['min-severity'] ?? 'info') as Severity;
    if (!(min in RANK)) throw new UsageError(`--min-severity must be info, warning or error, got ${min}`);
    const { root, findings, specIds, toplevel, notes } = await withSession(positionals[0], async (s) => {
      const specs = await s.specs.all();
      const withTasks = specs.filter((spec) => spec.tasks.length > 0);
      const run = await s.evidence.forSpecs(withTasks.map((spec) => spec.id));
      return {
        root: s.workspace.root,
        specIds: specs.map((spec) => spec.id),
        toplevel: run.git.toplevel,
        notes: [...new Set(run.evidence.flatMap((e) => e.notes.messages))],
        findings: [
          ...specs.flatMap((spec) => spec.diagnostics.map((d) => ({ ...d, spec: spec.id }))),
          ...(await s.specs.workspaceDiagnostics()).map((d) => ({ ...d, spec: '' })),
          ...(await traceFindings(s)),
          ...run.evidence.flatMap(evidenceFindings),
        ].map((f): CheckFinding => ({ spec: f.spec, severity: f.severity, code: f.code, message: f.message, file: f.pos.file, line: f.pos.line, column: f.pos.column })),
      };
    }, { walkOnce: true }); // reads only: one walk serves spec discovery and evidence
    const shown = findings.filter((f) => RANK[f.severity] >= RANK[min]);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    // Paths relative to where the command runs, so editors and GitHub can open them.
    const display = (file: string) => path.relative(process.cwd(), path.join(root, file)) || file;
    if (format === 'json') {
      io.out(JSON.stringify(checkJson(shown, findings, SPECDECK_VERSION), null, 2));
    } else if (format === 'sarif') {
      // Code-scanning UIs resolve URIs against the repository root, not the checked folder.
      const base = toplevel ?? root;
      const uriPrefix = path.relative(base, root).split(path.sep).join('/');
      const rootUri = pathToFileURL(base).href.replace(/\/?$/, '/');
      io.out(JSON.stringify(checkSarif(shown, { toolVersion: SPECDECK_VERSION, uriPrefix, rootUri }), null, 2));
    } else if (format === 'junit') {
      io.out(checkJunit(shown, specIds));
    } else if (format === 'github') {
      for (const f of shown) {
        io.out(`::${GITHUB_LEVEL[f.severity]} file=${prop(display(f.file))},line=${f.line},col=${f.column},title=${prop(f.code)}::${data(f.message)}`);
      }
    } else {
      for (const f of shown) io.out(`${display(f.file)}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}`);
    }
    for (const note of notes) io.err(`specdeck check: ${note}`);
    io.err(`${errors} error(s), ${warnings} warning(s), ${findings.length - errors - warnings} info`);
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
