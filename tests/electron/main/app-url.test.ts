import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, contentTypeFor, isInside, resolveAppRequestPath } from '../../../electron/main/app-url';

const root = path.resolve('/srv/specdeck/dist/renderer');

describe('resolveAppRequestPath', () => {
  it('maps app://specdeck paths to files under the renderer build', () => {
    expect(resolveAppRequestPath(root, APP_ENTRY_URL)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequestPath(root, 'app://specdeck/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppRequestPath(root, 'app://specdeck/assets/a%20b.css?v=1#x')).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppRequestPath(root, 'app://specdeck')).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequestPath(root, 'app://specdeck/')).toBe(path.join(root, 'index.html'));
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppRequestPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppRequestPath(root, 'app://specdeck.evil/index.html')).toBeNull();
    expect(resolveAppRequestPath(root, 'app://specdeck:8080/index.html')).toBeNull();
    expect(resolveAppRequestPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppRequestPath(root, 'https://specdeck/index.html')).toBeNull();
    expect(resolveAppRequestPath(root, 'not a url')).toBeNull();
  });

  it('never escapes the renderer build', () => {
    for (const url of [
      'app://specdeck/../../etc/passwd',
      'app://specdeck/%2e%2e/%2e%2e/etc/passwd',
      'app://specdeck/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret',
      'app://specdeck/..%5c..%5csecret',
      'app://specdeck/%00index.html',
      'app://specdeck/%E0%A4%A',
    ]) {
      const file = resolveAppRequestPath(root, url);
      expect(file === null || isInside(root, file), `${url} -> ${file}`).toBe(true);
    }
    // The encoded-slash case decodes to ../../../secret: refused outright.
    expect(resolveAppRequestPath(root, 'app://specdeck/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret')).toBeNull();
    expect(resolveAppRequestPath(root, 'app://specdeck/%00index.html')).toBeNull();
  });
});

describe('isInside', () => {
  it('is strict about prefixes', () => {
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(false);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer build file types', () => {
    expect(contentTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/a.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/editor.worker-abc.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/codicon.ttf')).toBe('font/ttf');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
