// New specs from the templates of the format registry (the same ones `specdeck new` uses).
// Returns the files to create; nothing here touches the disk.
import { specTemplate, specTemplates } from '../../../shared/specs/formats/registry';
import type { NewSpec } from '../../../shared/specs/formats/descriptor';
import type { SpecSummary } from '../../../shared/specs/model';

export { specSlug } from '../../../shared/specs/formats/template-names';
export type { NewSpec } from '../../../shared/specs/formats/descriptor';

/** A template's name (`kiro`, `speckit`, `openspec`, or a registered format's). */
export type TemplateLayout = string;

export const TEMPLATE_LAYOUTS: { layout: TemplateLayout; label: string; where: string }[] = specTemplates().map(({ layout, label, where }) => ({ layout, label, where }));

export function specFromTemplate(layout: TemplateLayout, slug: string, existing: readonly SpecSummary[]): NewSpec {
  const template = specTemplate(layout);
  if (!template) throw new Error(`No spec template ${layout}`);
  return template.create(slug, existing);
}
