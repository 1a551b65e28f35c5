// `specdeck trace <dir> [--spec <id>] [--json]`: requirement → tasks → links, each with its state.
import type { TraceLink, TraceSpecReport } from '../../../shared/api/contract';
import { plural } from '../../../shared/text/plural';
import { defineCommand } from '../command';
import { withSession } from '../open-folder';
import { chooseSpecs } from '../spec-args';

export const traceCommand = defineCommand({
  name: 'trace',
  summary: 'Show requirement → tasks → code links (edits, comment tags, commit trailers) and their state',
  usage: 'specdeck trace <folder> [--spec <id>] [--json]',
  options: { json: { type: 'boolean' }, spec: { type: 'string' } },
  positionals: ['folder'],
  async run({ values, positionals, io }) {
    const reports = await withSession(positionals[0], async (s) => {
      const chosen = chooseSpecs(await s.specs.all(), values.spec);
      return s.trace.specReports(chosen.map((spec) => spec.id));
    });
    if (values.json) {
      io.out(JSON.stringify(reports, null, 2));
      return 0;
    }
    for (const report of reports) printReport(report, io.out);
    return 0;
  },
});

function printReport(report: TraceSpecReport, out: (line: string) => void): void {
  out(report.specId);
  const byId = new Map(report.tasks.map((t) => [t.taskId, t]));
  const printTask = (taskId: string, indent: string) => {
    const task = byId.get(taskId);
    if (!task) return;
    out(`${indent}task ${task.taskId} [${task.state}] ${task.title}${task.links.length === 0 ? '  (no code)' : ''}`);
    for (const link of task.links) out(`${indent}  ${formatLink(link)}`);
  };
  for (const r of report.requirements) {
    out(`  requirement ${r.id}${r.title ? ' ' + r.title : ''}${r.taskIds.length === 0 ? '  (no task)' : ''}`);
    for (const id of r.taskIds) printTask(id, '    ');
  }
  const unreferenced = report.tasks.filter((t) => t.requirementIds.length === 0);
  if (unreferenced.length > 0) {
    out('  tasks referencing no requirement');
    for (const t of unreferenced) printTask(t.taskId, '    ');
  }
  if (report.orphaned.length > 0) {
    out('  orphaned links (their task is gone)');
    for (const link of report.orphaned) out(`    ${link.taskKey}: ${formatLink(link)}`);
  }
  const c = report.coverage;
  const withoutTasks = report.coverageMode === 'not-applicable' ? 'requirement coverage not applicable (the tasks do not cite requirements)' : `${plural(c.requirementsWithoutTasks.length, 'requirement')} without tasks`;
  out(`  ${c.linked} linked, ${c.suspect} suspect, ${c.orphaned} orphaned; ${withoutTasks}; ${plural(c.doneWithoutCode.length, 'done task')} without code${report.git ? '' : '; not a git repository (no commit links)'}`);
}

export function formatLink(link: TraceLink): string {
  const reasons = link.reasons.length > 0 ? ` (${link.reasons.join(', ')})` : '';
  const commit = link.commit ? ` ${link.commit.slice(0, 10)}` : '';
  return `${link.state.padEnd(8)} ${link.path}:${link.startLine}-${link.endLine} ${link.source}${commit}${reasons}`;
}
