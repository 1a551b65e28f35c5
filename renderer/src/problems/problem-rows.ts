// The Problems view's rows (pure): diagnostics grouped by file, filtered by severity and text, with
// counts per severity. The order is VS Code's: files by their most severe shown problem, then path;
// in a file, severity, then line and column — so 2 errors never sit below 400 infos.
import type { SpecDiagnostic } from '../../../shared/api/contract';
import type { Severity } from '../../../shared/specs/model';
import { hasEveryWord, queryWords } from '../query-words';

export interface ProblemFilter {
  text: string;
  error: boolean;
  warning: boolean;
  info: boolean;
}

export type ProblemRow =
  | { kind: 'file'; key: string; file: string; count: number; collapsed: boolean }
  | { kind: 'problem'; key: string; problem: SpecDiagnostic };

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(list: readonly SpecDiagnostic[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}

function matchesProblem(d: SpecDiagnostic, filter: ProblemFilter, words: readonly string[]): boolean {
  return filter[d.severity] && hasEveryWord(`${d.message} ${d.code} ${d.pos.file} ${d.specId}`, words);
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const bySeverityThenPlace = (a: SpecDiagnostic, b: SpecDiagnostic): number =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.pos.line - b.pos.line || a.pos.column - b.pos.column;

/** File rows, most severe first, each followed (unless collapsed) by its problems, most severe first. */
export function problemRows(list: readonly SpecDiagnostic[], filter: ProblemFilter, collapsed: Readonly<Record<string, boolean>>): { rows: ProblemRow[]; shown: number } {
  const byFile = new Map<string, SpecDiagnostic[]>();
  const words = queryWords(filter.text);
  let shown = 0;
  for (const d of list) {
    if (!matchesProblem(d, filter, words)) continue;
    shown++;
    let group = byFile.get(d.pos.file);
    if (!group) byFile.set(d.pos.file, (group = []));
    group.push(d);
  }
  const rows: ProblemRow[] = [];
  // Each file's rank (its worst shown severity: the first after its sort) is read once, not per comparison.
  const files = [...byFile].map(([file, group]) => {
    group.sort(bySeverityThenPlace);
    return { file, group, rank: SEVERITY_RANK[group[0]!.severity] };
  });
  files.sort((a, b) => a.rank - b.rank || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { file, group } of files) {
    const isCollapsed = Boolean(collapsed[file]);
    rows.push({ kind: 'file', key: `f:${file}`, file, count: group.length, collapsed: isCollapsed });
    if (isCollapsed) continue;
    group.forEach((problem, i) => rows.push({ kind: 'problem', key: `p:${file}:${i}:${problem.pos.line}:${problem.code}`, problem }));
  }
  return { rows, shown };
}
