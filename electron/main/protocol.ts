// The app:// scheme: serves the renderer build (dist/renderer) with the shared CSP, instead of
// file:// (which would give the page the whole disk as its origin).
import { protocol } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import { APP_SCHEME, contentTypeFor, isInside, resolveAppRequestPath } from './app-url';

/**
 * Must run before app 'ready'. A standard, secure scheme behaves like https for the page (origin,
 * relative URLs, module scripts and workers); corsEnabled lets Vite's `<script type="module"
 * crossorigin>` load (it grants no cross-origin access: we never send CORS headers).
 */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

export function serveRendererOverAppScheme(rendererDir: string, csp: string): void {
  const realRoot = realpath(rendererDir).catch(() => rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const file = resolveAppRequestPath(rendererDir, request.url);
    if (!file) return plain(404, 'not found');
    try {
      // Resolve symlinks too: a link inside dist/renderer must not lead outside it.
      const real = await realpath(file);
      if (!isInside(await realRoot, real)) return plain(404, 'not found');
      const body = await readFile(real);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'content-type': contentTypeFor(real),
          'content-security-policy': csp,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      return plain(404, 'not found');
    }
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
