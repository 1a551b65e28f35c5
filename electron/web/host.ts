// The browser host: the same router as the Electron app, carried over a WebSocket.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentSecurityPolicy } from '../../shared/security/csp';
import type { CallMessage, ServerMessage } from '../../shared/api/wire';
import { createRouter } from '../core/api/router';
import { Session } from '../core/session';
import { serveStatic } from './static-files';

export interface WebHostOptions {
  folder: string;
  port?: number;
  /** Defaults to dist/renderer of this package. */
  rendererDir?: string;
  /** Defaults to a fresh random token. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  workspaceRoot: string;
  session: Session;
  close(): Promise<void>;
}

export const API_PATH = '/api';

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const session = await Session.open(options.folder, { watch: true }); // NOT_FOUND / INVALID_ARGUMENT surface here
  const router = createRouter(session);
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  let origin = '';

  const server = createServer((req, res) => {
    if (!hostHeaderIsLocal(req)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('misdirected request');
      return;
    }
    serveStatic(rendererDir, contentSecurityPolicy({ connectSrc: [origin.replace('http:', 'ws:')] }), req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 * 1024 });

  server.on('upgrade', (req, socket, head) => {
    const refusal = refuseUpgrade(req, origin, token);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws));
  });

  function serveConnection(ws: WebSocket): void {
    const send = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = session.onEvent((event, payload) => send({ type: 'event', event, payload }));
    ws.on('close', unsubscribe);
    ws.on('message', async (data) => {
      let message: CallMessage;
      try {
        message = JSON.parse(String(data)) as CallMessage;
        if (message?.type !== 'call' || typeof message.id !== 'number' || typeof message.method !== 'string') throw new Error();
      } catch {
        send({ type: 'result', id: -1, ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Malformed message', field: 'message' } });
        return;
      }
      send({ type: 'result', id: message.id, ...(await router.dispatch(message.method, message.params)) });
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    workspaceRoot: session.info().root,
    session,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await session.close();
    },
  };
}

/** The reason to refuse a WebSocket upgrade, or null to accept it. */
function refuseUpgrade(req: IncomingMessage, origin: string, token: string): string | null {
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname !== API_PATH) return '404 Not Found';
  if (!hostHeaderIsLocal(req)) return '421 Misdirected Request';
  if (req.headers.origin !== origin) return '403 Forbidden';
  if (!tokensEqual(url.searchParams.get('token') ?? '', token)) return '401 Unauthorized';
  return null;
}

/** Refuses DNS-rebinding: only requests addressed to 127.0.0.1 or localhost are served. */
function hostHeaderIsLocal(req: IncomingMessage): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  return host === '127.0.0.1' || host === 'localhost';
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function defaultRendererDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'renderer');
}
