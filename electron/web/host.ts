// The browser host: the same router as the Electron app, carried over a WebSocket.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { createRouter } from '../core/api/router';
import { Session } from '../core/session';
import { serveConnection, type ConnectionLimits } from './connection';
import { serveStatic } from './static-files';

export interface WebHostOptions {
  folder: string;
  port?: number;
  /** Defaults to dist/renderer of this package. */
  rendererDir?: string;
  /** Defaults to a fresh random token. */
  token?: string;
  /** Per-connection limits (tests lower them); defaults in connection.ts. */
  limits?: ConnectionLimits;
  log?: (message: string) => void;
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
/** The largest request: a save of a file at the editor's limit, with room for JSON escapes. */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const session = await Session.open(options.folder, { watch: true }); // NOT_FOUND / INVALID_ARGUMENT surface here
  const log = options.log ?? ((message: string) => console.error(message));
  const router = createRouter(session, log);
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  let origins: string[] = [];
  let csp = ''; // fixed once the port is known, before the first request can arrive

  const server = createServer((req, res) => {
    if (!hostHeaderIsLocal(req)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('misdirected request');
      return;
    }
    serveStatic(rendererDir, csp, req, res);
  });
  // A malformed HTTP request or a reset before the upgrade must not end the host either.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_REQUEST_BYTES });
  wss.on('error', (error) => log(`specdeck: WebSocket server: ${error.message}`));

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy()); // ws takes over once upgraded; until then, ours
    const refusal = refuseUpgrade(req, origins, token);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) =>
      serveConnection(ws, { router, onEvent: (listener) => session.onEvent(listener), log, limits: options.limits }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  // The page may be opened as 127.0.0.1 or as localhost; its socket then comes from that origin.
  origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  csp = contentSecurityPolicy({ connectSrc: origins.map((o) => o.replace('http:', 'ws:')) });

  return {
    url: `${origins[0]}/?token=${token}`,
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
function refuseUpgrade(req: IncomingMessage, origins: string[], token: string): string | null {
  const url = new URL(req.url ?? '/', origins[0]);
  if (url.pathname !== API_PATH) return '404 Not Found';
  if (!hostHeaderIsLocal(req)) return '421 Misdirected Request';
  if (!origins.includes(req.headers.origin ?? '')) return '403 Forbidden';
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
