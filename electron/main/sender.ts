// Which IPC senders may talk to the API: only a top-level frame showing our own app:// origin.
// Pure (no electron import) so it can be unit-tested; ipc.ts feeds it event.senderFrame.
import { APP_ORIGIN } from './app-url';

export interface SenderFrameFacts {
  /** event.senderFrame?.url; undefined when the frame is gone. */
  url: string | undefined;
  /** True when the sender is the window's main frame (no parent). */
  isMainFrame: boolean;
}

export function isTrustedSender(frame: SenderFrameFacts | null): boolean {
  if (!frame || !frame.isMainFrame || typeof frame.url !== 'string') return false;
  try {
    // new URL('app://specdeck/x').origin is the string 'null' for non-special schemes in Node,
    // so compare protocol and host explicitly.
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
