// The repository's `.specdeck/settings.json` through the real session and watcher: a change to it
// re-reads every spec (no restart), a broken one changes nothing and is reported, and ticks stay
// one character under any mapping.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../../../electron/core/session';
import { tempDir, type TempDir } from '../../../support/temp-workspace';

const SPEC = '.kiro/specs/demo';
const TASKS = `${SPEC}/tasks.md`;
let dir: TempDir;
let session: Session;
const write = (rel: string, content: string) => {
  mkdirSync(path.dirname(path.join(dir.path, rel)), { recursive: true });
  writeFileSync(path.join(dir.path, rel), content);
};
const state = async () => (await session.specs.get(SPEC)).spec.tasks[0]!.state;

beforeEach(async () => {
  dir = tempDir();
  write(`${SPEC}/requirements.md`, '### Requirement 1\n#### Acceptance Criteria\n1. THE X SHALL y\n');
  write(TASKS, '- [~] 1. Started elsewhere\r\n- [ ] 2. Next\r\n');
  // The real watcher (no index): the settings reach the service the way an outside edit does.
  session = await Session.open(dir.path, { watch: true, index: false });
});
afterEach(async () => {
  await session.close();
  dir.remove();
});

describe('.specdeck/settings.json', () => {
  it('is picked up when it appears, changes and goes, without reopening the folder', async () => {
    expect(await state()).toBe('in-progress'); // Kiro's default for [~]
    write('.specdeck/settings.json', '{ "taskStates": { "kiro": { "~": "skipped" } } }');
    await expect.poll(state, { timeout: 30_000, interval: 100 }).toBe('skipped');
    write('.specdeck/settings.json', '{ "taskStates": { "~": "unknown" } }');
    await expect.poll(state, { timeout: 30_000, interval: 100 }).toBe('unknown');
    rmSync(path.join(dir.path, '.specdeck/settings.json'));
    await expect.poll(state, { timeout: 30_000, interval: 100 }).toBe('in-progress');
  }, 120_000);

  it('a broken file is reported and leaves the defaults in place', async () => {
    write('.specdeck/settings.json', '{ "taskStates": ');
    await expect.poll(async () => (await session.specs.settingsDiagnostics()).map((d) => d.code), { timeout: 30_000, interval: 100 }).toEqual(['settings-invalid']);
    expect(await state()).toBe('in-progress');
  }, 60_000);

  it('a tick from a [~] read as skipped changes one character', async () => {
    write('.specdeck/settings.json', '{ "taskStates": { "~": "skipped" } }');
    await expect.poll(state, { timeout: 30_000, interval: 100 }).toBe('skipped');
    const { tasksHash } = await session.specs.get(SPEC);
    await session.specs.setTaskState(SPEC, '1', 'done', tasksHash!);
    expect(readFileSync(path.join(dir.path, TASKS), 'utf8')).toBe('- [x] 1. Started elsewhere\r\n- [ ] 2. Next\r\n');
  }, 60_000);
});
