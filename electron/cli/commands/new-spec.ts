// `specdeck new <folder> --format kiro|speckit|openspec <name>`: a new spec from the same
// templates the UI offers (the format registry's).
import { specTemplate, specTemplates } from '../../../shared/specs/formats/registry';
import { specSlug } from '../../../shared/specs/formats/template-names';
import { defineCommand, UsageError } from '../command';
import { withSession } from '../open-folder';

const layouts = () => specTemplates().map((t) => t.layout);

export const newCommand = defineCommand({
  name: 'new',
  summary: 'Create a spec from a template (Kiro, Spec Kit or OpenSpec layout)',
  usage: `specdeck new <folder> --format ${layouts().join('|')} <name> [--json]`,
  options: { format: { type: 'string' }, json: { type: 'boolean' } },
  positionals: ['folder', 'name'],
  async run({ values, positionals, io }) {
    const [folder, name] = positionals as [string, string];
    if (values.format === undefined) throw new UsageError(`--format is required (${layouts().join(', ')})`);
    const template = specTemplate(values.format);
    if (!template) throw new UsageError(`unknown format '${values.format}'; choose one of ${layouts().join(', ')}`);
    // A name, not a path: it becomes one folder name in the layout.
    if (/[/\\\0]/.test(name) || name.trim() === '.' || name.trim() === '..') throw new UsageError(`the name must not be a path: ${JSON.stringify(name)}`);
    const slug = specSlug(name);
    if (slug === '') throw new UsageError(`the name ${JSON.stringify(name)} has no letters or digits to make a folder name of`);
    // Loaded here: its imports (the API contract, zod) would otherwise slow every cold command.
    const { createSpec } = await import('../../core/specs/create-spec');
    const spec = await withSession(folder, async (session) => createSpec(session.workspace, template, slug, await session.specs.list()));
    if (values.json) {
      io.out(JSON.stringify({ id: spec.id, format: template.layout, files: spec.files.map((f) => f.path) }, null, 2));
      return 0;
    }
    io.out(`Created ${spec.id} (${template.label})`);
    for (const f of spec.files) io.out(`  ${f.path}`);
    return 0;
  },
});
