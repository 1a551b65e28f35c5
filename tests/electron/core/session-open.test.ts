// Opening folders back to back (a double click on two recent folders): the last one wins, and the
// workspace left behind is really closed — no watcher of it keeps sending events.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Session } from '../../../electron/core/session';
import { tempDir, type TempDir } from '../../support/temp-workspace';

const dirs: TempDir[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

it('serialises overlapping opens and closes every workspace it leaves', async () => {
  const [first, second, third] = [tempDir(), tempDir(), tempDir()];
  dirs.push(first!, second!, third!);
  const session = new Session({ watch: true, index: false });
  const changed: string[] = [];
  session.onEvent((event, payload) => {
    if (event === 'files.changed') changed.push(...(payload as { paths: string[] }).paths);
  });
  await session.open(first!.path);
  await Promise.all([session.open(second!.path), session.open(third!.path)]);
  expect(session.info().root).toBe(third!.path);

  writeFileSync(path.join(second!.path, 'from-second.txt'), 'x');
  writeFileSync(path.join(third!.path, 'from-third.txt'), 'x');
  const deadline = Date.now() + 5000;
  while (!changed.includes('from-third.txt') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 300)); // time for a leaked watcher's event to arrive too
  expect(changed).toContain('from-third.txt');
  expect(changed).not.toContain('from-second.txt');
  await session.close();
});
