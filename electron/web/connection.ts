// One WebSocket connection of the browser host, hardened: a socket error or a malformed frame
// closes that connection only; a client that stops reading is paused, then dropped, so its unsent
// output cannot grow the host without bound; each connection runs a bounded number of calls at once.
import type { WebSocket } from 'ws';
import type { CallMessage, ServerMessage } from '../../shared/api/wire';
import type { Router } from '../core/api/router';

export interface ConnectionLimits {
  /** Unsent output (bytes) above which no further request of this connection is started. */
  pauseAboveBytes: number;
  /** Unsent output (bytes) above which the connection is dropped. */
  dropAboveBytes: number;
  /** Calls of one connection in progress at once; the rest wait unread in the socket. */
  maxConcurrentCalls: number;
  /** Requests parsed but not yet started; past it the client is not honouring the pause. */
  maxQueuedCalls: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  pauseAboveBytes: 8 * 1024 * 1024,
  // Above the pause bound plus a few answers of the largest kind (a 10 MB file, JSON-escaped).
  dropAboveBytes: 128 * 1024 * 1024,
  maxConcurrentCalls: 4,
  maxQueuedCalls: 10_000,
};

export interface ConnectionDeps {
  router: Router;
  /** Subscribes to the session's events; returns the unsubscribe. */
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  log(message: string): void;
  limits?: ConnectionLimits;
}

export function serveConnection(ws: WebSocket, deps: ConnectionDeps): void {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const queue: string[] = [];
  let running = 0;
  let paused = false;
  let dropped = false;

  // Without this listener ws's 'error' (bad UTF-8, unmasked or reserved frames, bad close codes,
  // oversized frames, resets) is an uncaught exception that ends the whole host.
  ws.on('error', (error) => {
    deps.log(`specdeck: closing a connection: ${error.message}`);
    ws.terminate();
  });

  const drop = (reason: string) => {
    if (dropped) return;
    dropped = true;
    deps.log(`specdeck: dropping a connection: ${reason}`);
    queue.length = 0;
    ws.terminate();
  };

  const send = (message: ServerMessage) => {
    if (dropped || ws.readyState !== ws.OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      // The router checks results first; this covers anything that still cannot be serialised.
      if (message.type !== 'result') return deps.log(`specdeck: event ${message.event} not sent: ${errorText(error)}`);
      text = JSON.stringify({ type: 'result', id: message.id, ok: false, error: { code: 'INTERNAL', message: `The answer could not be sent: ${errorText(error)}` } });
    }
    ws.send(text, () => pump()); // written out: room for more, maybe
    if (ws.bufferedAmount > limits.dropAboveBytes) drop(`more than ${limits.dropAboveBytes} bytes of output unread`);
  };

  const hasRoom = () => running < limits.maxConcurrentCalls && ws.bufferedAmount <= limits.pauseAboveBytes;

  // Starts queued calls while there is room; stops reading the socket while there is not, so the
  // kernel's receive window, not our memory, holds what the client keeps sending.
  const pump = () => {
    if (dropped) return;
    while (queue.length > 0 && hasRoom()) void run(queue.shift()!);
    const shouldPause = queue.length > 0 || !hasRoom();
    if (shouldPause && !paused) {
      paused = true;
      ws.pause();
    } else if (!shouldPause && paused) {
      paused = false;
      ws.resume();
    }
  };

  const run = async (data: string) => {
    running++;
    try {
      const message = parseCall(data);
      if (!message) {
        send({ type: 'result', id: -1, ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Malformed message', field: 'message' } });
        return;
      }
      send({ type: 'result', id: message.id, ...(await deps.router.dispatch(message.method, message.params)) });
    } catch (error) {
      deps.log(`specdeck: a call failed outside the router: ${errorText(error)}`);
    } finally {
      running--;
      pump();
    }
  };

  const unsubscribe = deps.onEvent((event, payload) => send({ type: 'event', event, payload }));
  ws.on('close', () => {
    unsubscribe();
    queue.length = 0;
  });
  ws.on('message', (data) => {
    if (dropped) return;
    if (queue.length >= limits.maxQueuedCalls) return drop(`more than ${limits.maxQueuedCalls} requests queued`);
    queue.push(String(data));
    pump();
  });
}

function parseCall(data: string): CallMessage | null {
  try {
    const message = JSON.parse(data) as CallMessage;
    if (message?.type !== 'call' || typeof message.id !== 'number' || typeof message.method !== 'string') return null;
    return message;
  } catch {
    return null;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
