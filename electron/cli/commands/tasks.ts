import type { Spec, Task } from '../../../shared/specs/model';
import { defineCommand } from '../command';
import { withSession } from '../open-folder';
import { chooseSpecs } from '../spec-args';

const BOX: Record<Task['state'], string> = { todo: ' ', 'in-progress': '-', done: 'x', skipped: '~', unknown: '?' };

export const tasksCommand = defineCommand({
  name: 'tasks',
  summary: 'List the tasks of every spec in a folder (or of one spec), with state, hierarchy, references and dependencies; --ready: the tasks that can start now',
  usage: 'specdeck tasks <folder> [--spec <id>] [--ready] [--json]',
  options: { json: { type: 'boolean' }, spec: { type: 'string' }, ready: { type: 'boolean' } },
  positionals: ['folder'],
  async run({ values, positionals, io }) {
    const specs = await withSession(positionals[0], async (s) => chooseSpecs(await s.specs.all(), values.spec));
    const ready = values.ready === true;
    if (values.json) {
      io.out(JSON.stringify(specs.map((spec) => toJson(spec, ready)), null, 2));
      return 0;
    }
    for (const spec of specs) {
      io.out(`${spec.id}  (${spec.tasksFile ?? 'no tasks file'})`);
      if (ready) {
        const tasks = readyTasks(spec);
        if (tasks.length === 0) io.out('  no task is ready');
        for (const t of tasks) io.out(`  ${waveLabel(spec, t)}${t.numbered ? t.id + ' ' : ''}${t.title}  (line ${t.pos.line})`);
        continue;
      }
      for (const t of spec.tasks) {
        const mark = t.checkbox === false ? '·' : t.state === 'unknown' ? t.stateChar : BOX[t.state];
        const refs = t.refs.length > 0 ? `  → ${t.refs.join(', ')}` : '';
        const deps = t.dependsOn && t.dependsOn.length > 0 ? `  after ${t.dependsOn.join(', ')}` : '';
        const blocked = t.blockedReason ? `  blocked: ${t.blockedReason}` : '';
        io.out(`${'  '.repeat(t.depth + 1)}[${mark}]${t.optional ? '*' : ''} ${t.numbered ? t.id + ' ' : ''}${t.title}${refs}${deps}${blocked}  (line ${t.pos.line})`);
      }
    }
    return 0;
  },
});

function readyTasks(spec: Spec): Task[] {
  const ids = new Set(spec.dependencies?.ready ?? []);
  return spec.tasks.filter((t) => ids.has(t.id));
}

function waveLabel(spec: Spec, t: Task): string {
  if (t.wave === null || t.wave === undefined) return '';
  const name = spec.dependencies?.waves[t.wave]?.name;
  return `[wave ${t.wave}${name && name !== String(t.wave) ? `: ${name}` : ''}] `;
}

function toJson(spec: Spec, readyOnly: boolean) {
  const tasks = readyOnly ? readyTasks(spec) : spec.tasks;
  return {
    spec: spec.id,
    format: spec.format,
    file: spec.tasksFile,
    dependencies: spec.dependencies ? { source: spec.dependencies.source, waves: spec.dependencies.waves, ready: spec.dependencies.ready } : null,
    tasks: tasks.map((t) => ({
      id: t.id,
      numbered: t.numbered,
      title: t.title,
      state: t.state,
      stateChar: t.stateChar,
      checkbox: t.checkbox !== false,
      optional: t.optional,
      depth: t.depth,
      parentId: t.parentId,
      refs: t.refs,
      tags: t.tags,
      section: t.section ?? null,
      dependsOn: t.dependsOn ?? [],
      blockedReason: t.blockedReason ?? null,
      wave: t.wave ?? null,
      waveName: t.wave === null || t.wave === undefined ? null : (spec.dependencies?.waves[t.wave]?.name ?? null),
      file: t.pos.file,
      line: t.pos.line,
      column: t.pos.column,
    })),
  };
}
