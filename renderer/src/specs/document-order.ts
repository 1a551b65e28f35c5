// The order a spec's document tabs appear in.
import type { SpecDocument } from '../../../shared/specs/model';

// Reading order: what is wanted, then how, then the steps.
const KIND_ORDER = ['requirements', 'bugfix', 'spec', 'proposal', 'delta', 'design', 'plan', 'research', 'data-model', 'quickstart', 'tasks'];
const rank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length - 1);

export function orderedDocuments(documents: readonly SpecDocument[]): SpecDocument[] {
  return [...documents].sort((a, b) => rank(a.kind) - rank(b.kind) || a.path.localeCompare(b.path));
}
