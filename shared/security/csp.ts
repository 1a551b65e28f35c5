// The renderer's Content-Security-Policy, shared by the app:// protocol and the browser host.
// Monaco injects <style> elements (style-src 'unsafe-inline') and runs its workers from
// same-origin scripts; nothing is ever loaded from the network.
export function contentSecurityPolicy(options: { connectSrc?: string[] } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src 'self' ${(options.connectSrc ?? []).join(' ')}`.trim(),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
