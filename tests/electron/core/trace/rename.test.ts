// A linked file renamed or moved outside git keeps its links (same text at the new path), whether
// the change is seen as it happens (the watcher's batch) or on the next open.
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { APP, demoWorkspace, openFixture, type Fixture } from './trace-fixture';

let fx: Fixture;
beforeEach(async () => {
  fx = await demoWorkspace();
  await fx.startTask('1');
  await fx.save('src/app.ts', APP.replace('const line4 = 4;', 'greet();'));
  await fx.call('trace.stop', { complete: true });
});
afterEach(async () => {
  await fx.close();
  fx.dir.remove();
  fx.data.remove();
});

it('links follow a rename seen in one batch of outside changes', async () => {
  expect(await fx.call('trace.fileLinks', { path: 'src/app.ts' })).toHaveLength(1);
  mkdirSync(path.join(fx.root, 'lib'));
  renameSync(path.join(fx.root, 'src/app.ts'), path.join(fx.root, 'lib/main.ts'));
  await fx.session.trace.onExternalChanges(['src/app.ts', 'lib/main.ts']);
  expect(await fx.call('trace.fileLinks', { path: 'src/app.ts' })).toEqual([]);
  expect(await fx.call('trace.fileLinks', { path: 'lib/main.ts' })).toMatchObject([{ path: 'lib/main.ts', startLine: 4, endLine: 4, state: 'linked', taskId: '1' }]);
});

it('links follow a move made while Specdeck was closed', async () => {
  await fx.close();
  renameSync(path.join(fx.root, 'src/app.ts'), path.join(fx.root, 'moved.ts'));
  fx = await openFixture(fx.root, fx.data, fx.dir);
  expect(await fx.call('trace.fileLinks', { path: 'moved.ts' })).toMatchObject([{ path: 'moved.ts', startLine: 4, state: 'linked' }]);
});

it('a rename with edits is not followed: the links end with the old file (documented limit)', async () => {
  renameSync(path.join(fx.root, 'src/app.ts'), path.join(fx.root, 'src/other.ts'));
  fx.write('src/other.ts', APP.replace('const line4 = 4;', 'greet();') + 'more\n');
  await fx.session.trace.onExternalChanges(['src/app.ts', 'src/other.ts']);
  expect(await fx.call('trace.fileLinks', { path: 'src/other.ts' })).toEqual([]);
});
