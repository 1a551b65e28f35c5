// The per-connection limits of electron/web/connection.ts, on an in-process host with small
// limits: a reading client gets every answer however many calls it sends at once (pausing and
// resuming lose nothing); a client that never reads is dropped past the hard bound.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../shared/api/wire';
import { startWebHost, type WebHost } from '../../../electron/web/host';
import { openClient } from '../../support/cli-process';
import { rawConnect, textFrame } from '../../support/raw-websocket';
import { useTempDataDir } from '../../support/data-dir';
import { tempDir, type TempDir } from '../../support/temp-workspace';

const MB = 1024 * 1024;
let workspace: TempDir;
let host: WebHost;
const logged: string[] = [];
useTempDataDir();

beforeAll(async () => {
  workspace = tempDir('specdeck-limits-');
  writeFileSync(path.join(workspace.path, 'big.txt'), 'y'.repeat(3 * MB));
  writeFileSync(path.join(workspace.path, 'small.txt'), 'hello\n');
  writeFileSync(path.join(workspace.path, 'huge.txt'), 'z'.repeat(9 * MB));
  host = await startWebHost({
    folder: workspace.path,
    rendererDir: workspace.path,
    limits: { pauseAboveBytes: 256 * 1024, dropAboveBytes: 4 * MB, maxConcurrentCalls: 2, maxQueuedCalls: 10_000 },
    log: (message) => logged.push(message),
  });
});

afterAll(async () => {
  await host?.close();
  workspace?.remove();
});

describe('connection limits', () => {
  it('answers every one of 300 calls sent at once by a client that reads', async () => {
    const ws = await openClient(host.port, host.token);
    const answered = new Map<number, boolean>();
    ws.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as ServerMessage;
      if (message.type === 'result') answered.set(message.id, message.ok);
    });
    for (let id = 1; id <= 300; id++) {
      const file = id % 10 === 0 ? 'big.txt' : 'small.txt'; // some answers pass the pause bound
      ws.send(JSON.stringify({ type: 'call', id, method: 'fs.read', params: { path: file } }));
    }
    await expect.poll(() => answered.size, { timeout: 60_000 }).toBe(300);
    expect([...answered.values()].every(Boolean)).toBe(true);
    ws.terminate();
  }, 90_000);

  it('drops a client that never reads once its unsent output passes the hard bound', async () => {
    const raw = await rawConnect(host.port, host.token);
    raw.socket.pause();
    // Two answers of 9 MB start at once: 18 MB, more than the kernel's socket buffers (a few MB
    // while nobody reads) can take, so at least 4 MB stays in ours.
    const calls = Array.from({ length: 20 }, (_, i) => textFrame(JSON.stringify({ type: 'call', id: i + 1, method: 'fs.read', params: { path: 'huge.txt' } })));
    raw.socket.write(Buffer.concat(calls));
    await expect.poll(() => logged.some((line) => line.includes('dropping a connection')), { timeout: 50_000 }).toBe(true);
    raw.socket.resume(); // a paused socket never sees the end of its stream
    await raw.closed;
  }, 60_000);
});
