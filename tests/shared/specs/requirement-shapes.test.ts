// Requirements as people write them (issue 10, item 1): one fixture per shape seen in real spec
// folders, each read into the one model. The numbers in the test names are the root causes.
import { describe, expect, it } from 'vitest';
import { parseKiroRequirements } from '../../../shared/specs/parsers/kiro-requirements';
import { parseSpeckitSpec } from '../../../shared/specs/parsers/speckit-spec';
import { splitRefs } from '../../../shared/specs/refs';
import { parseTasks } from '../../../shared/specs/tasks-markdown';
import type { Requirement, TaskRef } from '../../../shared/specs/model';
import { codes, onlySpec } from './helpers';

const K = '.kiro/specs/demo';
const pos = { file: 'tasks.md', line: 1, column: 1 };
const reqs = (text: string) => parseKiroRequirements(text, 'requirements.md', 'requirements').requirements;
const ids = (r: Requirement[]) => r.map((x) => x.id);
const refs = (body: string) => splitRefs(body, pos).map((r: TaskRef) => [r.kind, r.ids]);

describe('1. reference lists', () => {
  it('splits plain ID lists on commas and the blanks beside them, nothing else (as a regex split would)', () => {
    // Generated lists of the common `1.1, 2.3_` shape with every blank arrangement around the commas.
    const blanks = ['', ' ', '\t', ' \t ', '  '];
    let n = 0;
    for (const a of blanks) for (const b of blanks) for (const lead of ['', ' ']) for (const tail of ['', '_', ' *.', '.']) {
      const body = `${lead}R1.1${a},${b}2.3${b},${a}14${tail}`;
      const raw = body.replace(/[\s_*.]+$/, '');
      expect(splitRefs(body, pos)).toEqual([{ raw, kind: 'id', ids: raw.split(/[ \t]*,[ \t]*/), pos }]);
      n++;
    }
    expect(n).toBe(200);
    expect(refs('3')).toEqual([['id', ['3']]]);
  });

  it.each([
    ['R-LD-2.3, US-011.1', [['id', ['R-LD-2.3']], ['id', ['US-011.1']]]],
    ['FR-009.1', [['id', ['FR-009.1']]]],
    ['REQ-1.3.1', [['id', ['REQ-1.3.1']]]],
    ['Requisito 11.1, Requisitos 2.3', [['id', ['11.1']], ['id', ['2.3']]]],
    ['需求16、需求 3.2', [['id', ['16']], ['id', ['3.2']]]],
    ['Requirement 2, Req. 3', [['id', ['2']], ['id', ['3']]]],
    ['16.2, 16.10 (Deployment Strategy and Documentation)', [['id', ['16.2']], ['id', ['16.10']]]],
    ['Core requirements validation (1.2, 21.1)', [['id', ['1.2', '21.1']]]],
    ['1.1-1.3', [['range', ['1.1', '1.2', '1.3']]]],
    ['1.1–5', [['range', ['1.1', '1.2', '1.3', '1.4', '1.5']]]],
    ['FR-005 to FR-008', [['range', ['FR-005', 'FR-006', 'FR-007', 'FR-008']]]],
    ['All (1–3)', [['range', ['1', '2', '3']]]],
    ['all (1.1–1.2, 10.1–10.2)', [['range', ['1.1', '1.2', '10.1', '10.2']]]],
    ['User Story 1.5', [['id', ['US1.5']]]],
    ['All', [['all', []]]],
    ['All requirements completed', [['all', []]]],
    ['All (aggregate verification)', [['all', []]]],
    ['Property 2, Design Section 8, CP-2, Correctness Property 4', [['design', []], ['design', []], ['design', []], ['design', []]]],
    ['All requirements for observability', [['free', []]]],
    ['(checkpoint)', [['free', []]]],
  ] as const)('%s', (body, expected) => {
    expect(refs(body)).toEqual(expected);
  });

  it('keeps the ends of a range across requirements and expands it from the requirements document', () => {
    expect(splitRefs('1.1 through 2.2 (aggregate)', pos)[0]).toMatchObject({ kind: 'range', ids: ['1.1', '2.2'], span: ['1.1', '2.2'] });
    const spec = onlySpec({
      [`${K}/requirements.md`]: '### Requirement 1\n1. THE A SHALL a\n2. THE A SHALL b\n### Requirement 2\n1. THE B SHALL c\n2. THE B SHALL d\n3. THE B SHALL e\n',
      [`${K}/tasks.md`]: '- [ ] 1. all of it\n  - _Requirements: R1.1–R2.2_\n',
    });
    expect(spec.tasks[0]!.refs).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(codes(spec)).toEqual(['uncovered-requirement']);
    expect(spec.diagnostics[0]!.message).toContain('2.3');
  });
});

describe('2. letter sub-levels', () => {
  it('reads `2a.` criteria as a sub-level of criterion 2, and `44l` as its own requirement', () => {
    const r = reqs('### Requirement 44\n1. THE X SHALL a\n### Requirement 44l\n1. THE X SHALL b\n2. THE X SHALL c\n2a. THE X SHALL c, narrowed\n3. THE X SHALL d\n');
    expect(ids(r)).toEqual(['44', '44.1', '44l', '44l.1', '44l.2', '44l.2a', '44l.3']);
    expect(r.find((x) => x.id === '44l.2a')!.parentId).toBe('44l');
  });

  it('places task `6.2a` under `6.2` without a wrong-parent warning, beside it or indented below it', () => {
    const beside = parseTasks('- [ ] 6. Group\n  - [ ] 6.1 a\n  - [ ] 6.2 b\n  - [ ] 6.2a b, more\n  - [ ] 6.3 c\n', 'tasks.md');
    expect(beside.tasks.map((t) => [t.id, t.parentId])).toEqual([['6', null], ['6.1', '6'], ['6.2', '6'], ['6.2a', '6.2'], ['6.3', '6']]);
    expect(beside.diagnostics).toEqual([]);
    const below = parseTasks('- [ ] 6. Group\n  - [ ] 6.2 b\n    - [ ] 6.2a b, more\n', 'tasks.md');
    expect(below.tasks.map((t) => t.parentId)).toEqual([null, '6', '6.2']);
    expect(below.diagnostics).toEqual([]);
  });

  it('resolves a reference to a letter sub-level', () => {
    const spec = onlySpec({
      [`${K}/requirements.md`]: '### Requirement 44l\n1. THE X SHALL a\n',
      [`${K}/tasks.md`]: '- [ ] 1. a\n  - _Requirements: 44l.1_\n',
    });
    expect(codes(spec)).toEqual([]);
  });
});

describe('3. requirements not headed `Requirement N`', () => {
  it.each([
    ['### US-4: Sign in\n1. THE App SHALL x', ['US-4', 'US-4.1']],
    ['### Story 1: Sign in\n1. THE App SHALL x', ['US1', 'US1.1']],
    ['## 要件定義\n### 1.1 ログイン\n1. THE App SHALL x', ['1.1', '1.1.1']],
    ['### 6. Export\n1. THE App SHALL x', ['6', '6.1']],
    ['#### REQ-1.3.1: Tokens\n1. THE App SHALL x', ['REQ-1.3.1', 'REQ-1.3.1.1']],
    ['### DR1: Retention\n1. THE App SHALL x', ['DR1', 'DR1.1']],
    ['### SEC-04 — Secrets\nThe API SHALL never log tokens.', ['SEC-04']],
    ['### Requisito 3 - Exportar\n1. QUANDO x, ENTÃO o sistema DEVE y', ['3', '3.1']],
    ['### 需求 2：导出\n1. 当用户点击时，系统应导出', ['2', '2.1']],
  ] as const)('%s', (text, expected) => {
    expect(ids(reqs(text))).toEqual(expected);
  });

  it('reads criteria with written IDs (`**VR-5.1.4**:`, `**AC-5.1**`, `- FR-3.1:`, `**R3.4**`)', () => {
    const r = reqs('### Requirement 5: Validation\n**VR-5.1.4**: THE API SHALL reject x\n**AC-5.1** WHEN y THE API SHALL z\n- FR-3.1: THE API SHALL w\n### R3: Resale\n**R3.4** THE route SHALL sell\n');
    expect(r.map((x) => [x.id, x.parentId])).toEqual([['5', null], ['VR-5.1.4', '5'], ['AC-5.1', '5'], ['FR-3.1', '5'], ['R3', null], ['R3.4', 'R3']]);
    expect(r.filter((x) => x.kind === 'criterion').every((x) => x.ears !== 'none')).toBe(true);
  });

  it('gives a written ID under another heading to the requirement it names (`**R9.12**` under `### R10`)', () => {
    const r = reqs('### R9: UI\n**R9.1** THE UI SHALL a\n### R10: Security\n**R9.12** THE UI SHALL b\n**R10.1** THE API SHALL c\n');
    expect(r.map((x) => [x.id, x.parentId])).toEqual([['R9', null], ['R9.1', 'R9'], ['R10', null], ['R9.12', 'R9'], ['R10.1', 'R10']]);
  });

  it('keeps numbered section headings out of the requirements when the document heads them `Requirement N`', () => {
    const r = reqs('# 要件定義\n## 1. 背景\n### 1.1 現在地\n1. 説明\n## 2. 要件\n### 要件 1: 計測\n1. THE App SHALL x\n');
    expect(ids(r)).toEqual(['1', '1.1']);
    expect(r[0]!.title).toBe('計測');
  });

  it('drops a numbered heading with nothing requirement-like under it (`## 1. Introduction`)', () => {
    expect(ids(reqs('## 1. Introduction\nSome words.\n## 2. Glossary\n- Term: meaning\n'))).toEqual([]);
  });

  it('keeps unknown shapes as text, never an error', () => {
    const text = '# Notes\n\nSome prose.\n\n| a | b |\n|---|---|\n\n### Something else\n- bullet\n1. numbered\n';
    expect(parseKiroRequirements(text, 'r.md', 'requirements')).toEqual({ requirements: [], diagnostics: [] });
  });
});

describe('4. criteria wrapped over several lines', () => {
  it('reads the whole criterion, and classifies EARS on all of it', () => {
    const r = reqs('### Requirement 1\n#### Acceptance Criteria\n1. WHEN the user saves a file that is\n   larger than the limit, THE Editor SHALL warn\n2. WHEN x\nTHEN the system SHALL y\n\n3. THE X SHALL z\n');
    expect(r.filter((x) => x.kind === 'criterion').map((x) => [x.id, x.text, x.ears])).toEqual([
      ['1.1', 'WHEN the user saves a file that is\nlarger than the limit, THE Editor SHALL warn', 'event-driven'],
      ['1.2', 'WHEN x\nTHEN the system SHALL y', 'event-driven'],
      ['1.3', 'THE X SHALL z', 'ubiquitous'],
    ]);
  });

  it('keeps a criterion written as a heading with the paragraph under it', () => {
    const r = reqs('### Requirement 4\n#### 4.1 Nightly job\n\nThe job SHALL delete old logs.\n');
    expect(r[1]).toMatchObject({ id: '4.1', title: 'Nightly job', ears: 'ubiquitous' });
  });
});

describe('5. EARS variants', () => {
  it('reads FOR ALL, MUST and localized keywords as EARS, and reports only criteria without one', () => {
    const spec = onlySpec({
      [`${K}/requirements.md`]: '### Requirement 1\n1. FOR ALL valid data, THE Codec SHALL round-trip\n2. WHEN x THEN the API MUST y\n3. QUANDO x, ENTÃO o sistema DEVE y\n4. 当用户登录时，系统应验证\n5. Pool size is calculated from the level\n',
      [`${K}/tasks.md`]: '- [ ] 1. a\n  - _Requirements: 1_\n',
    });
    expect(spec.requirements.filter((r) => r.kind === 'criterion').map((r) => r.ears)).toEqual(['ubiquitous', 'event-driven', 'event-driven', 'event-driven', 'none']);
    expect(spec.diagnostics.map((d) => [d.code, d.pos.line])).toEqual([['ears-none', 6]]);
  });
});

describe('6. Spec Kit stories and phases', () => {
  it.each([
    ['### User Story 1 - Upload (Priority: P1)', 'US1', 'P1'],
    ['### US2 - Download', 'US2', null],
    ['### [P1] US2: Download', 'US2', 'P1'],
    ['### US-3: Share', 'US3', null],
    ['- **US-1（上传）**: 作为用户，我想上传', 'US1', null],
  ] as const)('%s', (line, id, priority) => {
    const r = parseSpeckitSpec(`# Feature Specification: X\n${line}\n`, 'spec.md');
    expect(r.map((x) => [x.id, x.kind, x.priority ?? null])).toEqual([[id, 'user-story', priority]]);
  });

  it('covers a story from its phase heading (`## Phase 3: User Story 1`) and FRs from the phase goal', () => {
    const spec = onlySpec({
      'specs/001-x/spec.md': '# Feature Specification: X\n### User Story 1 - A (Priority: P1)\n### US2 - B\n- **FR-005**: System MUST a\n- **FR-006**: System MUST b\n- **FR-007**: System MUST c\n',
      'specs/001-x/tasks.md': '## Phase 3: User Story 1 - A\n\n**Goal**: upload works (FR-005 to FR-006)\n\n### Tests\n- [ ] T001 test a\n## Phase 4: User Story 2\n- [ ] T002 [US2] b\n',
    });
    expect(spec.tasks.map((t) => [t.id, t.refs])).toEqual([['T001', ['US1', 'FR-005', 'FR-006']], ['T002', ['US2']]]);
    expect(spec.diagnostics.map((d) => [d.code, d.message])).toEqual([['uncovered-requirement', 'Requirement FR-007 is not referenced by any task']]);
  });
});

describe('7. a numbered sub-list inside a bold-ID criterion', () => {
  it('is the criterion’s text, not new criteria (no duplicate IDs)', () => {
    const spec = onlySpec({
      [`${K}/requirements.md`]: '### R3: Resale\n**R3.1** THE route SHALL exist.\n\n**R3.4** Inside a transaction, the route SHALL:\n1. Call `lock(tx)`.\n2. Re-verify ownership.\n\n**R3.5** After the transaction, the route SHALL log the sale.\n',
      [`${K}/tasks.md`]: '- [ ] 1. a\n  - _Requirements: R3.1, R3.4, R3.5_\n',
    });
    expect(ids(spec.requirements)).toEqual(['R3', 'R3.1', 'R3.4', 'R3.5']);
    expect(spec.requirements[2]!.text).toBe('Inside a transaction, the route SHALL:\n1. Call `lock(tx)`.\n2. Re-verify ownership.');
    expect(codes(spec)).toEqual([]);
  });
});

describe('8. references outside a task block', () => {
  it('applies `_Requirements:_` under a `## Task Group` heading to the group’s tasks, reported once', () => {
    const spec = onlySpec({
      [`${K}/requirements.md`]: '### Requirement 1\n1. THE A SHALL a\n2. THE A SHALL b\n',
      [`${K}/tasks.md`]: '# Tasks\n## Task Group 1: Core\n\n_Requirements: 1.1, 1.2, 9.9_\n\n- [x] 1.1 a\n- [x] 1.2 b\n## Task Group 2\n- [ ] 2.1 c\n',
    });
    expect(spec.tasks.map((t) => [t.id, t.refs])).toEqual([['1.1', ['1.1', '1.2', '9.9']], ['1.2', ['1.1', '1.2', '9.9']], ['2.1', []]]);
    expect(spec.diagnostics.map((d) => [d.code, d.pos.line])).toEqual([['dangling-reference', 4]]);
    expect(spec.diagnostics[0]!.message).toBe('The tasks under "Task Group 1: Core" refer to 9.9, which is not in the requirements');
  });
});

describe('9. IDs kept whole', () => {
  it('reads `FR-009.1` in a Spec Kit task line as FR-009.1, not FR-009', () => {
    const spec = onlySpec({
      'specs/001-x/spec.md': '# Feature Specification: X\n- **FR-009**: System MUST a\n- **FR-009.1**: System MUST b\n',
      'specs/001-x/tasks.md': '- [ ] T001 implement FR-009 and FR-009.1\n',
    });
    expect(spec.tasks[0]!.refs).toEqual(['FR-009', 'FR-009.1']);
    expect(codes(spec)).toEqual([]);
  });
});

describe('Also: one finding per mistake, tasks named as written', () => {
  it('reports a duplicated `### Requirement 11` heading once, not once more per criterion', () => {
    const spec = onlySpec({
      [`${K}/requirements.md`]: '### Requirement 11\n1. THE A SHALL a\n2. THE A SHALL b\n### Requirement 11\n1. THE A SHALL a\n2. THE A SHALL b\n3. THE A SHALL c\n',
      [`${K}/tasks.md`]: '- [ ] 1. a\n  - _Requirements: 11_\n',
    });
    expect(spec.diagnostics.map((d) => [d.code, d.pos.line])).toEqual([['duplicate-requirement-id', 4]]);
  });

  it('still reports a criterion written twice', () => {
    const spec = onlySpec({
      [`${K}/requirements.md`]: '### R16: UI\n**R16.8** THE UI SHALL a\n\n**R16.8** THE UI SHALL a\n',
      [`${K}/tasks.md`]: '- [ ] 1. a\n  - _Requirements: R16_\n',
    });
    expect(spec.diagnostics.map((d) => [d.code, d.pos.line])).toEqual([['duplicate-requirement-id', 4]]);
  });

  it('one no-task-cites-requirements info instead of one uncovered-requirement per criterion', () => {
    const spec = onlySpec({
      [`${K}/requirements.md`]: '### Requirement 1\n1. THE A SHALL a\n2. THE A SHALL b\n### Requirement 2\n1. THE A SHALL c\n',
      [`${K}/tasks.md`]: '- [ ] 1. a\n- [ ] 2. b\n',
    });
    expect(spec.diagnostics.map((d) => [d.severity, d.code, d.pos.file, d.pos.line])).toEqual([['info', 'no-task-cites-requirements', `${K}/tasks.md`, 1]]);
    expect(spec.diagnostics[0]!.message).toContain('3 requirements');
  });

  it('names tasks as written: `TASK-1.4.2` is the ID, not L<line>', () => {
    const spec = onlySpec({
      [`${K}/requirements.md`]: '### Requirement 1\n1. THE A SHALL a\n',
      [`${K}/tasks.md`]: '- [x] TASK-1.4 Parent\n  - [ ] TASK-1.4.2 child\n  - _Requirements: 1.1, 7_\n',
    });
    expect(spec.tasks.map((t) => [t.id, t.parentId])).toEqual([['TASK-1.4', null], ['TASK-1.4.2', 'TASK-1.4']]);
    const messages = spec.diagnostics.map((d) => d.message);
    expect(messages).toContain('Task TASK-1.4.2 refers to 7, which is not in the requirements');
    expect(messages.join('\n')).not.toMatch(/\bL\d+\b/);
  });

  it('names an unnumbered checkbox by its label or words and its line', () => {
    const spec = onlySpec({
      [`${K}/requirements.md`]: '### Requirement 1\n1. THE A SHALL a\n',
      [`${K}/tasks.md`]: '- [ ] 1. a\n  - _Requirements: 1.1_\n- [ ] AC-7 check the banner\n  - _Requirements: 7_\n- [ ] Verify the whole flow end to end on a phone\n  - _Requirements: 8_\n',
    });
    expect(spec.diagnostics.map((d) => d.message)).toEqual([
      'Task AC-7 (line 3) refers to 7, which is not in the requirements',
      'Task "Verify the whole flow end to end on a ph…" (line 5) refers to 8, which is not in the requirements',
    ]);
  });

  it('reads `- [ ] 0 build errors` as a checklist item, not task 0', () => {
    const { tasks } = parseTasks('- [ ] 0 build errors\n- [ ] 0. Setup\n', 'tasks.md');
    expect(tasks.map((t) => [t.id, t.numbered])).toEqual([['L1', false], ['0', true]]);
  });
});
