import { describe, expect, it } from 'vitest';
import { summarizeSpec } from '../../../shared/specs/parse';
import { onlySpec } from './helpers';

const K = '.kiro/specs/demo';
const requirements = `# Requirements
### Requirement 1: A
#### Acceptance Criteria
1. WHEN a THEN the system SHALL b
2. The list is sorted
### Requirement 2: B
#### Acceptance Criteria
1. THE X SHALL y
### Requirement 2: again
`;
const tasks = `- [x] 1. Parent done, child open
  - [ ] 1.1 open child
  - _Requirements: 1.1, 9.9, see notes_
- [ ] 2. Parent open, children done
  - [x] 2.1 done child
  - [ ]* 2.2 optional child
- [ ] 1.1 duplicate
`;

describe('diagnostics', () => {
  const spec = onlySpec({ [`${K}/requirements.md`]: requirements, [`${K}/tasks.md`]: tasks });
  const find = (code: string) => spec.diagnostics.filter((d) => d.code === code).map((d) => [d.severity, d.pos.file.slice(K.length + 1), d.pos.line]);

  it('reports dangling references (warning) and free-text references (info)', () => {
    expect(find('dangling-reference')).toEqual([['warning', 'tasks.md', 3]]);
    expect(spec.diagnostics.find((d) => d.code === 'dangling-reference')!.message).toContain('9.9');
    expect(find('unresolved-reference')).toEqual([['info', 'tasks.md', 3]]);
  });

  it('reports criteria no task covers', () => {
    expect(find('uncovered-requirement')).toEqual([['info', 'requirements.md', 5], ['info', 'requirements.md', 8]]);
    expect(summarizeSpec(spec).coverage).toEqual({ covered: 1, total: 3 });
  });

  it('reports duplicate task and requirement IDs as errors', () => {
    expect(find('duplicate-task-id')).toEqual([['error', 'tasks.md', 7]]);
    expect(find('duplicate-requirement-id')).toEqual([['error', 'requirements.md', 9]]);
  });

  it('reports a parent done with open required children, and the reverse (optional children ignored)', () => {
    expect(find('parent-done-children-open')).toEqual([['warning', 'tasks.md', 1]]);
    expect(find('children-done-parent-open')).toEqual([['info', 'tasks.md', 4]]);
  });

  it('classifies each criterion by EARS pattern and reports those following none', () => {
    expect(spec.requirements.filter((r) => r.kind === 'criterion').map((r) => [r.id, r.ears])).toEqual([
      ['1.1', 'event-driven'], ['1.2', 'none'], ['2.1', 'ubiquitous'],
    ]);
    expect(find('ears-none')).toEqual([['info', 'requirements.md', 5]]);
  });

  it('resolves R-prefixed references to unprefixed requirement IDs and back', () => {
    const s = onlySpec({
      [`${K}/requirements.md`]: '### Requirement 13\n1. THE X SHALL y\n',
      [`${K}/tasks.md`]: '- [ ] 1. a\n  - _Requirements: R13.1_\n',
    });
    expect(s.tasks[0]!.refs).toEqual(['13.1']);
    expect(s.tasks[0]!.refDetails![0]!.raw).toBe('R13.1');
    expect(s.diagnostics.map((d) => d.code)).not.toContain('dangling-reference');
  });

  it('takes the bugfix label from .config.kiro when the folder has no bugfix.md', () => {
    const s = onlySpec({ [`${K}/.config.kiro`]: '{"specId": "x", "workflowType": "requirements-first", "specType": "bugfix"}', [`${K}/tasks.md`]: '- [ ] 1. a' });
    expect(s.format).toBe('kiro-bugfix');
  });

  it('summarises counts', () => {
    const s = summarizeSpec(spec);
    expect(s.counts).toEqual({ total: 6, done: 2, inProgress: 0, optional: 1, unknown: 0, skipped: 0 });
    expect(s.requirementCount).toBe(3);
  });

  it('reports [NEEDS CLARIFICATION] markers in Spec Kit documents and covers user stories via [USn]', () => {
    const sk = onlySpec({
      'specs/001-x/spec.md': '# Feature Specification: Upload\n### User Story 1 - Up (Priority: P1)\n- **FR-001**: System MUST [NEEDS CLARIFICATION: size?]\n',
      'specs/001-x/tasks.md': '## Phase 1: Setup\n- [ ] T001 [P] [US1] Build it\n- [X] T002 Fix FR-001\n',
    });
    expect(sk.title).toBe('Upload');
    expect(sk.diagnostics.map((d) => [d.code, d.pos.line, d.pos.column])).toEqual([['needs-clarification', 3, 27]]);
    expect(sk.tasks.map((t) => [t.id, t.state, t.refs, t.section])).toEqual([
      ['T001', 'todo', ['US1'], 'Phase 1: Setup'], ['T002', 'done', ['FR-001'], 'Phase 1: Setup'],
    ]);
    expect(summarizeSpec(sk).coverage).toEqual({ covered: 2, total: 2 });
  });
});
