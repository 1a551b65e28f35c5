// The trace tab's rows (pure): one per requirement, with its tasks and their code, its coverage
// and the link states, filtered by text, coverage and link state.
import type { TraceLink, TraceSpecReport, TraceTaskReport } from '../../../shared/api/contract';
import { hasEveryWord, queryWords } from '../query-words';

export type CoverageState = 'covered' | 'via-phase' | 'uncovered' | 'not-applicable';
export type LinkFilter = 'all' | 'linked' | 'suspect' | 'no-code';

export interface TraceFilter {
  text: string;
  uncoveredOnly: boolean;
  links: LinkFilter;
}

export interface TraceRow {
  id: string;
  title: string;
  text: string;
  coverage: CoverageState;
  tasks: TraceTaskReport[];
  /** Tasks that serve it through a Spec Kit phase heading. */
  viaPhase: Set<string>;
  doneTasks: number;
  links: TraceLink[];
  suspect: number;
}

export const NO_TRACE_FILTER: TraceFilter = { text: '', uncoveredOnly: false, links: 'all' };

export function traceRows(report: TraceSpecReport): TraceRow[] {
  const tasksById = new Map(report.tasks.map((t) => [t.taskId, t]));
  const notApplicable = report.coverageMode === 'not-applicable';
  return report.requirements.map((r) => {
    const tasks = r.taskIds.map((id) => tasksById.get(id)).filter((t): t is TraceTaskReport => t !== undefined);
    const viaPhase = new Set(r.viaPhase ?? []);
    const links = tasks.flatMap((t) => t.links);
    const coverage: CoverageState = notApplicable ? 'not-applicable' : tasks.length === 0 ? 'uncovered' : tasks.every((t) => viaPhase.has(t.taskId)) ? 'via-phase' : 'covered';
    return {
      id: r.id,
      title: r.title,
      text: r.text ?? '',
      coverage,
      tasks,
      viaPhase,
      doneTasks: tasks.filter((t) => t.state === 'done').length,
      links,
      suspect: links.filter((l) => l.state !== 'linked').length,
    };
  });
}

export function filterTraceRows(rows: readonly TraceRow[], filter: TraceFilter): TraceRow[] {
  const words = queryWords(filter.text);
  return rows.filter((row) => {
    if (filter.uncoveredOnly && row.coverage !== 'uncovered') return false;
    if (filter.links === 'linked' && (row.links.length === 0 || row.suspect > 0)) return false;
    if (filter.links === 'suspect' && row.suspect === 0) return false;
    if (filter.links === 'no-code' && row.links.length > 0) return false;
    if (words.length === 0) return true;
    return hasEveryWord(`${row.id} ${row.title} ${row.text} ${row.tasks.map((t) => `${t.taskId} ${t.title}`).join(' ')} ${row.links.map((l) => l.path).join(' ')}`, words);
  });
}
