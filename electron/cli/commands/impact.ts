// `specdeck impact <base>..<head>`: the specs, requirements and tasks a range of commits touched,
// and the links that became suspect. For pull requests: `--fail-on suspect` exits 1 when any did.
import type { ImpactResult } from '../../core/evidence/impact';
import { defineCommand, UsageError } from '../command';
import { withSession } from '../open-folder';

export const impactCommand = defineCommand({
  name: 'impact',
  summary: 'What a range of commits changed in the specs: tasks, requirements, links that became suspect',
  usage: 'specdeck impact <base>..<head> [--folder <dir>] [--json] [--fail-on suspect]',
  options: {
    json: { type: 'boolean' },
    folder: { type: 'string' },
    'fail-on': { type: 'string' },
  },
  positionals: ['range'],
  async run({ values, positionals, io }) {
    const failOn = values['fail-on'];
    if (failOn !== undefined && failOn !== 'suspect') throw new UsageError(`--fail-on must be suspect, got ${failOn}`);
    const range = positionals[0]!;
    if (!range.includes('..')) throw new UsageError(`the range must be <base>..<head>, got ${range}`);
    const result = await withSession(values.folder ?? process.cwd(), (s) => s.evidence.impact(range));
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else for (const line of impactText(result)) io.out(line);
    for (const note of result.notes) io.err(`specdeck impact: ${note}`);
    io.err(`${result.commits} commit(s), ${result.files.length} file(s), ${result.specs.length} spec(s) affected, ${result.suspect.length} link(s) became suspect`);
    return failOn === 'suspect' && result.suspect.length > 0 ? 1 : 0;
  },
});

function impactText(r: ImpactResult): string[] {
  const out: string[] = [`impact of ${r.range} (${r.base.slice(0, 12)}..${r.head.slice(0, 12)}, ${r.commits} commit(s))`];
  for (const f of r.files) if (f.oldPath) out.push(`  renamed ${f.oldPath} -> ${f.path}`);
  for (const spec of r.specs) {
    out.push(`spec ${spec.specId}${spec.added ? ' (new)' : ''}`);
    for (const d of spec.documents) out.push(`  document changed: ${d}`);
    for (const req of spec.requirements) out.push(`  requirement ${req.id} ${req.change}${req.tasksUnchanged && req.change !== 'removed' ? ' (no task changed with it)' : ''}`);
    for (const t of spec.tasks) out.push(`  task ${t.taskId} ${t.title}: ${t.reasons.join(', ')}${t.files.length > 0 ? ` (${t.files.join(', ')})` : ''}`);
  }
  for (const l of r.suspect) out.push(`suspect ${l.path}:${l.startLine}-${l.endLine} ${l.source} -> ${l.taskKey} (${l.reasons.join(', ')})`);
  return out;
}
