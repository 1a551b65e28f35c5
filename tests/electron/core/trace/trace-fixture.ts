// A small Kiro workspace (and helpers) for the trace tests; the link store goes to a temp data dir.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { callDirect, createRouter, type Router } from '../../../../electron/core/api/router';
import { Session } from '../../../../electron/core/session';
import type { ApiMethod, ApiParams, ApiResult } from '../../../../shared/api/contract';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

export const SPEC = '.kiro/specs/demo';

export const REQUIREMENTS = `# Requirements Document

### Requirement 1: Greeting

**User Story:** As a user, I want to be greeted.

#### Acceptance Criteria

1. WHEN the app starts THEN the system SHALL print hello

### Requirement 2: Farewell

**User Story:** As a user, I want a farewell.

#### Acceptance Criteria

1. WHEN the app stops THEN the system SHALL print bye
`;

export const TASKS = `# Implementation Plan

- [ ] 1. Write the greeter
  - _Requirements: 1.1_
- [ ] 2. Write the farewell
  - _Requirements: 2.1_
- [x] 3. Document it
`;

export const APP = Array.from({ length: 20 }, (_, i) => `const line${i + 1} = ${i + 1};`).join('\n') + '\n';

export interface Fixture {
  dir: TempDir;
  data: TempDir;
  root: string;
  session: Session;
  router: Router;
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>>;
  write(rel: string, content: string): void;
  read(rel: string): string;
  /** Saves through the API (as the editor does), with the hash it reads first. */
  save(rel: string, content: string): Promise<void>;
  startTask(taskId: string): Promise<void>;
  close(): Promise<void>;
}

export function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
}

export function demoFiles(): Record<string, string> {
  return { [`${SPEC}/requirements.md`]: REQUIREMENTS, [`${SPEC}/tasks.md`]: TASKS, 'src/app.ts': APP };
}

/** Points the link store at a fresh temporary data folder; returns it. */
export function useTempDataDir(): TempDir {
  const data = tempDir('specdeck-trace-data-');
  process.env.SPECDECK_DATA_DIR = data.path;
  return data;
}

export async function openFixture(root: string, data: TempDir, dir: TempDir): Promise<Fixture> {
  const session = await Session.open(root);
  const router = createRouter(session, () => {});
  const call = <M extends ApiMethod>(method: M, params: ApiParams<M>) => callDirect(router, method, params);
  const fixture: Fixture = {
    dir,
    data,
    root: session.workspace.root,
    session,
    router,
    call,
    write: (rel, content) => writeTree(session.workspace.root, { [rel]: content }),
    read: (rel) => readFileSync(path.join(session.workspace.root, rel), 'utf8'),
    async save(rel, content) {
      const current = await call('fs.read', { path: rel }).catch(() => null);
      const hash = current && 'hash' in current ? current.hash : null;
      await call('fs.write', { path: rel, content, expectedHash: hash });
    },
    async startTask(taskId) {
      const { tasksHash } = await call('specs.get', { specId: SPEC });
      await call('trace.start', { specId: SPEC, taskId, expectedHash: tasksHash! });
    },
    close: () => session.close(),
  };
  return fixture;
}

export async function demoWorkspace(files: Record<string, string> = demoFiles()): Promise<Fixture> {
  const data = useTempDataDir();
  const dir = tempDir('specdeck-trace-');
  writeTree(dir.path, files);
  return openFixture(dir.path, data, dir);
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd },
  });
}

/** Lines of the demo app with `replace` applied (1-based line → new text, or null to delete). */
export function lines(text: string): string[] {
  return text.split('\n').slice(0, -1);
}
