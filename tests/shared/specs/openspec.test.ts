import { describe, expect, it } from 'vitest';
import { summarizeSpec } from '../../../shared/specs/parse';
import { codes, specsFrom } from './helpers';

const base = `# Auth Specification

## Purpose
Log people in.

## Requirements

### Requirement: Login
The system SHALL log users in.

#### Scenario: Valid password
- **WHEN** the password is right
- **THEN** the user is in

### Requirement: Logout
Users can leave.
`;

const delta = `## ADDED Requirements

### Requirement: Two factor
The system MUST ask for a code.

#### Scenario: Code
- **WHEN** x
- **THEN** y

## MODIFIED Requirements

### Requirement: Login
The system SHALL log users in quickly.

#### Scenario: Fast
- **WHEN** x
- **THEN** y

### Requirement: Ghost
The system SHALL haunt.

#### Scenario: Boo
- **WHEN** x
- **THEN** y

## REMOVED Requirements

### Requirement: Vanished
**Reason**: gone

## RENAMED Requirements
- FROM: \`### Requirement: Logout\`
- TO: \`### Requirement: Sign out\`
`;

describe('OpenSpec', () => {
  const specs = specsFrom({
    'openspec/specs/auth/spec.md': base,
    'openspec/specs/empty/spec.md': '# Empty\n',
    'openspec/changes/add-2fa/proposal.md': '# Change: 2FA\n',
    'openspec/changes/add-2fa/tasks.md': '## 1. Build\n- [x] 1.1 Do it\n- [ ] 1.2 Test it\n```\n- [ ] not a task\n```\n',
    'openspec/changes/add-2fa/specs/auth/spec.md': delta,
    'openspec/changes/empty-change/proposal.md': '# Change\n',
  });
  const byId = (id: string) => specs.find((s) => s.id === id)!;

  it('reads a capability: requirement names as IDs, scenarios, and its structural rules', () => {
    const auth = byId('openspec/specs/auth');
    expect(auth.title).toBe('auth');
    expect(auth.requirements.map((r) => [r.id, r.kind])).toEqual([['Login', 'requirement'], ['Login: Valid password', 'scenario'], ['Logout', 'requirement']]);
    expect(auth.diagnostics.map((d) => [d.code, d.pos.line])).toEqual([['openspec-no-scenario', 15], ['openspec-no-shall', 15]]);
    // As the OpenSpec CLI: one error for a spec missing both sections, and no SHALL/MUST is a warning.
    expect(codes(byId('openspec/specs/empty'))).toEqual(['openspec-no-purpose']);
    expect(byId('openspec/specs/empty').diagnostics[0]!.message).toContain('## Requirements');
    expect(auth.diagnostics.map((d) => d.severity)).toEqual(['error', 'warning']);
  });

  it('reads a change: tasks, deltas by operation, and deltas naming requirements that do not exist', () => {
    const change = byId('openspec/changes/add-2fa');
    expect(change.tasks.map((t) => [t.id, t.state])).toEqual([['1.1', 'done'], ['1.2', 'todo']]);
    expect(change.requirements.filter((r) => r.kind === 'requirement').map((r) => [r.id, r.delta, r.capability])).toEqual([
      ['Two factor', 'ADDED', 'auth'], ['Login', 'MODIFIED', 'auth'], ['Ghost', 'MODIFIED', 'auth'], ['Vanished', 'REMOVED', 'auth'], ['Sign out', 'RENAMED', 'auth'],
    ]);
    const unknown = change.diagnostics.filter((d) => d.code === 'openspec-delta-unknown-requirement').map((d) => d.message);
    expect(unknown).toHaveLength(2);
    expect(unknown[0]).toContain('"Ghost"');
    expect(unknown[1]).toContain('"Vanished"');
    expect(codes(change)).toContain('task-in-code-fence');
    expect(codes(byId('openspec/changes/empty-change'))).toContain('openspec-no-deltas');
    // OpenSpec tasks do not name requirements: coverage does not apply.
    expect(summarizeSpec(change).coverage).toEqual({ covered: 0, total: 0 });
  });
});
