// What a spec document is called: its kind (Requirements, Plan, …), or the file name when two
// documents share a kind (OpenSpec deltas name the capability they change).
import type { SpecDocument } from '../../../shared/specs/model';
import { splitPath } from '../path-parts';

const KIND_LABEL: Record<string, string> = {
  requirements: 'Requirements',
  bugfix: 'Bugfix',
  design: 'Design',
  tasks: 'Tasks',
  spec: 'Spec',
  plan: 'Plan',
  proposal: 'Proposal',
  research: 'Research',
  'data-model': 'Data model',
  quickstart: 'Quickstart',
};

export function documentLabels(documents: readonly SpecDocument[]): Map<string, string> {
  const perKind = new Map<string, number>();
  for (const d of documents) perKind.set(d.kind, (perKind.get(d.kind) ?? 0) + 1);
  return new Map(
    documents.map((d) => {
      const base = KIND_LABEL[d.kind] ?? d.kind.charAt(0).toUpperCase() + d.kind.slice(1);
      const parent = d.path.split('/').slice(-2, -1)[0] ?? '';
      if (d.kind === 'delta') return [d.path, `Delta: ${parent}`];
      return [d.path, perKind.get(d.kind)! > 1 ? `${base} (${parent}/${splitPath(d.path).name})` : base];
    }),
  );
}
