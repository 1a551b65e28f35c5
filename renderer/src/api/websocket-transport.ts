// Transport 2: a WebSocket to the browser host (electron/web), authenticated by the page's token.
import type { Transport } from '../../../shared/api/client';
import type { CallMessage, Outcome, ServerMessage } from '../../../shared/api/wire';

export function connectWebSocket(url: string): Promise<Transport> {
  const socket = new WebSocket(url);
  const pending = new Map<number, (outcome: Outcome) => void>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as ServerMessage;
    if (data.type === 'event') {
      for (const listener of listeners) listener(data.event, data.payload);
      return;
    }
    const resolve = pending.get(data.id);
    pending.delete(data.id);
    resolve?.(data.ok ? { ok: true, result: data.result } : { ok: false, error: data.error });
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'INTERNAL', message: 'The connection to Specdeck was closed' } });
    }
    pending.clear();
    for (const listener of listeners) listener('connection.closed', null);
  });

  const transport: Transport = {
    call(method, params) {
      if (socket.readyState !== WebSocket.OPEN) {
        return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'Not connected to Specdeck' } });
      }
      const id = nextId++;
      const message: CallMessage = { type: 'call', id, method, params };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify(message));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(transport), { once: true });
    socket.addEventListener('error', () => reject(new Error('Could not connect to the Specdeck host (is the token right?)')), { once: true });
  });
}
