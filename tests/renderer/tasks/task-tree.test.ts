// The task list's tree logic (renderer/src/tasks/task-tree.ts) over tasks parsed by the real parser.
import { describe, expect, it } from 'vitest';
import { parseTasks } from '../../../shared/specs/tasks-markdown';
import { countTasks, isSectionRow, sectionRuns, taskKeys, visibleRows, waveLabel, type ListRow } from '../../../renderer/src/tasks/task-tree';
import { chipLabel, taskTitleView } from '../../../renderer/src/tasks/task-title';
import { parseInline } from '../../../shared/text/inline-markdown';
import { waveTable } from '../../../renderer/src/markdown/render';
import { onlySpec } from '../../shared/specs/helpers';

const FILE = '.kiro/specs/demo/tasks.md';
const TEXT = `# Plan

- [x] 1. Setup
- [ ] 2. Store
- [ ] 2.1 Models
- [-] 2.2 Atomic write
- [ ]* 2.3 Tests
- [ ] 3. Commands
  - [x] 3.1 Add
  - [x] 3.2 Done
`;
const tasks = parseTasks(TEXT, FILE).tasks;
const ids = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => r.task.id);

describe('the task tree', () => {
  it('shows every task under "all", marking the parents', () => {
    const rows = visibleRows(tasks, 'all', {});
    expect(ids(rows)).toEqual(['1', '2', '2.1', '2.2', '2.3', '3', '3.1', '3.2']);
    expect(rows.filter((r) => r.hasChildren).map((r) => r.task.id)).toEqual(['2', '3']);
  });

  it('hides the descendants of a collapsed parent, and only those', () => {
    expect(ids(visibleRows(tasks, 'all', { '2': true }))).toEqual(['1', '2', '3', '3.1', '3.2']);
  });

  it('keeps a parent that has matching children, so the tree keeps its shape', () => {
    // 3 is open but its children are done: under "done", 3 stays as their parent.
    expect(ids(visibleRows(tasks, 'done', {}))).toEqual(['1', '3', '3.1', '3.2']);
    expect(ids(visibleRows(tasks, 'open', {}))).toEqual(['2', '2.1', '2.2', '2.3', '3']);
  });

  it('counts done, in progress, open and optional tasks', () => {
    expect(countTasks(tasks)).toEqual({ total: 8, done: 3, inProgress: 1, open: 5, optional: 1 });
  });

  it('keys tasks by ID, telling repeated IDs apart, so keys survive lines moving', () => {
    const moved = parseTasks(`\n\n\n${TEXT}`, FILE).tasks;
    expect(taskKeys(moved)).toEqual(taskKeys(tasks));
    const repeated = parseTasks('- [ ] 1. A\n- [ ] 1. B\n', FILE).tasks;
    expect(taskKeys(repeated)).toEqual(['1', '1#1']);
  });
});

describe('the ready filter and wave grouping', () => {
  const GRAPH = `# Plan

- [x] 1. Schema
- [ ] 2. API
  - [ ] 2.1 Routes
  - [x] 2.2 Models
- [ ] 3. UI
- [ ] 4. Checkpoint

## Task Dependency Graph

\`\`\`json
{"waves":[{"name":"Wave 1 — Base","tasks":["1"]},{"name":"Wave 2","tasks":["2","3"]}]}
\`\`\`
`;
  const spec = onlySpec({ '.kiro/specs/demo/requirements.md': '# R\n', '.kiro/specs/demo/tasks.md': GRAPH });
  const ready = new Set(spec.dependencies!.ready);

  it('"ready" shows the ready tasks, with their parents for the tree shape', () => {
    expect([...ready]).toEqual(['2.1', '3']);
    expect(ids(visibleRows(spec.tasks, 'ready', {}, { ready }))).toEqual(['2', '2.1', '3']);
  });

  it('grouped by wave: flat rows in wave order, a header on the first row of each wave, the rest last', () => {
    const rows = visibleRows(spec.tasks, 'all', {}, { ready, byWave: spec.dependencies });
    expect(rows.map((r) => [r.task.id, r.indent, r.waveHeader?.label ?? null, r.waveHeader?.count ?? null])).toEqual([
      ['1', 0, 'Wave 1 — Base', 1],
      ['2', 0, 'Wave 2', 4],
      ['2.1', 0, null, null],
      ['2.2', 0, null, null],
      ['3', 0, null, null],
      ['4', 0, 'Not in a wave', 1],
    ]);
    // The filter still applies inside the groups.
    expect(ids(visibleRows(spec.tasks, 'ready', {}, { ready, byWave: spec.dependencies }))).toEqual(['2.1', '3']);
  });

  it('names numbered waves "Wave n" counted from 1', () => {
    const s = onlySpec({ '.kiro/specs/d/tasks.md': '- [ ] 1. A\n\n## Task Dependency Graph\n\n```json\n{"waves":[{"id":0,"tasks":["1"]}]}\n```\n' });
    expect(waveLabel(s.dependencies!, 0)).toBe('Wave 1');
  });
});

describe('the rendered graph block', () => {
  it('is a table of waves (names, tasks, descriptions, depends_on), escaped', () => {
    const html = waveTable('{"waves":[{"id":0,"tasks":["1.1","1.2"]},{"name":"<b>Two</b>","tasks":[2],"description":"after & more","depends_on":[0]}]}')!;
    expect(html).toContain('<summary>Task dependency graph: 2 waves, 3 tasks</summary>');
    expect(html).toContain('<tr><th scope="row">Wave 0</th><td>1.1, 1.2</td><td></td></tr>');
    expect(html).toContain('<th scope="row">&#60;b&#62;Two&#60;/b&#62;</th><td>2<br><span class="wave-after">after 0</span></td><td>after &#38; more</td>');
  });

  it('anything that does not read as waves stays a code block', () => {
    expect(waveTable('{"waves": [')).toBeNull();
    expect(waveTable('{"other": 1}')).toBeNull();
  });
});

const SPECKIT = `# Tasks: Demo

## Phase 1: Setup

- [x] T001 Create the project
- [ ] T002 [P] Configure \`eslint\`

## Phase 3: User Story 1 - Browse

- [ ] T010 [P] [US1] Model in **src/models/item.ts**
- [x] T011 [US1] Service, see [the plan](plan.md)
`;
const OPENSPEC = `## 1. Storage

- [x] 1.1 Add the table
- [ ] 1.2 Migrate

## 2. API

- [ ] 2.1 Endpoint
`;
const show = (rows: ListRow[]) => rows.map((r) => (isSectionRow(r) ? `# ${r.label} ${r.done}/${r.total}` : r.task.id));

describe('section headings as group rows', () => {
  const speckit = parseTasks(SPECKIT, 'specs/001-demo/tasks.md', 'speckit').tasks;
  const openspec = parseTasks(OPENSPEC, 'openspec/changes/demo/tasks.md', 'openspec').tasks;

  it('puts a group row before the tasks of each heading, with done/total', () => {
    expect(show(visibleRows(speckit, 'all', {}, { sections: true }))).toEqual([
      '# Phase 1: Setup 1/2', 'T001', 'T002', '# Phase 3: User Story 1 - Browse 1/2', 'T010', 'T011',
    ]);
    expect(show(visibleRows(openspec, 'all', {}, { sections: true }))).toEqual(['# 1. Storage 1/2', '1.1', '1.2', '# 2. API 0/1', '2.1']);
  });

  it('a collapsed group hides its tasks only; a group with no matching task is not shown', () => {
    expect(show(visibleRows(openspec, 'all', { '§1. Storage': true }, { sections: true }))).toEqual(['# 1. Storage 1/2', '# 2. API 0/1', '2.1']);
    expect(show(visibleRows(openspec, 'done', {}, { sections: true }))).toEqual(['# 1. Storage 1/2', '1.1']);
  });

  it('a subsection keeps the heading above it (not a level-1 title) as context', () => {
    const nested = parseTasks('# Tasks: Demo\n\n## Phase 3: User Story 1\n\n### Tests\n\n- [ ] T010 Test it\n\n### Implementation\n\n- [ ] T011 Build it\n\n## Phase 4: Polish\n\n- [ ] T020 Polish\n', 'specs/001-demo/tasks.md', 'speckit').tasks;
    expect(sectionRuns(nested).map((r) => [r.row.parent, r.row.label])).toEqual([
      ['Phase 3: User Story 1', 'Tests'],
      ['Phase 3: User Story 1', 'Implementation'],
      [undefined, 'Phase 4: Polish'],
    ]);
  });

  it('no group rows for a single heading (Kiro "# Implementation Plan"), nor without the option', () => {
    expect(sectionRuns(tasks)).toEqual([]);
    expect(visibleRows(speckit, 'all', {}).some((r) => isSectionRow(r))).toBe(false);
  });

  it('no group row for a Kiro heading task\'s own heading (the task row shows it)', () => {
    const kiro = parseTasks('# Plan\n\n## Task 1: Setup\n\n- [ ] 1.1 Init\n\n## Task 2: Build\n\n- [ ] 2.1 Compile\n', FILE).tasks;
    expect(show(visibleRows(kiro, 'all', {}, { sections: true }))).toEqual(['1', '1.1', '2', '2.1']);
  });
});

describe('task titles', () => {
  it('renders code spans, emphasis and links as pieces', () => {
    expect(parseInline('Add `a*b` to **core** and _docs_, see [plan](plan.md) *now*')).toEqual([
      { kind: 'text', text: 'Add ' },
      { kind: 'code', text: 'a*b' },
      { kind: 'text', text: ' to ' },
      { kind: 'strong', text: 'core' },
      { kind: 'text', text: ' and ' },
      { kind: 'em', text: 'docs' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', text: 'plan', href: 'plan.md' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'now' },
    ]);
  });

  it('leaves snake_case, lone stars and unclosed backticks as text', () => {
    expect(parseInline('rename user_id_field * 2 and `open')).toEqual([{ kind: 'text', text: 'rename user_id_field * 2 and `open' }]);
  });

  it('lifts [P] and [USn] out of the title as chips', () => {
    const speckit = parseTasks(SPECKIT, 'specs/001-demo/tasks.md', 'speckit').tasks;
    const t010 = taskTitleView(speckit.find((t) => t.id === 'T010')!);
    expect(t010.chips).toEqual(['P', 'US1']);
    expect(t010.plain).toBe('Model in src/models/item.ts');
    expect(t010.pieces[1]).toEqual({ kind: 'strong', text: 'src/models/item.ts' });
    expect(chipLabel('P')).toBe('parallel');
    expect(chipLabel('US1')).toBe('user story 1');
    // No tags: a leading bracket stays as written.
    expect(taskTitleView({ title: '[draft] Write it', tags: [] }).plain).toBe('[draft] Write it');
  });
});
