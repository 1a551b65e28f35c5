import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/sender';
import { isPermissionAllowed } from '../../../electron/main/permissions';

describe('isTrustedSender', () => {
  it('accepts our own top-level app:// frame', () => {
    expect(isTrustedSender({ url: 'app://specdeck/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://specdeck/', isMainFrame: true })).toBe(true);
  });

  it('refuses sub-frames, other origins, and vanished frames', () => {
    expect(isTrustedSender({ url: 'app://specdeck/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://specdeck.evil.com/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://user:pw@specdeck/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'https://specdeck/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: '', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('allows only clipboard writes, only to our origin', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://specdeck/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://specdeck')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fileSystem']) {
      expect(isPermissionAllowed(permission, 'app://specdeck/index.html')).toBe(false);
    }
  });
});
