// Picks the transport the page was given: the Electron preload's IPC bridge, or the browser
// host's WebSocket (same origin, token from the page URL).
import { createApiClient, type ApiClient, type Transport } from '../../../shared/api/client';
import { connectWebSocket } from './websocket-transport';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in a plain browser. */
    specdeck?: Transport;
  }
}

export async function connectApi(): Promise<ApiClient> {
  if (window.specdeck) return createApiClient(window.specdeck);
  const token = new URLSearchParams(window.location.search).get('token');
  if (!token) throw new Error('This page needs the token from the URL that `specdeck serve` printed.');
  const url = new URL('/api', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = new URLSearchParams({ token }).toString();
  return createApiClient(await connectWebSocket(url.toString()));
}
