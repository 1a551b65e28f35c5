// The `specdeck` command as a user runs it (the built bin, in a child process).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSpecdeck, serve } from '../../support/cli-process';
import { tempDir, type TempDir } from '../../support/temp-workspace';

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
  writeFileSync(path.join(dir.path, 'file.txt'), 'x');
});
afterAll(() => dir.remove());

describe('specdeck', () => {
  it('--help lists the commands and exits 0', () => {
    const { code, stdout } = runSpecdeck(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Commands:$/m);
    expect(stdout).toMatch(/^ {2}serve +Serve the Specdeck UI/m);
  });

  it('an unknown command prints the help to stderr and exits 2', () => {
    const { code, stderr } = runSpecdeck(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'frobnicate'");
  });

  it('serve on a missing folder prints a clear error, no stack trace, and exits 1', () => {
    const missing = path.join(dir.path, 'no-such-folder');
    const { code, stderr } = runSpecdeck(['serve', missing]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`specdeck serve: No such folder: ${missing}`);
  });

  it('serve on a file prints that it is not a folder and exits 1', () => {
    const { code, stderr } = runSpecdeck(['serve', path.join(dir.path, 'file.txt')]);
    expect(code).toBe(1);
    expect(stderr).toContain('Not a folder');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('serve with a bad --port is a usage error (exit 2)', () => {
    const { code, stderr } = runSpecdeck(['serve', dir.path, '--port', 'abc']);
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be 0-65535');
  });

  it('serve prints one line with the full URL, token included, and serves the page', async () => {
    const host = await serve(dir.path);
    try {
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
      const page = await fetch(host.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await page.text()).toContain('<div id="root"></div>');
      // A malformed escape in the path is a bad request, and the host keeps serving.
      const malformed = await fetch(new URL('/%E0%A4%A', host.url));
      expect(malformed.status).toBe(400);
      expect((await fetch(host.url)).status).toBe(200);
    } finally {
      await host.stop();
    }
  });
});
