// Task dependencies, one model across formats: every shape of Kiro's dependency graph, Spec Kit's
// `(depends on …)`, cc-sdd's `_Depends:_` and `_Blocked:_`, heading tasks, and the diagnostics.
import { describe, expect, it } from 'vitest';
import type { Spec, Task } from '../../../shared/specs/model';
import { parseTasks } from '../../../shared/specs/tasks-markdown';
import { readTaskGraph } from '../../../shared/specs/task-graph';
import { dependencyIds } from '../../../shared/specs/task-deps';
import { setTaskState, TaskEditError } from '../../../shared/specs/task-edit';
import { codes, onlySpec } from './helpers';

const kiro = (tasks: string): Spec =>
  onlySpec({ '.kiro/specs/f/requirements.md': '# R\n', '.kiro/specs/f/tasks.md': tasks });
const task = (spec: Spec, id: string): Task => {
  const t = spec.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id} in ${spec.tasks.map((x) => x.id).join(' ')}`);
  return t;
};
const graph = (json: string) => `## Task Dependency Graph\n\n\`\`\`json\n${json}\n\`\`\`\n`;
const TASKS = '# Implementation Plan\n\n## Tasks\n\n- [x] 1. One\n- [ ] 2. Two\n- [ ] 3. Three\n- [ ] 4. Four\n';

describe('Kiro dependency graph shapes', () => {
  it('object waves with IDs, at the end of the file: each wave waits for the one before', () => {
    const spec = kiro(TASKS + '\n' + graph('{"waves":[{"id":0,"tasks":["1"]},{"id":1,"tasks":["2","3"]},{"id":2,"tasks":["4"]}]}'));
    expect(spec.dependencies?.source).toBe('kiro-graph');
    expect(spec.dependencies?.waves.map((w) => w.tasks)).toEqual([['1'], ['2', '3'], ['4']]);
    expect(spec.tasks.map((t) => [t.id, t.wave, t.dependsOn])).toEqual([
      ['1', 0, []],
      ['2', 1, ['1']],
      ['3', 1, ['1']],
      ['4', 2, ['2', '3']],
    ]);
    expect(spec.dependencies?.ready).toEqual(['2', '3']);
    expect(codes(spec).filter((c) => c.startsWith('task-graph'))).toEqual([]);
  });

  it('named waves with descriptions and numeric IDs, near the top of the file', () => {
    const g = graph(
      '{\n  "waves": [\n    {"name": "Wave 1 — Foundations", "tasks": [1, 3], "description": "No inbound dependencies."},\n    {"name": "Wave 2", "tasks": [2, 4], "description": "Build on them."}\n  ]\n}',
    );
    const spec = kiro('# Plan\n\n' + g + '\n' + TASKS);
    expect(spec.dependencies?.waves).toEqual([
      { index: 0, name: 'Wave 1 — Foundations', description: 'No inbound dependencies.', tasks: ['1', '3'] },
      { index: 1, name: 'Wave 2', description: 'Build on them.', tasks: ['2', '4'] },
    ]);
    expect(spec.tasks.map((t) => t.id)).toEqual(['1', '2', '3', '4']); // the graph adds no tasks
    expect(spec.dependencies?.ready).toEqual(['3']);
    expect(spec.dependencies?.pos?.line).toBe(3);
  });

  it('"depends_on" between waves names waves by ID', () => {
    const spec = kiro(TASKS + graph('{"waves":[{"id":0,"tasks":["1"]},{"id":1,"tasks":["2"]},{"id":2,"tasks":["3"],"depends_on":[0]},{"id":3,"tasks":["4"],"depends_on":[1,2]}]}'));
    expect(spec.tasks.map((t) => [t.id, t.dependsOn])).toEqual([
      ['1', []],
      ['2', ['1']],
      ['3', ['1']],
      ['4', ['2', '3']],
    ]);
    expect(spec.dependencies?.ready).toEqual(['2', '3']);
  });

  it('"dependsOn" of waves without IDs names tasks (ArmouredSouls 43)', () => {
    const spec = kiro(TASKS + graph('{"waves":[{"name":"Wave 1","parallel":true,"tasks":["1","2"]},{"name":"Wave 2","tasks":["3"],"dependsOn":["2"]},{"name":"Wave 3","tasks":["4"],"dependsOn":["Wave 1"]}]}'));
    expect(task(spec, '3').dependsOn).toEqual(['2']);
    expect(task(spec, '4').dependsOn).toEqual(['1', '2']); // a wave named by its name
  });

  it('"wave": n objects', () => {
    const spec = kiro(TASKS + graph('{"waves":[{"wave":1,"tasks":["1","2"]},{"wave":2,"tasks":["3","4"]}]}'));
    expect(spec.dependencies?.waves.map((w) => w.name)).toEqual(['1', '2']);
    expect(task(spec, '4').dependsOn).toEqual(['1', '2']);
    expect(spec.dependencies?.ready).toEqual(['2']);
  });

  it('bare arrays (bugfix specs, kirodotdev/Kiro#9405): listed parents carry their sub-tasks', () => {
    const spec = onlySpec({
      '.kiro/specs/b/bugfix.md': '# Bugfix\n',
      '.kiro/specs/b/tasks.md': '- [x] 1. Repro\n- [ ] 2. Fix\n  - [ ] 2.1 Change the code\n  - [ ] 2.2 Test it\n- [ ] 3. Verify\n\n' + graph('{"waves": [["1"], ["2"], ["3"]]}'),
    });
    expect(spec.tasks.map((t) => [t.id, t.wave, t.dependsOn])).toEqual([
      ['1', 0, []],
      ['2', 1, ['1']],
      ['2.1', 1, ['1']],
      ['2.2', 1, ['1']],
      ['3', 2, ['2']],
    ]);
    // 2 has open sub-tasks, so its sub-tasks are what is ready.
    expect(spec.dependencies?.ready).toEqual(['2.1', '2.2']);
  });

  it('sub-task waves leave their parents as containers (no wave, not missing)', () => {
    const spec = kiro('- [x] 1. A\n  - [x] 1.1 a\n  - [ ] 1.2 b\n- [ ] 2. B\n  - [ ] 2.1 c\n\n' + graph('{"waves":[{"id":0,"tasks":["1.1"]},{"id":1,"tasks":["1.2","2.1"]}]}'));
    expect(task(spec, '1').wave).toBeNull();
    expect(task(spec, '2.1').dependsOn).toEqual(['1.1']);
    expect(codes(spec)).not.toContain('task-graph-missing-task');
    expect(spec.dependencies?.ready).toEqual(['1.2', '2.1']);
  });

  it('keeps IDs as written: 6.10 is not 6.1, "Task 2" is task 2', () => {
    const g = readTaskGraph('{"waves":[{"tasks":[6.10, "Task 2", " 3 "]}]}', 10);
    expect(g.waves[0]!.tasks.map((t) => t.id)).toEqual(['6.10', '2', '3']);
    expect(g.problems).toEqual([]);
  });
});

describe('dependency diagnostics', () => {
  it('an unknown ID in the graph, at its line', () => {
    const spec = kiro(TASKS + graph('{\n"waves":[\n{"id":0,"tasks":["1","2","3","4"]},\n{"id":1,"tasks":["9"]}\n]}'));
    const d = spec.diagnostics.find((x) => x.code === 'task-graph-unknown-task')!;
    expect(d.message).toContain('task 9');
    expect(d.pos.line).toBe(spec.dependencies!.pos!.line + 6);
  });

  it('a task missing from the graph, and a checkpoint outside it (kirodotdev/Kiro#9602)', () => {
    const spec = kiro('- [ ] 1. A\n- [ ] 2. B\n- [ ] 3. Checkpoint - Ensure all tests pass\n- [x] 4. Checkpoint done\n\n' + graph('{"waves":[["1"]]}'));
    const found = spec.diagnostics.filter((d) => d.code.startsWith('task-graph')).map((d) => [d.code, d.severity, d.pos.line]);
    expect(found).toEqual([
      ['task-graph-missing-task', 'warning', 2],
      ['task-graph-checkpoint-outside', 'warning', 3],
      ['task-graph-checkpoint-outside', 'info', 4], // done: where a runner puts it no longer matters
    ]);
    // Tasks the graph leaves out have no place, so they are not offered as ready.
    expect(spec.dependencies?.ready).toEqual(['1']);
  });

  it('a cycle, once, naming its tasks', () => {
    const spec = kiro('- [ ] 1. A\n  - _Depends: 3_\n- [ ] 2. B\n  - _Depends: 1_\n- [ ] 3. C\n  - _Depends: 2_\n- [ ] 4. D\n  - _Depends: 4_\n');
    const cycles = spec.diagnostics.filter((d) => d.code === 'task-dependency-cycle');
    expect(cycles.map((d) => [d.severity, d.pos.line, d.message.split(': ')[1]])).toEqual([
      ['error', 1, '1 → 3 → 2 → 1'],
      ['error', 7, '4 → 4'],
    ]);
    expect(spec.dependencies?.ready).toEqual([]);
  });

  it('a cycle between waves', () => {
    const spec = kiro(TASKS + graph('{"waves":[{"id":0,"tasks":["1","2"],"depends_on":[1]},{"id":1,"tasks":["3","4"],"depends_on":[0]}]}'));
    expect(codes(spec)).toContain('task-dependency-cycle');
  });

  it('invalid, too deep or too large graphs are a warning, and the tasks are still read', () => {
    for (const json of ['{"waves": [', '['.repeat(40) + ']'.repeat(40), '{"waves": 3}', `{"waves":[{"tasks":["${'1'.repeat(1_000_001)}"]}]}`]) {
      const spec = kiro(TASKS + graph(json));
      expect(codes(spec), json.slice(0, 20)).toContain('task-graph-invalid');
      expect(spec.tasks).toHaveLength(4);
    }
  });

  it('reads 10,000 levels of nesting without recursion trouble', () => {
    expect(readTaskGraph('['.repeat(10_000), 1).problems[0]!.message).toContain('deeper');
  });
});

describe('inline dependencies', () => {
  it('Spec Kit (depends on T012, T013), ranges with zero padding, and [P]', () => {
    const spec = onlySpec({
      'specs/001-x/spec.md': '# Feature Specification: X\n',
      'specs/001-x/tasks.md':
        '## Phase 1\n\n- [x] T007 [P] Model A\n- [x] T008 [P] Model B\n- [ ] T009 Model C\n- [ ] T010 Map (depends on T007-T009)\n- [ ] T011 [P] Plan (depends on T010, T009)\n',
    });
    expect(spec.dependencies?.source).toBe('inline');
    expect(task(spec, 'T010').dependsOn).toEqual(['T007', 'T008', 'T009']);
    expect(task(spec, 'T011').dependsOn).toEqual(['T010', 'T009']);
    expect(task(spec, 'T011').tags).toContain('P');
    expect(spec.dependencies?.waves.map((w) => w.tasks)).toEqual([['T007', 'T008', 'T009'], ['T010'], ['T011']]);
    expect(spec.dependencies?.ready).toEqual(['T009']);
  });

  it('cc-sdd _Depends:_, (P) and _Blocked: reason_', () => {
    const spec = onlySpec({
      '.kiro/specs/c/spec.json': '{}',
      '.kiro/specs/c/tasks.md':
        '- [x] 1. Base\n- [ ] 2. (P) Side work\n  - _Blocked: waiting for the API key_\n- [ ] 3. Next\n  - _Depends: 1_\n- [ ] 4. Last _Depends: 2, 3_\n',
    });
    expect(spec.format).toBe('cc-sdd');
    expect(task(spec, '2').tags).toContain('P');
    expect(task(spec, '2').blockedReason).toBe('waiting for the API key');
    expect(task(spec, '3').dependsOn).toEqual(['1']);
    expect(task(spec, '4').dependsOn).toEqual(['2', '3']);
    // 2 is blocked, so it is not ready even though it waits for nothing.
    expect(spec.dependencies?.ready).toEqual(['3']);
  });

  // The markers' patterns ignore case; the quick word check in front of them must too (it did not:
  // `DEPENDS:` and `_BLOCKED:_` were never read). The corpus writes `Depends on`, `depends on`,
  // `Depends On` and `depends:`; capitals are what a person writes for emphasis.
  it('markers in any casing: DEPENDS:, Depends On:, (DEPENDS ON …), _BLOCKED: reason_', () => {
    const spec = kiro(
      '- [x] 1. Base\n- [ ] 2. Two\n  - DEPENDS: 1\n- [ ] 3. Three\n  - _Depends On: 2_\n- [ ] 4. Four (DEPENDS ON 1, 3)\n' +
        '- [ ] 5. Five\n  - _BLOCKED: vendor sign-off_\n- [ ] 6. Six **BlOcKeD**: no keys\n- [ ] 7. Seven\n  - **DEPENDS ON**: 6\n',
    );
    expect(spec.tasks.map((t) => [t.id, t.dependsOn ?? [], t.blockedReason ?? null])).toEqual([
      ['1', [], null],
      ['2', ['1'], null],
      ['3', ['2'], null],
      ['4', ['1', '3'], null],
      ['5', [], 'vendor sign-off'],
      ['6', [], 'no keys'],
      ['7', ['6'], null],
    ]);
    expect(spec.dependencies?.ready).toEqual(['2']);
  });

  it('an unknown dependency is one finding per task', () => {
    const spec = kiro('- [ ] 1. A\n  - _Depends: 7, 8_\n');
    expect(spec.diagnostics.filter((d) => d.code === 'task-dependency-unknown').map((d) => d.message)).toEqual(['Task 1 depends on 7, 8, which are not tasks of this file']);
  });

  it('a task written [T065] is found by that ID', () => {
    const spec = onlySpec({ 'specs/001-x/spec.md': '# S\n', 'specs/001-x/tasks.md': '- [x] [T064] A\n- [ ] [T065] B\n  └─ depends: T064\n' });
    expect(spec.tasks[1]!.dependsOn).toEqual(['T064']);
    expect(codes(spec)).not.toContain('task-dependency-unknown');
    expect(spec.dependencies?.ready).toEqual(['L2']);
  });

  it('a spec without declarations: every open task without open sub-tasks is ready', () => {
    const spec = kiro('- [x] 1. A\n- [ ] 2. B\n  - [ ] 2.1 b\n- [-] 3. C\n');
    expect(spec.dependencies).toMatchObject({ source: 'none', waves: [], ready: ['2.1', '3'] });
  });

  it('splits lists written in prose', () => {
    expect(dependencyIds('T008 for WS plugin')).toEqual(['T008']);
    expect(dependencyIds('1.2 and 1.3; Task 4')).toEqual(['1.2', '1.3', '4']);
    expect(dependencyIds('T1-T3')).toEqual(['T1', 'T2', 'T3']);
  });
});

describe('tasks without a checkbox', () => {
  it('Kiro heading tasks: ## Task 1: and ### Task 1.1:, state from their sub-tasks', () => {
    const spec = kiro('## Task 1: Schema\n\n- [x] 1.1 Migrate\n- [x] 1.2 Seed\n\n## Task 2: API\n\n### Task 2.1: Routes\n\n- [x] Write the route\n- [ ] Test it\n\n### Task 2.2: Docs\n\n- [ ] 1. Step one\n- [ ] 2. Step two\n');
    expect(spec.tasks.map((t) => [t.id, t.checkbox ?? true, t.state, t.parentId])).toEqual([
      ['1', false, 'done', null],
      ['1.1', true, 'done', '1'],
      ['1.2', true, 'done', '1'],
      ['2', false, 'in-progress', null],
      ['2.1', false, 'in-progress', '2'],
      ['L10', true, 'done', '2.1'],
      ['L11', true, 'todo', '2.1'],
      ['2.2', false, 'todo', '2'],
      // Numbered steps under a heading task are steps, not tasks 1 and 2.
      ['L15', true, 'todo', '2.2'],
      ['L16', true, 'todo', '2.2'],
    ]);
    expect(task(spec, 'L15').title).toBe('1. Step one');
    expect(codes(spec)).not.toContain('duplicate-task-id');
  });

  it('main tasks written without a checkbox, above checkbox sub-tasks', () => {
    const spec = kiro('- 1. Setup\n  - [x] 1.1 Install\n  - [ ] 1.2 Configure\n\n**2. Build**\n\n- [ ] 2.1 Compile\n\n3. Not a task (no sub-task follows)\n');
    expect(spec.tasks.map((t) => [t.id, t.checkbox ?? true, t.state, t.depth])).toEqual([
      ['1', false, 'in-progress', 0],
      ['1.1', true, 'done', 1],
      ['1.2', true, 'todo', 1],
      ['2', false, 'todo', 0],
      ['2.1', true, 'todo', 1],
    ]);
  });

  it('ticking a task without a checkbox is refused with the reason; nothing changes', () => {
    const text = '## Task 1: Schema\n\n- [ ] 1.1 Migrate\n';
    const heading = parseTasks(text, 't.md').tasks[0]!;
    expect(() => setTaskState(text, heading, 'done')).toThrow(TaskEditError);
    expect(() => setTaskState(text, heading, 'done')).toThrow(/without a checkbox.*tick those instead/);
  });
});

describe('states', () => {
  it('[~] is in progress in Kiro and OpenSpec, skipped in Spec Kit', () => {
    expect(kiro('- [~] 1. a\n').tasks[0]!.state).toBe('in-progress');
    const os = onlySpec({ 'openspec/changes/c/proposal.md': '# P\n', 'openspec/changes/c/tasks.md': '- [~] 1.1 a\n' });
    expect(os.tasks[0]!.state).toBe('in-progress');
    const sk = onlySpec({ 'specs/001-x/spec.md': '# S\n', 'specs/001-x/tasks.md': '- [~] T001 a\n- [ ] T002 b (depends on T001)\n' });
    expect(sk.tasks[0]!.state).toBe('skipped');
    // A skipped dependency no longer holds anything up.
    expect(sk.dependencies?.ready).toEqual(['T002']);
  });

  it('ticks stay one character, also from [~]', () => {
    const text = '- [~] T001 a\r\n';
    const t = parseTasks(text, 't.md', 'speckit').tasks[0]!;
    expect(setTaskState(text, t, 'done')).toBe('- [x] T001 a\r\n');
  });
});
