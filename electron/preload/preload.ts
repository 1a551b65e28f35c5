// Runs in the sandboxed preload of the app window (isolated world). It exposes exactly two objects
// to the page: `specdeck`, the API Transport, and `specdeckHost`, the desktop-only host actions.
// Never the raw ipcRenderer, never a channel name chosen by the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { Transport } from '../../shared/api/client';
import type { HostBridge, HostOpenOutcome } from '../../shared/api/host-bridge';
import type { Outcome } from '../../shared/api/wire';
import { CHANNELS } from './channels';

type EventListener = (event: string, payload: unknown) => void;
const listeners = new Set<EventListener>();

// One IPC subscription fanned out to the page's listeners, so the page never sees IPC events.
ipcRenderer.on(CHANNELS.event, (_ipcEvent, event: unknown, payload: unknown) => {
  if (typeof event !== 'string') return;
  for (const listener of listeners) listener(event, payload);
});

const transport: Transport = {
  call: (method: string, params: unknown) => ipcRenderer.invoke(CHANNELS.call, method, params) as Promise<Outcome>,
  onEvent(listener: EventListener) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

const host: HostBridge = {
  openFolder: () => ipcRenderer.invoke(CHANNELS.openFolder) as Promise<HostOpenOutcome>,
  recentFolders: () => ipcRenderer.invoke(CHANNELS.recentFolders) as Promise<string[]>,
  openRecent: (path: string) => ipcRenderer.invoke(CHANNELS.openRecent, path) as Promise<HostOpenOutcome>,
};

contextBridge.exposeInMainWorld('specdeck', transport);
contextBridge.exposeInMainWorld('specdeckHost', host);
