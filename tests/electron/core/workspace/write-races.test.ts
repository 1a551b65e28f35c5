// Issue 12 findings 6 and 7: writes that cannot lose a concurrent edit. Two writers holding the same
// hash: one wins, one is refused. An outside edit in the write's windows (after fsync; after the
// last check) is refused, or kept in a recovery file and reported, never silently replaced. The
// windows are hit exactly through the write's probes. (Two quick ticks: task-write-back.test.ts.)
import { appendFileSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWorkspaceFile, writeWorkspaceFile } from '../../../../electron/core/workspace/files';
import { hashBytes } from '../../../../electron/core/workspace/hash';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

let dir: TempDir;
let ws: Workspace;
const file = (name: string) => path.join(dir.path, name);
const hashOf = (text: string) => hashBytes(Buffer.from(text, 'utf8'));

beforeEach(async () => {
  dir = tempDir();
  ws = await Workspace.open(dir.path);
});
afterEach(() => dir.remove());

describe('two writers with the same hash', () => {
  it('one wins and the other gets CONFLICT, in every round', async () => {
    for (let round = 0; round < 25; round++) {
      writeFileSync(file('notes.md'), `round ${round}\n`);
      const hash = hashOf(`round ${round}\n`);
      const outcomes = await Promise.allSettled([writeWorkspaceFile(ws, 'notes.md', 'from A\n', hash), writeWorkspaceFile(ws, 'notes.md', 'from B\n', hash)]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(refused.map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(['CONFLICT']);
      expect(readFileSync(file('notes.md'), 'utf8')).toBe(outcomes[0]!.status === 'fulfilled' ? 'from A\n' : 'from B\n');
    }
  });

  it('two sessions of one folder in one process share the lock', async () => {
    const other = await Workspace.open(dir.path);
    writeFileSync(file('a.md'), 'x\n');
    const outcomes = await Promise.allSettled([writeWorkspaceFile(ws, 'a.md', 'A\n', hashOf('x\n')), writeWorkspaceFile(other, 'a.md', 'B\n', hashOf('x\n'))]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  });

  it('two creators of a new file: one creates it, the other gets CONFLICT', async () => {
    const outcomes = await Promise.allSettled([writeWorkspaceFile(ws, 'new.md', 'A\n', null), writeWorkspaceFile(ws, 'new.md', 'B\n', null)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(['A\n', 'B\n']).toContain(readFileSync(file('new.md'), 'utf8'));
  });
});

describe('an outside edit inside the write', () => {
  it('after fsync, before the last check: CONFLICT, and the disk keeps the outside edit', async () => {
    writeFileSync(file('log.md'), 'one\n');
    const probe = { afterSync: () => appendFileSync(file('log.md'), 'outside\n') };
    await expect(writeWorkspaceFile(ws, 'log.md', 'mine\n', hashOf('one\n'), probe)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(file('log.md'), 'utf8')).toBe('one\noutside\n');
    expect(readdirSync(dir.path)).toEqual(['log.md']);
  });

  it('after fsync, a replace by rename (an editor saving atomically): CONFLICT', async () => {
    writeFileSync(file('log.md'), 'one\n');
    const probe = {
      afterSync: () => {
        writeFileSync(file('other.tmp'), 'one\ntwo\n');
        renameSync(file('other.tmp'), file('log.md'));
      },
    };
    await expect(writeWorkspaceFile(ws, 'log.md', 'mine\n', hashOf('one\n'), probe)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(file('log.md'), 'utf8')).toBe('one\ntwo\n');
    expect(readdirSync(dir.path)).toEqual(['log.md']);
  });

  it('after the last check, before the rename: the write lands and the outside bytes are kept and reported', async () => {
    writeFileSync(file('log.md'), 'one\n');
    const probe = { beforeRename: () => appendFileSync(file('log.md'), 'outside\n') };
    const result = await writeWorkspaceFile(ws, 'log.md', 'mine\n', hashOf('one\n'), probe);
    expect(readFileSync(file('log.md'), 'utf8')).toBe('mine\n');
    expect(result.recovered?.path).toMatch(/^log\.md\.specdeck-recovered-/);
    expect(result.recovered?.message).toContain(result.recovered!.path);
    expect(readFileSync(file(result.recovered!.path), 'utf8')).toBe('one\noutside\n');
    expect(readdirSync(dir.path).sort()).toEqual(['log.md', result.recovered!.path].sort());
  });

  it('a write with nothing slipped in reports no recovery and leaves no extra file', async () => {
    writeFileSync(file('log.md'), 'one\n');
    const result = await writeWorkspaceFile(ws, 'log.md', 'mine\n', hashOf('one\n'));
    expect(result.recovered).toBeUndefined();
    expect(readdirSync(dir.path)).toEqual(['log.md']);
    await expect(readWorkspaceFile(ws, 'log.md')).resolves.toMatchObject({ content: 'mine\n' });
  });
});
