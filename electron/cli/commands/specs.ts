import type { SpecSummary } from '../../../shared/specs/model';
import { plural } from '../../../shared/text/plural';
import { defineCommand } from '../command';
import { withSession } from '../open-folder';

export const specsCommand = defineCommand({
  name: 'specs',
  summary: "List a folder's specs (Kiro, cc-sdd, Spec Kit, OpenSpec) with task counts and coverage",
  usage: 'specdeck specs <folder> [--json]',
  options: { json: { type: 'boolean' } },
  positionals: ['folder'],
  async run({ values, positionals, io }) {
    const summaries = await withSession(positionals[0], (s) => s.specs.list());
    if (values.json) {
      io.out(JSON.stringify(summaries.map(toJson), null, 2));
      return 0;
    }
    if (summaries.length === 0) {
      io.out('No specs found.');
      return 0;
    }
    for (const s of summaries) {
      const c = s.counts;
      const cov = s.coverage && s.coverage.total > 0 ? `${s.coverage.covered}/${s.coverage.total} covered` : 'coverage n/a';
      const extra = [c.inProgress ? `${c.inProgress} in progress` : '', c.optional ? `${c.optional} optional` : ''].filter(Boolean).join(', ');
      io.out(
        `${s.id}  [${s.format}${s.archived ? ', archived' : ''}]  ${s.title}\n` +
          `    tasks ${c.done}/${c.total} done${extra ? ` (${extra})` : ''}; ${plural(s.requirementCount, 'requirement')}; ${cov}`,
      );
    }
    io.out(plural(summaries.length, 'spec'));
    return 0;
  },
});

function toJson(s: SpecSummary) {
  return {
    id: s.id,
    format: s.format,
    title: s.title,
    folder: s.folder,
    archived: s.archived ?? false,
    tasks: { total: s.counts.total, done: s.counts.done, inProgress: s.counts.inProgress, optional: s.counts.optional, unknown: s.counts.unknown ?? 0 },
    requirements: s.requirementCount,
    coverage: s.coverage ?? null,
    diagnostics: { errors: s.errorCount ?? 0, warnings: s.warningCount ?? 0, total: s.diagnosticCount },
  };
}
