// Finding 2 of issue 12: a client that never reads its answers let the host's memory grow without
// bound (300 reads of a 5 MB file took `specdeck serve` from 309 MB to 3.8 GB). The host now stops
// reading requests from a connection whose unsent output passes 8 MB, so the rest of that client's
// calls wait in its socket, not in our memory. Runs the real `specdeck serve` (needs `npm run build`)
// and reads its resident set from /proc.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClient, serve, type ServeProcess } from '../../support/cli-process';
import { rawConnect, textFrame } from '../../support/raw-websocket';
import { tempDir, type TempDir } from '../../support/temp-workspace';
import { callOver } from '../../support/ws-call';

const MB = 1024 * 1024;
let workspace: TempDir;
let host: ServeProcess;
let port: number;
let token: string;

beforeAll(async () => {
  workspace = tempDir('specdeck-slow-reader-');
  const line = `${'x'.repeat(99)}\n`;
  writeFileSync(path.join(workspace.path, 'big.txt'), line.repeat((5 * MB) / line.length));
  host = await serve(workspace.path);
  ({ port, token } = host);
}, 60_000);

afterAll(async () => {
  await host?.stop();
  workspace?.remove();
});

function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) * 1024;
}

/** A client that reads: `count` sequential reads of big.txt, sampling the host's memory after each. */
async function probeReads(count: number, sample: () => void): Promise<void> {
  const ws = await openClient(port, token);
  try {
    for (let i = 0; i < count; i++) {
      expect(await callOver(ws, 'fs.read', { path: 'big.txt' })).toMatchObject({ ok: true });
      sample();
    }
  } finally {
    ws.terminate();
  }
}

describe('a client that never reads', () => {
  it('cannot grow the host without bound, and the host keeps serving others', async () => {
    const pid = host.child.pid!;
    await probeReads(3, () => {}); // warm: the first read's buffers are not the leak we look for
    const before = residentBytes(pid);
    let peak = before;
    const sample = () => (peak = Math.max(peak, residentBytes(pid)));

    const raw = await rawConnect(port, token);
    raw.socket.pause(); // never read another byte
    const calls = Array.from({ length: 300 }, (_, i) =>
      textFrame(JSON.stringify({ type: 'call', id: i + 1, method: 'fs.read', params: { path: 'big.txt' } })),
    );
    raw.socket.write(Buffer.concat(calls));

    // The host started those reads before these; answering 30 of ours (150 MB read and sent) gives
    // the unbounded host ample time to pile up the silent client's answers.
    await probeReads(30, sample);
    raw.socket.destroy();
    await probeReads(3, sample); // after the client left, too
    const after = residentBytes(pid);
    console.log(`host RSS: ${(before / MB).toFixed(0)} MB before, peak ${(peak / MB).toFixed(0)} MB, ${(after / MB).toFixed(0)} MB after`);
    expect(peak - before).toBeLessThan(400 * MB);
    expect(host.child.exitCode).toBeNull();
  }, 120_000);
});
