// Generated spec folders for the parser fuzz test: input `i` is the same on every run (seeded), so
// a failure names an input that can be rebuilt. Ordinary lines of each format are mixed with
// hostile ones: long runs of spaces or ` #` in headings, deep nesting, huge lines, odd bytes.

export interface FuzzInput {
  index: number;
  /** Workspace-relative path → text. */
  files: Record<string, string>;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORDINARY = [
  '# Requirements Document',
  '## Introduction',
  '### Requirement 1: Login',
  '### Requirement 2',
  '**User Story:** As a user, I want to log in, so that I can work.',
  '#### Acceptance Criteria',
  '1. WHEN the user logs in THEN the system SHALL greet them',
  '2. IF the password is wrong THEN the system SHALL refuse',
  '1.1 The system SHALL log',
  '- [ ] 1. Set up',
  '- [x] 1.1 Write the parser',
  '  - [-] 1.2 Test it',
  '    - _Requirements: 1.1, 2.3_',
  '- [ ]* 2. Optional',
  '- [ ] T001 [P] [US1] Create the model in src/model.ts',
  '## Phase 1: Setup',
  '### User Story 1 - Browse notes (Priority: P1) 🎯 MVP',
  '**Acceptance Scenarios**:',
  '1. **Given** a note, **When** I search, **Then** I see it',
  '- **FR-001**: System MUST search notes',
  '- **SC-001**: Users find a note in 2 s',
  '## ADDED Requirements',
  '## MODIFIED Requirements',
  '## REMOVED Requirements',
  '## RENAMED Requirements',
  '### Requirement: Export',
  'The system SHALL export CSV.',
  '#### Scenario: Header row',
  '- **WHEN** the user exports',
  '- **THEN** the first line is the header',
  '- FROM: `### Requirement: Export`',
  '- TO: `### Requirement: CSV export`',
  '```',
  '~~~markdown',
  '> quoted',
  '',
  '---',
  '| a | b |',
];

const SPACE_KINDS = [' ', '\t', ' #', '#', '\u00a0', ' \t', '# ', '`', '*', '-', ':'];

/** A line made to make a backtracking matcher slow: a prefix, a long run, an ending that fails late. */
function hostileLine(r: () => number, size: number): string {
  const prefixes = ['#', '# ', '### ', '###### ', '   # ', '### Requirement: x', '#### Scenario: y', '### User Story 1 - x', 'User Story 1 ', '- FROM: ', '- TO: `### Requirement: ', '**User Story:**', '- [ ] 1. ', '1. WHEN ', '- _Requirements: 1', '> '.repeat(50)];
  const endings = ['', 'x', '!', '#', ')', '(Priority: P1', '🎯', '\u0000', '\r', '`'];
  const fill = SPACE_KINDS[Math.floor(r() * SPACE_KINDS.length)]!;
  return prefixes[Math.floor(r() * prefixes.length)]! + fill.repeat(size) + endings[Math.floor(r() * endings.length)]!;
}

function document(r: () => number, index: number): string {
  const lines: string[] = [];
  const count = 5 + Math.floor(r() * 60);
  for (let n = 0; n < count; n++) {
    const pick = r();
    if (pick < 0.08) lines.push(hostileLine(r, 200 + Math.floor(r() * 4_000)));
    else if (pick < 0.1) lines.push('  '.repeat(Math.floor(r() * 2_000)) + '- [ ] 9. Deep'); // deep nesting
    else if (pick < 0.12) lines.push(String.fromCharCode(...Array.from({ length: 40 }, () => Math.floor(r() * 0x3000))));
    else lines.push(ORDINARY[Math.floor(r() * ORDINARY.length)]!);
  }
  // Every 50th input carries one really long hostile line (the 200 KB tasks.md case).
  if (index % 50 === 0) lines.splice(Math.floor(r() * lines.length), 0, hostileLine(r, 60_000 + Math.floor(r() * 40_000)));
  const eol = r() < 0.2 ? '\r\n' : '\n';
  return (r() < 0.05 ? '\uFEFF' : '') + lines.join(eol) + (r() < 0.5 ? eol : '');
}

/** OpenSpec's small YAML files, with `key: value` lines whose value holds a long run of blanks. */
function yamlDocument(r: () => number, index: number): string {
  const ordinary = ['schema: spec-driven', 'store: team-plans', 'references:', '  - team-context', '  - { id: a, remote: "git@x:a.git" }', 'goal: |', '  text', 'skip_specs: [a, b]', '# comment', 'rules:', '  specs: x', '- stray'];
  const lines: string[] = [];
  const count = 3 + Math.floor(r() * 20);
  for (let n = 0; n < count; n++) {
    if (r() < 0.15) {
      const fill = SPACE_KINDS[Math.floor(r() * SPACE_KINDS.length)]!;
      lines.push(`goal: x${fill.repeat(200 + Math.floor(r() * 4_000))}${r() < 0.5 ? 'y' : ''}`);
    } else lines.push(ordinary[Math.floor(r() * ordinary.length)]!);
  }
  if (index % 50 === 2) lines.push(`store: a${' '.repeat(60_000 + Math.floor(r() * 40_000))}b`);
  return lines.join(r() < 0.2 ? '\r\n' : '\n') + '\n';
}

export function fuzzInput(index: number): FuzzInput {
  const r = prng(0x5eed + index * 7919);
  const doc = () => document(r, index);
  switch (index % 4) {
    case 0:
      return { index, files: { '.kiro/specs/f/requirements.md': doc(), '.kiro/specs/f/design.md': doc(), '.kiro/specs/f/tasks.md': doc() } };
    case 1:
      return { index, files: { 'specs/001-f/spec.md': doc(), 'specs/001-f/plan.md': doc(), 'specs/001-f/tasks.md': doc() } };
    case 2:
      return {
        index,
        files: {
          'openspec/project.md': '# Project\n',
          'openspec/specs/cap/spec.md': doc(),
          'openspec/changes/c/proposal.md': doc(),
          'openspec/changes/c/tasks.md': doc(),
          'openspec/changes/c/specs/cap/spec.md': doc(),
          // Drawn last, so the documents above stay the inputs they were.
          'openspec/config.yaml': yamlDocument(r, index),
          'openspec/changes/c/.openspec.yaml': yamlDocument(r, index),
        },
      };
    default:
      return {
        index,
        files: {
          '.kiro/specs/g/requirements.md': doc(),
          '.kiro/specs/g/bugfix.md': doc(),
          '.kiro/specs/g/tasks.md': doc(),
          '.kiro/specs/g/spec.json': JSON.stringify({ feature_name: 'g', phase: 'tasks-generated', approvals: { requirements: { approved: r() < 0.5 } } }),
        },
      };
  }
}
