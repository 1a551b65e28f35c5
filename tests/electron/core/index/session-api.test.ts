// The index through the API: a watching session indexes in the background, answers
// search.text / search.files / index.status, emits index.progress, and tells the renderer
// about a saved file only once its new text is searchable.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callDirect, createRouter } from '../../../../electron/core/api/router';
import { Session } from '../../../../electron/core/session';
import type { ApiEvent } from '../../../../shared/api/contract';
import { eventually, makeTree, useIndexSandbox } from './helpers';

describe('index: through the session and router', () => {
  useIndexSandbox();
  let session: Session | null = null;
  afterEach(async () => {
    await session?.close();
    session = null;
  });

  it('indexes a watched workspace without blocking the open, and serves the index methods', async () => {
    const root = makeTree({ 'src/userService.ts': 'export class UserService {}\n', 'README.md': 'Use the UserService.\n' });
    session = new Session({ watch: true });
    const events: { event: ApiEvent; payload: unknown }[] = [];
    session.onEvent((event, payload) => events.push({ event, payload }));
    await session.open(root);
    const router = createRouter(session);
    await session.index!.whenIdle();
    expect(events.some((e) => e.event === 'index.progress' && (e.payload as { phase: string }).phase === 'ready')).toBe(true);

    const status = await callDirect(router, 'index.status', {});
    expect(status).toMatchObject({ state: 'ready', files: 2, textFiles: 2 });
    const found = await callDirect(router, 'search.text', { query: 'userservice' });
    expect(found.hits.map((h) => `${h.path}:${h.line}:${h.column}`)).toEqual(['README.md:1:9', 'src/userService.ts:1:14']);
    const files = await callDirect(router, 'search.files', { query: 'usrsvc' });
    expect(files[0]?.path).toBe('src/userService.ts');
    await expect(callDirect(router, 'search.text', { query: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'query' });
    await expect(callDirect(router, 'search.text', { query: '(', regex: true })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });

    // A save: files.changed arrives once the new text is searchable. The search runs on the first
    // such event only and is awaited here: the watcher may report the save twice, and a second
    // search left running once the test ended met the closing session ("the index was closed").
    let searchable: Promise<boolean> | null = null;
    session.onEvent((event, payload) => {
      if (searchable === null && event === 'files.changed' && (payload as { paths: string[] }).paths.includes('src/userService.ts')) {
        searchable = callDirect(router, 'search.text', { query: 'AccountService' }).then((r) => r.hits.length === 1);
      }
    });
    writeFileSync(path.join(root, 'src/userService.ts'), 'export class AccountService {}\n');
    await eventually(() => searchable !== null);
    await expect(searchable).resolves.toBe(true);
  });

  it('answers UNSUPPORTED when the session runs without an index', async () => {
    const root = makeTree({ 'a.txt': 'x\n' });
    session = await Session.open(root);
    expect(session.index).toBeNull();
    await expect(callDirect(createRouter(session), 'search.text', { query: 'x' })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });
});
