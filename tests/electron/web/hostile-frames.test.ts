// Finding 1 of issue 12: one malformed WebSocket frame used to end the host (the connection had no
// error handler, so ws's 'error' event became an uncaught exception). Runs the real `specdeck serve`
// (needs `npm run build`) and sends each kind of bad frame over a hand-written socket; after every
// one the same process must still answer an ordinary call on a fresh connection.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServeProcess } from '../../support/cli-process';
import { frame, rawConnect, textFrame } from '../../support/raw-websocket';
import { copyOfSampleProject, type TempDir } from '../../support/temp-workspace';
import { callOnce } from '../../support/ws-call';

let workspace: TempDir;
let host: ServeProcess;
let port: number;
let token: string;

beforeAll(async () => {
  workspace = copyOfSampleProject();
  host = await serve(workspace.path);
  ({ port, token } = host);
}, 60_000);

afterAll(async () => {
  await host?.stop();
  workspace?.remove();
});

/** A well-behaved client's call, on a fresh connection. */
async function readsStillWork(): Promise<void> {
  expect(await callOnce(port, token, 'fs.read', { path: 'README.md' })).toMatchObject({ ok: true });
}

const closeWith = (code: number) => {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code);
  return frame({ opcode: 8, payload });
};

const badFrames: [string, Buffer][] = [
  ['a text frame with invalid UTF-8', frame({ opcode: 1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) })],
  ['an unmasked frame', frame({ opcode: 1, payload: Buffer.from('{}'), masked: false })],
  ['a reserved opcode', frame({ opcode: 3, payload: Buffer.from('x') })],
  ['a reserved control opcode', frame({ opcode: 0xb, payload: Buffer.from('x') })],
  ['an RSV1 bit without an extension', frame({ opcode: 1, payload: Buffer.from('{}'), rsv: 4 })],
  ['RSV2 and RSV3 bits', frame({ opcode: 1, payload: Buffer.from('{}'), rsv: 3 })],
  ['a close frame with an invalid code', closeWith(999)],
  ['a close frame with a reserved code', closeWith(1005)],
  ['a close frame with a one-byte payload', frame({ opcode: 8, payload: Buffer.from([3]) })],
  ['a fragmented control frame', frame({ opcode: 9, payload: Buffer.from('ping'), fin: false })],
  ['a continuation frame with nothing to continue', frame({ opcode: 0, payload: Buffer.from('x') })],
  ['a length beyond 2^53', frame({ opcode: 2, payload: Buffer.alloc(0), lengthOverride: 2n ** 63n })],
  ['a length past the host limit', frame({ opcode: 1, payload: Buffer.alloc(0), lengthOverride: 2n ** 40n })],
  ['a control frame longer than 125 bytes', frame({ opcode: 9, payload: Buffer.alloc(200) })],
];

describe('specdeck serve survives malformed WebSocket frames', () => {
  it.each(badFrames)('%s closes that connection only', async (_name, bytes) => {
    const raw = await rawConnect(port, token);
    raw.socket.write(bytes);
    await raw.closed; // the host drops the offender…
    expect(host.child.exitCode).toBeNull(); // …and keeps running
    await readsStillWork();
  });

  it('survives a client that resets its connection and one that sends garbage instead of HTTP', async () => {
    const raw = await rawConnect(port, token);
    raw.socket.resetAndDestroy();
    await raw.closed;
    const garbage = connect(port, '127.0.0.1');
    garbage.on('error', () => {});
    let answer = '';
    garbage.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1'))); // and read to the end, so 'close' comes
    garbage.write(Buffer.from([0, 1, 2, 3, 0xff, 0x0d, 0x0a, 0x0d, 0x0a]));
    await new Promise<void>((resolve) => garbage.once('close', () => resolve()));
    expect(answer).toMatch(/^HTTP\/1.1 400/);
    expect(host.child.exitCode).toBeNull();
    await readsStillWork();
  });

  it('answers a text message that is not JSON with INVALID_ARGUMENT and keeps the connection', async () => {
    const raw = await rawConnect(port, token);
    raw.socket.write(textFrame('not json'));
    raw.socket.write(textFrame(JSON.stringify({ type: 'call', id: 7, method: 'fs.read', params: { path: 'README.md' } })));
    await expect.poll(() => raw.received().toString('latin1'), { timeout: 20_000 }).toContain('"id":7');
    expect(raw.received().toString('latin1')).toContain('INVALID_ARGUMENT');
    raw.socket.destroy();
  });
});
