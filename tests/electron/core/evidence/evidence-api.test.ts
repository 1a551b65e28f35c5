// The evidence.* API methods through the router (the same validation and errors as IPC and the
// WebSocket): evidence of a spec, the report with workspace JUnit files, and bad requests.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openFixture, type Fixture } from '../trace/trace-fixture';
import { evidenceRepo, SPEC, type EvidenceRepo } from './evidence-fixture';

let repo: EvidenceRepo;
let fx: Fixture;
beforeEach(async () => {
  repo = evidenceRepo();
  process.env.SPECDECK_DATA_DIR = repo.data.path;
  fx = await openFixture(repo.root, repo.data, repo.dir);
});
afterEach(async () => {
  await fx.close();
  repo.remove();
});

it('evidence.spec gives the evidence per task', async () => {
  const e = await fx.call('evidence.spec', { specId: SPEC });
  expect(e.version).toBe(1);
  expect(e.tasks.map((t) => [t.taskId, t.status, t.count])).toEqual([
    ['1', 'fresh', 1],
    ['2', 'none', 0],
    ['3', 'fresh', 1],
    ['4', 'none', 0],
    ['5', 'fresh', 1],
    ['6', 'none', 0],
  ]);
});

it('evidence.report returns the data and the HTML; JUnit files are workspace paths', async () => {
  writeFileSync(path.join(repo.root, 'results.xml'), '<testsuite><testcase classname="tests/farewell.test.ts" name="prints bye"/></testsuite>');
  const { report, html } = await fx.call('evidence.report', { specId: SPEC, junit: ['results.xml'] });
  expect(report.specs.map((s) => s.specId)).toEqual([SPEC]);
  expect(report.specs[0]!.requirements.find((r) => r.id === '2.1')?.verdict).toBe('verified');
  expect(html).toMatch(/^<!DOCTYPE html>/);
  await expect(fx.call('evidence.report', { junit: ['../outside.xml'] })).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
  await expect(fx.call('evidence.spec', { specId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(fx.call('evidence.report', { specId: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
});
