// Reading for the editor and atomic, hash-checked writes on real files.
import { chmodSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/errors';
import { readWorkspaceFile, writeWorkspaceFile } from '../../../../electron/core/workspace/files';
import { hashBytes } from '../../../../electron/core/workspace/hash';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

let dir: TempDir;
let ws: Workspace;
const file = (name: string) => path.join(dir.path, name);

beforeEach(async () => {
  dir = tempDir();
  ws = await Workspace.open(dir.path);
});
afterEach(() => dir.remove());

describe('readWorkspaceFile', () => {
  it('reads UTF-8 text with its hash, keeping a BOM and CRLF', async () => {
    const bytes = Buffer.from('\uFEFFline one\r\nline two\r\n', 'utf8');
    writeFileSync(file('bom.md'), bytes);
    const read = await readWorkspaceFile(ws, 'bom.md');
    expect(read).toMatchObject({ kind: 'text', content: '\uFEFFline one\r\nline two\r\n', hash: hashBytes(bytes), size: bytes.length });
  });

  it('reports binary files, files over the limit and invalid UTF-8 without loading them as text', async () => {
    writeFileSync(file('image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(file('latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9])); // "café" in Latin-1
    writeFileSync(file('big.log'), '');
    truncateSync(file('big.log'), 10 * 1024 * 1024 + 1); // sparse: 10 MB + 1 byte
    await expect(readWorkspaceFile(ws, 'image.png')).resolves.toMatchObject({ kind: 'binary', size: 6 });
    await expect(readWorkspaceFile(ws, 'latin1.txt')).resolves.toMatchObject({ kind: 'not-utf8', size: 4 });
    await expect(readWorkspaceFile(ws, 'big.log')).resolves.toMatchObject({ kind: 'too-large', size: 10 * 1024 * 1024 + 1 });
  });

  it('says NOT_FOUND for a missing file', async () => {
    await expect(readWorkspaceFile(ws, 'missing.txt')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('writeWorkspaceFile', () => {
  it('writes when the hash matches, keeps the file mode and leaves no temporary file', async () => {
    writeFileSync(file('run.sh'), '#!/bin/sh\necho one\n');
    chmodSync(file('run.sh'), 0o755);
    const before = await readWorkspaceFile(ws, 'run.sh');
    if (before.kind !== 'text') throw new Error('expected text');
    const result = await writeWorkspaceFile(ws, 'run.sh', '#!/bin/sh\necho two\n', before.hash);
    expect(readFileSync(file('run.sh'), 'utf8')).toBe('#!/bin/sh\necho two\n');
    expect(statSync(file('run.sh')).mode & 0o777).toBe(0o755);
    expect(result.hash).toBe(hashBytes(readFileSync(file('run.sh'))));
    expect(readdirSync(dir.path)).toEqual(['run.sh']);
  });

  it('refuses with CONFLICT when the file changed on disk, and the disk keeps the other writer\'s text', async () => {
    writeFileSync(file('notes.md'), 'original\n');
    const read = await readWorkspaceFile(ws, 'notes.md');
    if (read.kind !== 'text') throw new Error('expected text');
    writeFileSync(file('notes.md'), 'changed by someone else\n');
    const error = await writeWorkspaceFile(ws, 'notes.md', 'mine\n', read.hash).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('CONFLICT');
    expect(readFileSync(file('notes.md'), 'utf8')).toBe('changed by someone else\n');
  });

  it('creates a new file only when told it must not exist (null hash), and refuses to clobber one', async () => {
    await writeWorkspaceFile(ws, 'new.txt', 'hello', null);
    expect(readFileSync(file('new.txt'), 'utf8')).toBe('hello');
    await expect(writeWorkspaceFile(ws, 'new.txt', 'again', null)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(file('new.txt'), 'utf8')).toBe('hello');
  });

  it('refuses with CONFLICT when the file was deleted since it was read', async () => {
    writeFileSync(file('gone.txt'), 'x');
    const hash = hashBytes(Buffer.from('x'));
    const { rmSync } = await import('node:fs');
    rmSync(file('gone.txt'));
    await expect(writeWorkspaceFile(ws, 'gone.txt', 'y', hash)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses to write outside the workspace', async () => {
    await expect(writeWorkspaceFile(ws, '../escape.txt', 'x', null)).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
  });
});
