// Which web permissions the renderer gets: none, except writing plain text to the clipboard
// from our own origin (Monaco's Copy uses navigator.clipboard.writeText). Pure, unit-tested.
import { APP_ORIGIN } from './app-url';

const ALLOWED_FOR_APP = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  if (!ALLOWED_FOR_APP.has(permission) || !requestingUrl) return false;
  try {
    const url = new URL(requestingUrl);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
