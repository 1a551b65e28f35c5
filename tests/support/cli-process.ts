// Runs the built `specdeck` command as a child process, as a user would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';
import { repoRoot } from './temp-workspace';

export const specdeckBin = path.join(repoRoot, 'bin', 'specdeck.mjs');

export function runSpecdeck(args: string[], env: NodeJS.ProcessEnv = {}, bin = specdeckBin) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface ServeProcess {
  url: string;
  /** From the URL: the port and the per-run token. */
  port: number;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `specdeck serve <folder>` and waits for the line with its URL. The index database goes
 * to a folder beside the workspace (SPECDECK_DATA_DIR) unless `env` says otherwise; `bin` is
 * another build of the command (the toy-format test's).
 */
export function serve(folder: string, env: NodeJS.ProcessEnv = {}, bin = specdeckBin): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve', folder], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SPECDECK_DATA_DIR: `${folder}.specdeck-data`, ...env },
  });
  // A failed or interrupted test run must not leave servers behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`specdeck serve printed no URL:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const url = new URL(match[1]!);
      resolve({
        url: match[1]!,
        port: Number(url.port),
        token: url.searchParams.get('token')!,
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`specdeck serve exited with ${code}:\n${output}`));
    });
  });
}

/** A well-behaved WebSocket client of a host, open (the page's origin: `via` as host name). */
export async function openClient(port: number, token: string, via = '127.0.0.1'): Promise<WebSocket> {
  const ws = new WebSocket(`ws://${via}:${port}/api?token=${token}`, { origin: `http://${via}:${port}` });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
  });
  return ws;
}
