// Issue 9, item 3: a tick reads its tasks file once, parses once and writes once; a save reads
// the file once; spec documents are read through the Workspace (never outside it) and never with
// synchronous file I/O. Opens and renames are counted on node:fs itself, by file name: the
// write's own last check (after fsync, through a second name of the file, see files.ts) is not
// a read by the file's name and is not counted.
import fs, { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callDirect, createRouter } from '../../../../electron/core/api/router';
import { Session } from '../../../../electron/core/session';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

// parseSpec as the spec service imports it, counted.
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../shared/specs/index', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../shared/specs/index')>();
  return { ...original, parseSpec: (...args: Parameters<typeof original.parseSpec>) => (parses.count++, original.parseSpec(...args)) };
});

const SPEC = '.kiro/specs/demo';
const TASKS = `${SPEC}/tasks.md`;
/** Reads and renames by file name, and synchronous reads of anything in the workspace. */
const calls = { reads: new Map<string, number>(), renames: new Map<string, number>(), syncReads: [] as string[] };
const count = (map: Map<string, number>, file: unknown) => {
  const name = String(file).split('/').pop()!;
  map.set(name, (map.get(name) ?? 0) + 1);
};
const real = { readFile: fsp.readFile, open: fsp.open, rename: fsp.rename, renameSync: fs.renameSync, readFileSync: fs.readFileSync, openSync: fs.openSync };
let dir: TempDir;
let outside: TempDir;
let session: Session;

beforeAll(() => {
  // Every read opens the file (readFile on a path, or open and then read the handle).
  fsp.readFile = ((file: unknown, ...rest: unknown[]) => (typeof file === 'string' && count(calls.reads, file), (real.readFile as (...a: unknown[]) => unknown)(file, ...rest))) as typeof fsp.readFile;
  fsp.open = ((file: string, flags?: string | number, ...rest: unknown[]) => {
    const forReading = flags === undefined || flags === 'r' || (typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) === 0);
    if (forReading) count(calls.reads, file);
    return (real.open as (...a: unknown[]) => Promise<fsp.FileHandle>)(file, flags, ...rest);
  }) as typeof fsp.open;
  fsp.rename = ((from: string, to: string) => (count(calls.renames, to), real.rename(from, to))) as typeof fsp.rename;
  // The write's last inode check and its rename run back to back, synchronously (files.ts).
  fs.renameSync = ((from: string, to: string) => (count(calls.renames, to), real.renameSync(from, to))) as typeof fs.renameSync;
  fs.readFileSync = ((file: string, ...rest: unknown[]) => {
    if (dir && String(file).startsWith(dir.path)) calls.syncReads.push(String(file));
    return (real.readFileSync as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFileSync;
  fs.openSync = ((file: string, ...rest: unknown[]) => {
    if (dir && String(file).startsWith(dir.path)) calls.syncReads.push(String(file));
    return (real.openSync as (...a: unknown[]) => number)(file, ...rest);
  }) as typeof fs.openSync;
  syncBuiltinESMExports();
});
afterAll(() => {
  Object.assign(fsp, { readFile: real.readFile, open: real.open, rename: real.rename });
  Object.assign(fs, { readFileSync: real.readFileSync, openSync: real.openSync, renameSync: real.renameSync });
  syncBuiltinESMExports();
});

const write = (rel: string, content: string) => {
  mkdirSync(path.dirname(path.join(dir.path, rel)), { recursive: true });
  writeFileSync(path.join(dir.path, rel), content);
};
const reset = () => {
  calls.reads.clear();
  calls.renames.clear();
  calls.syncReads.length = 0;
  parses.count = 0;
};

beforeEach(async () => {
  dir = tempDir();
  outside = tempDir();
  write(`${SPEC}/requirements.md`, '### Requirement 1\n#### Acceptance Criteria\n1. THE X SHALL y\n');
  write(TASKS, '- [ ] 1. Parent\n  - [ ] 1.1 child\n  - _Requirements: 1.1_\n- [ ] 2. Other\n');
  write('src/app.ts', 'export const a = 1;\n');
  session = await Session.open(dir.path);
});
afterEach(async () => {
  await session.close();
  dir.remove();
  outside.remove();
});

describe('one read, one parse, one write', () => {
  it('a tick reads the tasks file once, parses the spec once and writes once', async () => {
    let { tasksHash } = await session.specs.get(SPEC);
    for (const [taskId, state] of [['1.1', 'done'], ['2', 'in-progress'], ['1.1', 'todo']] as const) {
      reset();
      const result = await session.specs.setTaskState(SPEC, taskId, state, tasksHash!);
      tasksHash = result.tasksHash;
      expect(calls.reads.get('tasks.md'), `${taskId} → ${state}`).toBe(1);
      expect(calls.reads.get('requirements.md') ?? 0).toBe(0);
      expect(parses.count).toBe(1);
      expect(calls.renames.get('tasks.md')).toBe(1);
      expect(result.spec.tasks.find((t) => t.id === taskId)?.state).toBe(state);
    }
    expect(calls.syncReads).toEqual([]);
    expect(readFileSync(path.join(dir.path, TASKS), 'utf8')).toBe('- [ ] 1. Parent\n  - [ ] 1.1 child\n  - _Requirements: 1.1_\n- [-] 2. Other\n');
  });

  it('a tick whose file changed since the cached parse still reads it once (and parses what it read)', async () => {
    await session.specs.get(SPEC); // cached, then changed behind the service's back (no watcher)
    write(TASKS, '- [ ] 1. Parent\n  - [ ] 1.1 child\n- [ ] 2. Other\n- [ ] 3. New\n');
    const fresh = (await import('../../../../electron/core/workspace/hash')).hashBytes(Buffer.from('- [ ] 1. Parent\n  - [ ] 1.1 child\n- [ ] 2. Other\n- [ ] 3. New\n'));
    reset();
    const result = await session.specs.setTaskState(SPEC, '3', 'done', fresh);
    expect(calls.reads.get('tasks.md')).toBe(1);
    expect(parses.count).toBe(2); // the new text, to find task 3; then the edited text
    expect(result.spec.tasks.map((t) => `${t.id}${t.stateChar}`)).toEqual(['1 ', '1.1 ', '2 ', '3x']);
  });

  it('a save with a task active reads the file once', async () => {
    const router = createRouter(session, () => {});
    const { tasksHash } = await session.specs.get(SPEC);
    await callDirect(router, 'trace.start', { specId: SPEC, taskId: '2', expectedHash: tasksHash! });
    const file = await callDirect(router, 'fs.read', { path: 'src/app.ts' });
    reset();
    await callDirect(router, 'fs.write', { path: 'src/app.ts', content: 'export const a = 2;\n', expectedHash: file.kind === 'text' ? file.hash : null });
    expect(calls.reads.get('app.ts')).toBe(1);
    expect(calls.renames.get('app.ts')).toBe(1);
    const links = await callDirect(router, 'trace.fileLinks', { path: 'src/app.ts' });
    expect(links.map((l) => `${l.taskId} ${l.startLine}-${l.endLine}`)).toEqual(['2 1-1']);
  });

  it('never reads a file the parser asks for through a link out of the workspace (OpenSpec base spec)', async () => {
    // The change modifies "Login" of capability auth; the only auth spec is outside, behind a link.
    mkdirSync(path.join(outside.path, 'auth'));
    writeFileSync(path.join(outside.path, 'auth/spec.md'), '# auth\n\n## Purpose\nSECRET\n\n## Requirements\n\n### Requirement: Login\nThe system SHALL log in.\n\n#### Scenario: ok\n- **WHEN** x\n- **THEN** y\n');
    write('openspec/changes/tweak/proposal.md', '# Tweak\n');
    write('openspec/changes/tweak/specs/auth/spec.md', '## MODIFIED Requirements\n\n### Requirement: Login\nThe system SHALL log in faster.\n\n#### Scenario: ok\n- **WHEN** x\n- **THEN** y\n');
    mkdirSync(path.join(dir.path, 'openspec'), { recursive: true });
    symlinkSync(outside.path, path.join(dir.path, 'openspec/specs'));
    reset();
    const { spec } = await session.specs.get('openspec/changes/tweak');
    const unknown = spec.diagnostics.find((d) => d.code === 'openspec-delta-unknown-requirement');
    expect(unknown?.message).toBe('MODIFIED names "Login", which cannot exist: there is no capability auth');
    expect(calls.reads.get('spec.md')).toBe(1); // the delta; not the linked base
    expect(calls.syncReads).toEqual([]);
  });
});
