// Findings 5 and 11 of issue 12, and "every handler isolated", against the real `specdeck serve`
// (needs `npm run build`): a cc-sdd spec.json nested 20,000 levels used to crash the host
// (RangeError in JSON.stringify inside the message handler, an unhandled rejection); a symlink
// loop and an over-long name came back as INTERNAL; the page opened as `localhost` could not
// connect. Each call must get its own clear answer and the host must go on.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../shared/api/wire';
import { serve, type ServeProcess } from '../../support/cli-process';
import { tempDir, type TempDir } from '../../support/temp-workspace';
import { callOnce } from '../../support/ws-call';

let workspace: TempDir;
let host: ServeProcess;
let port: number;
let token: string;
let output = '';

beforeAll(async () => {
  workspace = tempDir('specdeck-hostile-');
  const spec = path.join(workspace.path, '.kiro', 'specs', 'deep');
  mkdirSync(spec, { recursive: true });
  writeFileSync(path.join(spec, 'spec.json'), `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
  writeFileSync(path.join(spec, 'requirements.md'), '# Requirements\n');
  writeFileSync(path.join(spec, 'tasks.md'), '- [ ] 1. a task\n');
  symlinkSync('loop', path.join(workspace.path, 'loop'));
  writeFileSync(path.join(workspace.path, 'ok.txt'), 'fine\n');
  host = await serve(workspace.path);
  host.child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  ({ port, token } = host);
}, 60_000);

afterAll(async () => {
  await host?.stop();
  workspace?.remove();
});

const call = (method: string, params: unknown, via = '127.0.0.1'): Promise<Outcome> => callOnce(port, token, method, params, via);

describe('the host answers hostile repository content and goes on', () => {
  it('lists and opens a spec whose spec.json nests 20,000 levels, reporting the file', async () => {
    const list = await call('specs.list', {});
    expect(list.ok).toBe(true);
    const specs = (list as { result: { id: string }[] }).result;
    expect(specs.length).toBe(1);
    const got = await call('specs.get', { specId: specs[0]!.id });
    expect(got.ok).toBe(true);
    const spec = (got as { result: { spec: { config: { values: unknown }; diagnostics: { code: string }[] } } }).result.spec;
    expect(spec.config.values).toBeNull();
    expect(spec.diagnostics.map((d) => d.code)).toContain('config-too-deep');
    expect(host.child.exitCode).toBeNull();
    expect((await call('fs.read', { path: 'ok.txt' })).ok).toBe(true);
  });

  it('answers a symlink loop with INVALID_PATH, not INTERNAL', async () => {
    const outcome = await call('fs.read', { path: 'loop' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_PATH', field: 'path' } });
    expect((outcome as { error: { message: string } }).error.message).not.toContain(workspace.path);
  });

  it('answers a name longer than the file system allows with INVALID_PATH', async () => {
    const outcome = await call('fs.read', { path: `${'n'.repeat(300)}.txt` });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_PATH', field: 'path' } });
  });

  it('accepts the page opened as localhost as well as 127.0.0.1', async () => {
    expect((await call('fs.read', { path: 'ok.txt' }, 'localhost')).ok).toBe(true);
    const page = await fetch(`http://localhost:${port}/`, { headers: { host: `localhost:${port}` } });
    expect(page.headers.get('content-security-policy')).toContain(`ws://localhost:${port}`);
    expect(page.headers.get('content-security-policy')).toContain(`ws://127.0.0.1:${port}`);
  });

  it('still refuses a foreign origin', async () => {
    await expect(call('fs.read', { path: 'ok.txt' }, '127.0.0.1').then(() => 'accepted')).resolves.toBe('accepted');
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { origin: 'http://localhost.evil.example:80' });
    const status = await new Promise<number>((resolve) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
      ws.once('error', () => {});
    });
    ws.terminate();
    expect(status).toBe(403);
  });

  it('has stayed up throughout and logged no unhandled rejection', () => {
    expect(host.child.exitCode).toBeNull();
    expect(output).not.toMatch(/unhandled/i);
  });
});
