// Every call answers for itself: a handler that throws something unexpected answers INTERNAL, a
// file-system error answers with what it means, a result too deep to carry answers INTERNAL, and
// the next call is served as usual. The services are a real Session with one service wrapped to
// misbehave (the only way to make a correct handler fail on demand).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, MAX_RESULT_DEPTH, type RouterServices } from '../../../../electron/core/api/router';
import { Session } from '../../../../electron/core/session';
import type { SpecService } from '../../../../electron/core/specs/spec-service';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

let workspace: TempDir;
let data: TempDir;
let session: Session;
const dataDirBefore = process.env.SPECDECK_DATA_DIR;

beforeAll(async () => {
  workspace = tempDir('specdeck-router-');
  data = tempDir('specdeck-data-');
  process.env.SPECDECK_DATA_DIR = data.path;
  writeFileSync(path.join(workspace.path, 'ok.txt'), 'fine\n');
  symlinkSync('loop', path.join(workspace.path, 'loop'));
  session = await Session.open(workspace.path);
});

afterAll(async () => {
  await session?.close();
  workspace?.remove();
  data?.remove();
  if (dataDirBefore === undefined) delete process.env.SPECDECK_DATA_DIR;
  else process.env.SPECDECK_DATA_DIR = dataDirBefore;
});

function deepValue(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** The session's services, with specs.list replaced. */
function withSpecList(list: () => Promise<unknown>): RouterServices {
  const specs = new Proxy(session.specs, { get: (target, key) => (key === 'list' ? list : Reflect.get(target, key)) }) as SpecService;
  return new Proxy(session, { get: (target, key) => (key === 'specs' ? specs : Reflect.get(target, key)) }) as unknown as RouterServices;
}

describe('the router isolates each call', () => {
  it('answers a thrown TypeError with INTERNAL, logs it, and serves the next call', async () => {
    const logged: string[] = [];
    const router = createRouter(withSpecList(async () => { throw new TypeError('boom'); }), (m) => logged.push(m));
    expect(await router.dispatch('specs.list', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
    expect(logged.join('\n')).toContain('boom');
    expect(await router.dispatch('fs.read', { path: 'ok.txt' })).toMatchObject({ ok: true });
  });

  it('answers a stack overflow inside a handler with INTERNAL', async () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    const router = createRouter(withSpecList(async () => recurse(0)), () => {});
    expect(await router.dispatch('specs.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it(`refuses a result deeper than ${MAX_RESULT_DEPTH} levels before a transport has to serialise it`, async () => {
    const router = createRouter(withSpecList(async () => deepValue(20_000)), () => {});
    const outcome = await router.dispatch('specs.list', {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(outcome)).toContain('deeper than');
    const shallow = createRouter(withSpecList(async () => deepValue(MAX_RESULT_DEPTH - 1)), () => {});
    expect(await shallow.dispatch('specs.list', {})).toMatchObject({ ok: true });
  });

  it('maps file-system errors to what they mean, naming the path as given', async () => {
    const router = createRouter(session, () => {});
    expect(await router.dispatch('fs.read', { path: 'loop' })).toEqual({
      ok: false,
      error: { code: 'INVALID_PATH', message: 'Too many symbolic links (a link loop?): loop', field: 'path' },
    });
    expect(await router.dispatch('fs.list', { dir: 'loop' })).toMatchObject({ ok: false, error: { code: 'INVALID_PATH', field: 'dir' } });
    expect(await router.dispatch('fs.read', { path: 'x'.repeat(300) })).toMatchObject({ ok: false, error: { code: 'INVALID_PATH' } });
    // Root ignores file modes, so EACCES cannot be produced here on demand: a thrown errno error stands in.
    const denied = Object.assign(new Error('EACCES: permission denied, open /secret/abs/path'), { code: 'EACCES' });
    const router2 = createRouter(withSpecList(async () => { throw denied; }), () => {});
    const outcome = await router2.dispatch('specs.list', {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(JSON.stringify(outcome)).not.toContain('/secret/abs/path');
  });
});

describe('Workspace.open reports why a folder cannot be opened', () => {
  it('NOT_FOUND for a missing folder, INVALID_PATH for a link loop or an over-long name', async () => {
    await expect(Workspace.open(path.join(workspace.path, 'missing'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(Workspace.open(path.join(workspace.path, 'loop'))).rejects.toMatchObject({ code: 'INVALID_PATH' });
    await expect(Workspace.open(path.join(workspace.path, 'n'.repeat(300)))).rejects.toMatchObject({ code: 'INVALID_PATH' });
    mkdirSync(path.join(workspace.path, 'real'));
    await expect(Workspace.open(path.join(workspace.path, 'real'))).resolves.toBeInstanceOf(Workspace);
  });
});
