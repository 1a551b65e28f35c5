// The order a spec's document tabs appear in: its format's reading order (the format registry's);
// kinds the format does not list go with the last one, by path.
import { documentOrder } from '../../../shared/specs/formats/registry';
import type { SpecDocument, SpecFormat } from '../../../shared/specs/model';

export function orderedDocuments(documents: readonly SpecDocument[], format: SpecFormat): SpecDocument[] {
  const order = documentOrder(format);
  const rank = (kind: string) => (order.includes(kind) ? order.indexOf(kind) : order.length - 1);
  return [...documents].sort((a, b) => rank(a.kind) - rank(b.kind) || a.path.localeCompare(b.path));
}
