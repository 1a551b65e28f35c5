// A git repository with a Kiro spec whose done tasks have different kinds of evidence (or none).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { Session } from '../../../../electron/core/session';
import type { SpecEvidence } from '../../../../shared/evidence/model';
import { tempDir, type TempDir } from '../../../support/temp-workspace';
import { APP, git, REQUIREMENTS, writeTree } from '../trace/trace-fixture';

export { APP, REQUIREMENTS };

export const SPEC = '.kiro/specs/demo';

/** 1: a Spec-Task commit; 2: names a missing file; 3: names a file changed after the spec; 4: names a file
 * untouched since before the spec; 5: a test cites its requirement 2.1; 6: todo, no evidence. */
export const TASKS = `# Implementation Plan

- [x] 1. Write the greeter
  - _Requirements: 1.1_
- [x] 2. Add the logger in \`src/missing.ts\`
- [x] 3. Wire it up in src/named.ts
- [x] 4. Tidy \`src/old.ts\`
- [x] 5. Write the farewell
  - _Requirements: 2.1_
- [ ] 6. Later
`;


export const FAREWELL_TEST = `import { it } from 'vitest';
// Feature: demo, Property 1: farewell is printed
// Validates: Requirements 2.1
it('prints bye', () => {});
`;

export interface EvidenceRepo {
  dir: TempDir;
  data: TempDir;
  root: string;
  remove(): void;
}

export function commitAll(root: string, message: string): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '-m', message);
}

/** Builds the repository's history: old file, then the spec, then the work. */
export function evidenceRepo(): EvidenceRepo {
  const dir = tempDir('specdeck-evidence-');
  const data = tempDir('specdeck-evidence-data-');
  const root = dir.path;
  git(root, 'init', '-q');
  writeTree(root, { 'src/old.ts': 'export const old = 1;\n', 'src/named.ts': 'export const named = 0;\n', 'src/app.ts': APP });
  commitAll(root, 'before the spec');
  writeTree(root, { [`${SPEC}/requirements.md`]: REQUIREMENTS, [`${SPEC}/tasks.md`]: TASKS.replace(/\[x\]/g, '[ ]') });
  commitAll(root, 'the spec');
  writeTree(root, { 'src/app.ts': APP.replace('const line4 = 4;', 'greet();') });
  commitAll(root, 'greeter\n\nSpec-Task: .kiro/specs/demo/1');
  writeTree(root, { 'src/named.ts': 'export const named = 1;\n', 'tests/farewell.test.ts': FAREWELL_TEST });
  commitAll(root, 'named and a test');
  writeTree(root, { [`${SPEC}/tasks.md`]: TASKS });
  commitAll(root, 'tick');
  return { dir, data, root, remove: () => (dir.remove(), data.remove()) };
}

/**
 * A fresh evidence repository for each test of the file, its data folder as SPECDECK_DATA_DIR
 * (restored after), removed after the test. The returned object is the current test's repository.
 */
export function useEvidenceRepo(): EvidenceRepo {
  const current = {} as EvidenceRepo;
  let saved: string | undefined;
  beforeEach(() => {
    Object.assign(current, evidenceRepo());
    saved = process.env.SPECDECK_DATA_DIR;
    process.env.SPECDECK_DATA_DIR = current.data.path;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SPECDECK_DATA_DIR;
    else process.env.SPECDECK_DATA_DIR = saved;
    current.remove();
  });
  return current;
}

/** Evidence of the demo spec as a fresh process sees it (its own data folder). */
export async function evidenceOf(root: string, dataDir: string, specId = SPEC): Promise<SpecEvidence> {
  const previous = process.env.SPECDECK_DATA_DIR;
  process.env.SPECDECK_DATA_DIR = dataDir;
  const session = await Session.open(root);
  try {
    return (await session.evidence.forSpecs([specId])).evidence[0]!;
  } finally {
    await session.close();
    if (previous === undefined) delete process.env.SPECDECK_DATA_DIR;
    else process.env.SPECDECK_DATA_DIR = previous;
  }
}

/** Evidence without machine-specific parts (link ids), to compare two machines. */
export function comparable(e: SpecEvidence) {
  return e.tasks.map((t) => ({ ...t, links: t.links.map(({ id: _id, ...rest }) => rest) }));
}

export function cloneRepo(from: string, to: string, ...args: string[]): string {
  execFileSync('git', ['clone', '-q', ...args, `file://${from}`, to], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: path.dirname(to) } });
  return to;
}
