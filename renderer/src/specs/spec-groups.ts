// The spec list grouped by format and by the folder that holds the specs, filtered by a query.
// Labels and the order of the groups are the format registry's.
import { formatLabel, formatOrder } from '../../../shared/specs/formats/registry';
import type { SpecFormat, SpecSummary } from '../../../shared/specs/model';
import { hasEveryWord, queryWords } from '../query-words';

export interface SpecGroup {
  key: string;
  format: SpecFormat;
  /** The folder holding these specs (`.kiro/specs`, `specs`, `openspec/changes`). */
  folder: string;
  specs: SpecSummary[];
}

function parentFolder(spec: SpecSummary): string {
  const i = spec.folder.lastIndexOf('/');
  return i < 0 ? '.' : spec.folder.slice(0, i);
}

function matchesFilter(spec: SpecSummary, words: readonly string[]): boolean {
  return hasEveryWord(`${spec.title} ${spec.folder} ${formatLabel(spec.format)}`, words);
}

export function groupSpecs(list: readonly SpecSummary[], filter: string): SpecGroup[] {
  const groups = new Map<string, SpecGroup>();
  const words = queryWords(filter);
  for (const spec of list) {
    if (!matchesFilter(spec, words)) continue;
    const folder = parentFolder(spec);
    const key = `${spec.format}\u0000${folder}`;
    if (!groups.has(key)) groups.set(key, { key, format: spec.format, folder, specs: [] });
    groups.get(key)!.specs.push(spec);
  }
  return [...groups.values()].sort(
    (a, b) => formatOrder(a.format) - formatOrder(b.format) || a.folder.localeCompare(b.folder),
  );
}
