// Transport 1 (Electron IPC) answers exactly like transport 2 (WebSocket): same router, same
// validation, same errors, same reply to a malformed message. Tested through the IPC handlers
// that electron/main/ipc.ts binds to ipcMain (the binding itself needs an Electron binary).
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome, ServerMessage } from '../../../shared/api/wire';
import { createRouter } from '../../../electron/core/api/router';
import { Session } from '../../../electron/core/session';
import { createIpcHandlers, UntrustedSenderError } from '../../../electron/main/ipc-handlers';
import { WorkspaceGrants } from '../../../electron/main/workspace-grants';
import { startWebHost, type WebHost } from '../../../electron/web/host';
import { useTempDataDir } from '../../support/data-dir';
import { copyOfSampleProject, type TempDir } from '../../support/temp-workspace';

const APP_FRAME = { url: 'app://specdeck/index.html', isMainFrame: true };
let workspace: TempDir;
let host: WebHost;
let ws: WebSocket;
let session: Session;
let ipc: ReturnType<typeof createIpcHandlers>;
const opened: string[] = [];
useTempDataDir('specdeck-ipc-data-');

let nextId = 1;
function overWebSocket(message: unknown): Promise<Outcome> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const reply = JSON.parse(String(data)) as ServerMessage;
      if (reply.type !== 'result') return;
      ws.off('message', onMessage);
      const { type: _t, id: _i, ...outcome } = reply;
      resolve(outcome as Outcome);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify(message));
  });
}

beforeAll(async () => {
  workspace = copyOfSampleProject();
  host = await startWebHost({ folder: workspace.path, rendererDir: workspace.path });
  ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  session = await Session.open(workspace.path);
  // A granted folder that is gone: the router's NOT_FOUND, as over the WebSocket (grants: workspace-grants.test.ts).
  const grants = new WorkspaceGrants();
  grants.grant('/definitely/not/here');
  ipc = createIpcHandlers(createRouter(session, () => {}), {
    openFolder: async () => ({ ok: true, result: null }),
    recentFolders: () => ['/recent/one'],
    openRecent: async (folder) => {
      opened.push(folder);
      return { ok: true, result: { root: folder, name: 'one' } };
    },
  }, grants);
});

afterAll(async () => {
  ws?.close();
  await host?.close();
  await session?.close();
  workspace?.remove();
});

const cases: [string, string, unknown][] = [
  ['lists the root', 'fs.list', { dir: '' }],
  ['reads a file', 'fs.read', { path: 'README.md' }],
  ['names a missing field', 'fs.read', {}],
  ['names a wrongly typed field', 'fs.read', { path: 42 }],
  ['rejects an unknown field', 'fs.list', { dir: '', extra: 1 }],
  ['rejects an unknown method', 'no.such', {}],
  ['refuses a path outside the workspace', 'fs.read', { path: '../outside.txt' }],
  ['reports a missing file', 'fs.read', { path: 'nope.md' }],
  ['reports a missing folder to open', 'workspace.open', { path: '/definitely/not/here' }],
];

describe('IPC and WebSocket transports', () => {
  it.each(cases)('%s: identical outcome', async (_name, method, params) => {
    const viaIpc = await ipc.call(APP_FRAME, method, params);
    const viaWs = await overWebSocket({ type: 'call', id: nextId++, method, params });
    // IPC uses structured clone, WebSocket JSON: the outcome must be plain data either way.
    expect(structuredClone(viaIpc)).toEqual(JSON.parse(JSON.stringify(viaIpc)));
    expect(viaIpc).toEqual(viaWs);
  });

  it('answers a malformed message (method not a string) like the WebSocket host', async () => {
    const viaIpc = await ipc.call(APP_FRAME, 42, {});
    const viaWs = await overWebSocket({ type: 'call', id: nextId++, method: 42, params: {} });
    expect(viaIpc).toEqual(viaWs);
    expect(viaIpc).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'message' } });
  });
});

describe('IPC sender check', () => {
  const strangers = [
    null,
    { url: 'https://example.com/', isMainFrame: true },
    { url: 'app://specdeck/index.html', isMainFrame: false },
    { url: 'file:///tmp/x.html', isMainFrame: true },
  ];

  it.each(strangers)('refuses every channel from %o', async (frame) => {
    await expect(ipc.call(frame, 'workspace.info', {})).rejects.toBeInstanceOf(UntrustedSenderError);
    await expect(ipc.openFolder(frame)).rejects.toBeInstanceOf(UntrustedSenderError);
    await expect(ipc.recentFolders(frame)).rejects.toBeInstanceOf(UntrustedSenderError);
    await expect(ipc.openRecent(frame, '/recent/one')).rejects.toBeInstanceOf(UntrustedSenderError);
  });

  it('openRecent only opens folders from the recent list', async () => {
    expect(await ipc.openRecent(APP_FRAME, '/etc')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'path' } });
    expect(await ipc.openRecent(APP_FRAME, 7)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'path' } });
    expect(opened).toEqual([]);
    expect(await ipc.openRecent(APP_FRAME, '/recent/one')).toMatchObject({ ok: true });
    expect(opened).toEqual(['/recent/one']);
  });
});
