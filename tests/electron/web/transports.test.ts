// One router, same answers: the in-process router and the WebSocket host give identical outcomes,
// including validation errors; connections without the token or from a foreign origin are refused.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../../electron/core/api/router';
import { Session } from '../../../electron/core/session';
import { startWebHost, type WebHost } from '../../../electron/web/host';
import { useTempDataDir } from '../../support/data-dir';
import { copyOfSampleProject, type TempDir } from '../../support/temp-workspace';
import { callOver } from '../../support/ws-call';

let workspace: TempDir;
let host: WebHost;
let direct: Router;
let directSession: Session;

function connect(opts: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  const origin = opts.origin ?? `http://127.0.0.1:${host.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${opts.token ?? host.token}`, { origin });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

useTempDataDir();

beforeAll(async () => {
  workspace = copyOfSampleProject();
  // The host indexes what it serves: keep that index in a temporary folder, not the user's.
  host = await startWebHost({ folder: workspace.path, rendererDir: workspace.path });
  directSession = await Session.open(workspace.path);
  direct = createRouter(directSession, () => {});
});

afterAll(async () => {
  await host.close();
  await directSession.close();
  workspace.remove();
});

const cases: [string, string, unknown][] = [
  ['lists the root', 'fs.list', { dir: '' }],
  ['reads a file', 'fs.read', { path: 'src/store.ts' }],
  ['rejects a missing field, naming it', 'fs.read', {}],
  ['rejects a wrong type, naming the field', 'fs.list', { dir: 42 }],
  ['rejects an unknown field', 'fs.read', { path: 'src/store.ts', extra: true }],
  ['rejects an unknown method', 'fs.delete', { path: 'src/store.ts' }],
  ['rejects a path outside the workspace', 'fs.read', { path: '../../etc/passwd' }],
  ['reports a missing file', 'fs.read', { path: 'nope.txt' }],
  ['rejects a malformed hash', 'fs.write', { path: 'x.txt', content: '', expectedHash: 'abc' }],
  ['lists specs', 'specs.list', {}],
  ['reports an unknown spec', 'specs.get', { specId: 'nope' }],
];

describe('the same router over both transports', () => {
  it.each(cases)('%s: identical outcome in-process and over the WebSocket', async (_name, method, params) => {
    const ws = await connect();
    const [viaSocket, inProcess] = await Promise.all([callOver(ws, method, params), direct.dispatch(method, params)]);
    ws.close();
    expect(viaSocket).toEqual(inProcess);
  });

  it('names the offending field in INVALID_ARGUMENT', async () => {
    expect(await direct.dispatch('fs.read', {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'path' } });
    expect(await direct.dispatch('tasks.setState', { specId: 'a', taskId: '1', state: 'finished', expectedHash: 'a'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'state' },
    });
  });

  it('keeps serving after malformed messages', async () => {
    const ws = await connect();
    ws.send('not json at all');
    ws.send(JSON.stringify({ type: 'call', method: 'fs.list' }));
    const outcome = await callOver(ws, 'workspace.info', {});
    ws.close();
    expect(outcome).toMatchObject({ ok: true, result: { root: host.workspaceRoot } });
  });
});

describe('WebSocket connection checks (before any method runs)', () => {
  it('refuses a connection without the token', async () => {
    await expect(connect({ token: '' })).rejects.toThrow('refused: 401');
  });
  it('refuses a wrong token', async () => {
    await expect(connect({ token: host.token.slice(0, -1) + (host.token.endsWith('a') ? 'b' : 'a') })).rejects.toThrow('refused: 401');
  });
  it('refuses a foreign Origin even with the right token', async () => {
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('refused: 403');
  });
  it('binds to 127.0.0.1 only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });
  it('still serves a good connection after refusing bad ones', async () => {
    const ws = await connect();
    expect(await callOver(ws, 'fs.read', { path: 'README.md' })).toMatchObject({
      ok: true,
      result: { kind: 'text', content: readFileSync(path.join(workspace.path, 'README.md'), 'utf8') },
    });
    ws.close();
  });
});
