// A WebSocket client written by hand on a TCP socket, so tests can send frames that no
// well-behaved library would: invalid UTF-8, unmasked, reserved opcodes and bits, bad close codes,
// absurd lengths. Also used for a client that never reads.
import { randomBytes } from 'node:crypto';
import net from 'node:net';

export interface RawSocket {
  socket: net.Socket;
  /** Bytes received after the handshake. */
  received(): Buffer;
  /** Resolves once the server has closed (or reset) the connection. */
  closed: Promise<void>;
}

/** Opens a TCP connection and completes the WebSocket handshake; rejects on any refusal. */
export function rawConnect(port: number, token: string, opts: { host?: string; origin?: string } = {}): Promise<RawSocket> {
  const host = opts.host ?? '127.0.0.1';
  const origin = opts.origin ?? `http://${host}:${port}`;
  const socket = net.connect(port, '127.0.0.1');
  let buffer = Buffer.alloc(0);
  let upgraded = false;
  const closed = new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
  });
  socket.on('error', () => {}); // a reset is one way for the server to close; `closed` reports it
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.write(
        [
          `GET /api?token=${token} HTTP/1.1`,
          `Host: ${host}:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          `Origin: ${origin}`,
          '',
          '',
        ].join('\r\n'),
      );
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (upgraded) return;
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buffer.subarray(0, end).toString('latin1');
      buffer = buffer.subarray(end + 4);
      if (!head.startsWith('HTTP/1.1 101')) {
        socket.destroy();
        reject(new Error(`handshake refused: ${head.split('\r\n')[0]}`));
        return;
      }
      upgraded = true;
      resolve({ socket, received: () => buffer, closed });
    });
    void closed.then(() => {
      if (!upgraded) reject(new Error('connection closed during the handshake'));
    });
  });
}

/** One frame, masked unless told otherwise (a client must mask). */
export function frame(opts: { opcode: number; payload: Buffer; fin?: boolean; rsv?: number; masked?: boolean; lengthOverride?: bigint }): Buffer {
  const { opcode, payload } = opts;
  const first = ((opts.fin ?? true) ? 0x80 : 0) | ((opts.rsv ?? 0) << 4) | opcode;
  const masked = opts.masked ?? true;
  const length = opts.lengthOverride ?? BigInt(payload.length);
  let header: Buffer;
  if (length < 126n) header = Buffer.from([first, (masked ? 0x80 : 0) | Number(length)]);
  else if (length < 65536n) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 126;
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(length, 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= mask[i % 4]!;
  return Buffer.concat([header, mask, body]);
}

export function textFrame(text: string): Buffer {
  return frame({ opcode: 1, payload: Buffer.from(text, 'utf8') });
}
