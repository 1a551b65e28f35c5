// Property: on generated task files with a dependency graph (every shape) or inline dependencies,
// parse → tick → parse changes exactly one character and keeps the dependency model (each task's
// dependsOn and wave, the waves); only states and the ready set may follow the tick.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SettableTaskState, Spec } from '../../../shared/specs/model';
import { setTaskState } from '../../../shared/specs/task-edit';
import { onlySpec } from './helpers';

const STATES: SettableTaskState[] = ['todo', 'in-progress', 'done'];

/** A Kiro-like tasks.md: main tasks 1..n with sub-tasks, states drawn, optional heading tasks. */
const plan = fc.record({
  mains: fc.array(
    fc.record({
      state: fc.constantFrom(' ', 'x', 'X', '-', '~'),
      heading: fc.boolean(),
      subs: fc.array(fc.record({ state: fc.constantFrom(' ', 'x', '-', '~'), dep: fc.option(fc.nat(), { nil: undefined }), blocked: fc.boolean() }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  shape: fc.constantFrom('ids', 'named', 'depends_on', 'wave', 'bare', 'inline', 'none'),
  top: fc.boolean(),
  crlf: fc.boolean(),
  waveSize: fc.integer({ min: 1, max: 3 }),
});

type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never;

function render(p: Plan): string {
  const lines: string[] = ['# Implementation Plan', '', '## Tasks', ''];
  const ids: string[] = [];
  p.mains.forEach((m, i) => {
    const n = i + 1;
    ids.push(String(n));
    if (m.heading) lines.push(`## Task ${n}: Main ${n}`, '');
    else lines.push(`- [${m.state}] ${n}. Main ${n}`);
    m.subs.forEach((s, j) => {
      const id = `${n}.${j + 1}`;
      lines.push(`${m.heading ? '' : '  '}- [${s.state}] ${id} Sub ${id}`);
      if (s.dep !== undefined && p.shape === 'inline') lines.push(`    - _Depends: ${ids[s.dep % ids.length]}_`);
      if (s.blocked) lines.push('    - _Blocked: waiting_');
    });
  });
  const waves: string[][] = [];
  for (let i = 0; i < ids.length; i += p.waveSize) waves.push(ids.slice(i, i + p.waveSize));
  const json =
    p.shape === 'ids'
      ? JSON.stringify({ waves: waves.map((tasks, id) => ({ id, tasks })) })
      : p.shape === 'named'
        ? JSON.stringify({ waves: waves.map((tasks, i) => ({ name: `Wave ${i + 1}`, tasks: tasks.map(Number), description: 'd' })) })
        : p.shape === 'depends_on'
          ? JSON.stringify({ waves: waves.map((tasks, id) => ({ id, tasks, depends_on: id === 0 ? [] : [0] })) })
          : p.shape === 'wave'
            ? JSON.stringify({ waves: waves.map((tasks, i) => ({ wave: i + 1, tasks })) })
            : p.shape === 'bare'
              ? JSON.stringify({ waves })
              : null;
  const graph = json === null ? [] : ['## Task Dependency Graph', '', '```json', json, '```', ''];
  const all = p.top ? ['# Implementation Plan', '', ...graph, ...lines.slice(1)] : [...lines, '', ...graph];
  return all.join(p.crlf ? '\r\n' : '\n');
}

const model = (spec: Spec) => ({
  waves: spec.dependencies?.waves,
  source: spec.dependencies?.source,
  tasks: spec.tasks.map((t) => ({ id: t.id, line: t.pos.line, dependsOn: t.dependsOn, wave: t.wave, blockedReason: t.blockedReason, checkbox: t.checkbox })),
});
const parse = (text: string) => onlySpec({ '.kiro/specs/f/requirements.md': '# R\n', '.kiro/specs/f/tasks.md': text });

describe('ticks keep the dependency model (property)', () => {
  it('parse → tick → parse: one character changes, dependencies and waves stay', () => {
    fc.assert(
      fc.property(plan, fc.nat(), fc.constantFrom(...STATES), (p, pick, state) => {
        const text = render(p);
        const before = parse(text);
        const boxes = before.tasks.filter((t) => t.checkbox !== false);
        fc.pre(boxes.length > 0);
        const task = boxes[pick % boxes.length]!;
        const after = setTaskState(text, task, state);
        expect(after.length).toBe(text.length);
        let changed = 0;
        for (let i = 0; i < text.length; i++) if (after.charCodeAt(i) !== text.charCodeAt(i)) changed++;
        expect(changed).toBeLessThanOrEqual(1);
        if (changed === 1) expect(after[task.stateOffset]).not.toBe(text[task.stateOffset]);
        const reparsed = parse(after);
        expect(model(reparsed)).toEqual(model(before));
        // The ready set is still exactly the open, unblocked tasks whose dependencies are met.
        const byId = new Map(reparsed.tasks.map((t) => [t.id, t]));
        for (const id of reparsed.dependencies?.ready ?? []) {
          const t = byId.get(id)!;
          expect(['todo', 'in-progress']).toContain(t.state);
          expect(t.blockedReason ?? null).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
