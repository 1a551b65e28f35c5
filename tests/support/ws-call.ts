// One API call over a WebSocket client of a host, as the page makes it: a `call` message, then
// the `result` with the same id. Other messages (events, other answers) pass by.
import type WebSocket from 'ws';
import type { Outcome, ServerMessage } from '../../shared/api/wire';
import { openClient } from './cli-process';

let nextId = 1;

/** Sends one call on `ws` and resolves with its outcome; rejects if the host closes first. */
export function callOver(ws: WebSocket, method: string, params: unknown): Promise<Outcome> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if (message.type !== 'result' || message.id !== id) return;
      ws.off('message', onMessage).off('close', onClose);
      const { type: _t, id: _i, ...outcome } = message;
      resolve(outcome as Outcome);
    };
    const onClose = () => {
      ws.off('message', onMessage);
      reject(new Error(`the host closed the connection before answering ${method}`));
    };
    ws.on('message', onMessage).once('close', onClose);
    ws.send(JSON.stringify({ type: 'call', id, method, params }));
  });
}

/** One call on a fresh, well-behaved connection (`via` as the page's host name), closed after. */
export async function callOnce(port: number, token: string, method: string, params: unknown, via?: string): Promise<Outcome> {
  const ws = await openClient(port, token, via);
  try {
    return await callOver(ws, method, params);
  } finally {
    ws.terminate();
  }
}
