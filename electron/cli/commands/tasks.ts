import type { Spec, Task } from '../../../shared/specs/model';
import { defineCommand } from '../command';
import { withSession } from '../open-folder';
import { chooseSpecs } from '../spec-args';

const BOX: Record<Task['state'], string> = { todo: ' ', 'in-progress': '-', done: 'x', skipped: '~', unknown: '?' };

export const tasksCommand = defineCommand({
  name: 'tasks',
  summary: 'List the tasks of every spec in a folder (or of one spec), with state, hierarchy and references',
  usage: 'specdeck tasks <folder> [--spec <id>] [--json]',
  options: { json: { type: 'boolean' }, spec: { type: 'string' } },
  positionals: ['folder'],
  async run({ values, positionals, io }) {
    const specs = await withSession(positionals[0], async (s) => chooseSpecs(await s.specs.all(), values.spec));
    if (values.json) {
      io.out(JSON.stringify(specs.map(toJson), null, 2));
      return 0;
    }
    for (const spec of specs) {
      io.out(`${spec.id}  (${spec.tasksFile ?? 'no tasks file'})`);
      for (const t of spec.tasks) {
        const mark = t.state === 'unknown' ? t.stateChar : BOX[t.state];
        const refs = t.refs.length > 0 ? `  → ${t.refs.join(', ')}` : '';
        io.out(`${'  '.repeat(t.depth + 1)}[${mark}]${t.optional ? '*' : ''} ${t.numbered ? t.id + ' ' : ''}${t.title}${refs}  (line ${t.pos.line})`);
      }
    }
    return 0;
  },
});

function toJson(spec: Spec) {
  return {
    spec: spec.id,
    format: spec.format,
    file: spec.tasksFile,
    tasks: spec.tasks.map((t) => ({
      id: t.id,
      numbered: t.numbered,
      title: t.title,
      state: t.state,
      stateChar: t.stateChar,
      optional: t.optional,
      depth: t.depth,
      parentId: t.parentId,
      refs: t.refs,
      tags: t.tags,
      section: t.section ?? null,
      file: t.pos.file,
      line: t.pos.line,
      column: t.pos.column,
    })),
  };
}
