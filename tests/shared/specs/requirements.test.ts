import { describe, expect, it } from 'vitest';
import { parseKiroRequirements } from '../../../shared/specs/parsers/kiro-requirements';
import { parseSpeckitSpec, clarificationMarkers } from '../../../shared/specs/parsers/speckit-spec';
import { earsPattern } from '../../../shared/specs/ears';

describe('Kiro requirements', () => {
  it('reads generation 1 (WHEN … THEN the system SHALL) with positional criterion IDs', () => {
    const text = '# Requirements\n\n### Requirement 1\n\n**User Story:** As a user, I want x\n\n#### Acceptance Criteria\n\n1. WHEN a THEN the system SHALL b\n2. IF c THEN the system SHALL d\n\n### Requirement 2: Titled\n\n#### Acceptance Criteria\n\n1. The system SHALL e\n';
    const r = parseKiroRequirements(text, 'r.md', 'requirements').requirements;
    expect(r.map((x) => [x.id, x.kind, x.parentId, x.ears ?? null])).toEqual([
      ['1', 'requirement', null, null], ['1.1', 'criterion', '1', 'event-driven'], ['1.2', 'criterion', '1', 'unwanted'],
      ['2', 'requirement', null, null], ['2.1', 'criterion', '2', 'ubiquitous'],
    ]);
    expect(r[0]!.text).toBe('As a user, I want x');
    expect(r[3]!.title).toBe('Titled');
    expect(r[1]!.pos).toEqual({ file: 'r.md', line: 9, column: 1 });
  });

  it('reads generation 2 (WHEN …, THE Component SHALL), localised headings and R-prefixed IDs', () => {
    const text = '### 需求 1：登录\n\n#### 验收标准\n\n1. WHEN 用户登录, THE Auth_Service SHALL 验证\n2. WHILE busy, THE UI SHALL wait\n\n### R2: Slots\n\n1. WHERE enabled, THE X SHALL y\n';
    const r = parseKiroRequirements(text, 'r.md', 'requirements').requirements;
    expect(r.map((x) => [x.id, x.ears ?? null])).toEqual([['1', null], ['1.1', 'event-driven'], ['1.2', 'state-driven'], ['R2', null], ['R2.1', 'optional']]);
  });

  it("reads cc-sdd's written criterion IDs (`1.1 When …, the X shall …`)", () => {
    const text = '### Requirement 1: A\n\n#### Acceptance Criteria\n1.1 The Repo shall keep x\n1.2 When y, the Repo shall z\n';
    expect(parseKiroRequirements(text, 'r.md', 'requirements').requirements.map((x) => x.id)).toEqual(['1', '1.1', '1.2']);
  });

  it('skips lists under other sub-headings of a requirement', () => {
    const text = '### Requirement 1\n#### Acceptance Criteria\n1. THE X SHALL y\n#### Migration Notes\n1. not a criterion\n';
    expect(parseKiroRequirements(text, 'r.md', 'requirements').requirements.map((x) => x.id)).toEqual(['1', '1.1']);
  });

  it('reads criteria written as headings (`#### 1.1 Title`), not the detail lists under them', () => {
    const text = '### Requirement 1: A\n\n#### 1.1 Summary written\n\n1. detail one\n2. detail two\n\n#### 1.2 Retention runs\n';
    expect(parseKiroRequirements(text, 'r.md', 'requirements').requirements.map((x) => [x.id, x.title])).toEqual([
      ['1', 'A'], ['1.1', 'Summary written'], ['1.2', 'Retention runs'],
    ]);
  });

  it('reads bugfix.md literal IDs under Current / Expected / Unchanged behaviour', () => {
    const text = '# Bugfix\n## Bug Analysis\n### Current Behavior (Defect)\n\n1.1 WHEN x THEN y breaks\n\n### Expected Behavior (Correct)\n\n2.1 WHEN x THEN the system SHALL work\n\n### Unchanged Behavior (Regression Prevention)\n\n3.1 WHEN z THEN the system SHALL CONTINUE TO work\n';
    const r = parseKiroRequirements(text, 'b.md', 'bugfix').requirements;
    expect(r.map((x) => [x.id, x.kind])).toEqual([
      ['1', 'requirement'], ['1.1', 'criterion'], ['2', 'requirement'], ['2.1', 'criterion'], ['3', 'requirement'], ['3.1', 'criterion'],
    ]);
  });
});

describe('EARS', () => {
  it.each([
    ['WHEN a THEN the system SHALL b', 'event-driven'],
    ['When a, the Repo shall b', 'event-driven'],
    ['WHILE a, THE X SHALL b', 'state-driven'],
    ['IF a, THEN THE X SHALL b', 'unwanted'],
    ['WHERE a, THE X SHALL b', 'optional'],
    ['WHILE a, WHEN b, THE X SHALL c', 'complex'],
    ['THE X SHALL b', 'ubiquitous'],
    ['The list must be sorted', 'ubiquitous'],
    ['The list is sorted', 'none'],
    ['FOR ALL valid accounts, THE Auth_Service SHALL issue one token', 'ubiquitous'],
    ['EACH migrated page SHALL use the Admin_Layout', 'ubiquitous'],
    ['WHEN a user saves THEN the API MUST return 200', 'event-driven'],
    ['QUANDO o usuário salvar, ENTÃO o sistema DEVE gravar o arquivo', 'event-driven'],
    ['SE o pagamento falhar, ENTÃO o sistema DEVE avisar', 'unwanted'],
    ['ENQUANTO offline, o aplicativo DEVE enfileirar', 'state-driven'],
    ['CUANDO el usuario guarde, el sistema DEBE responder', 'event-driven'],
    ['当用户登录时，系统应当验证密码', 'event-driven'],
    ['如果令牌过期，那么系统必须拒绝请求', 'unwanted'],
    ['系统应用程序启动', 'none'],
    ['ユーザーがログインした場合、システムは認証しなければならない', 'event-driven'],
    ['IF x the system shall y', 'none'],
    ['ユーザーはログインできる', 'none'],
  ] as const)('%s → %s', (text, pattern) => {
    expect(earsPattern(text)).toBe(pattern);
  });
});

describe('Spec Kit spec.md', () => {
  it('reads user stories with priorities, scenarios, FR- and SC- IDs', () => {
    const text = '# Feature Specification: X\n\n### User Story 1 - Upload (Priority: P1)\n\n1. **Given** a, **When** b, **Then** c\n\n### Functional Requirements\n\n- **FR-001**: System MUST do x\n- **FR-002**: System MUST [NEEDS CLARIFICATION: which?]\n\n- **SC-001**: 90% succeed\n';
    const r = parseSpeckitSpec(text, 's.md');
    expect(r.map((x) => [x.id, x.kind, x.priority ?? null])).toEqual([
      ['US1', 'user-story', 'P1'], ['US1.1', 'scenario', null], ['FR-001', 'functional', null], ['FR-002', 'functional', null], ['SC-001', 'success-criterion', null],
    ]);
    expect(clarificationMarkers(text)).toEqual([{ line: 10, column: 27, text: '[NEEDS CLARIFICATION: which?]' }]);
  });
});
