// `specdeck trace`, `links`, `trailer` and the trace findings of `check`, run in-process.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { traceDbPath } from '../../../electron/core/trace/link-store';
import type { TraceSpecReport } from '../../../shared/api/contract';
import { APP, demoWorkspace, SPEC, type Fixture } from '../core/trace/trace-fixture';

let fx: Fixture;
beforeEach(async () => {
  fx = await demoWorkspace();
});
afterEach(async () => {
  await fx.close();
  fx.dir.remove();
  fx.data.remove();
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

it('trailer prints nothing and creates no store without an active task, then the active task', async () => {
  expect(await cli('trailer', fx.root)).toMatchObject({ code: 1, out: '', err: 'no active task' });
  expect(existsSync(traceDbPath(fx.root))).toBe(false);
  await fx.startTask('2');
  expect(await cli('trailer', fx.root)).toMatchObject({ code: 0, out: `Spec-Task: ${SPEC}/2` });
  expect(await cli('trailer', fx.root, '--install-hook')).toMatchObject({ code: 1, err: expect.stringContaining('not in a git repository') });
});

it('trace and links show requirement → task → links with states, as text and JSON', async () => {
  await fx.startTask('1');
  await fx.save('src/app.ts', APP.replace('const line4 = 4;', 'greet();'));
  await fx.call('trace.stop', { complete: true });

  const json = await cli('trace', fx.root, '--spec', 'demo', '--json');
  expect(json.code).toBe(0);
  const [report] = JSON.parse(json.out) as TraceSpecReport[];
  expect(report!.requirements.find((r) => r.id === '1.1')?.taskIds).toEqual(['1']);
  expect(report!.tasks.find((t) => t.taskId === '1')?.links).toMatchObject([{ path: 'src/app.ts', startLine: 4, endLine: 4, state: 'linked' }]);
  expect(report!.coverage.doneWithoutCode).toEqual(['3']);

  const text = await cli('trace', fx.root);
  expect(text.out).toContain('requirement 1.1');
  expect(text.out).toMatch(/task 1 \[done\] Write the greeter\n\s+linked\s+src\/app.ts:4-4 edit/);

  const links = await cli('links', fx.root, 'src/app.ts');
  expect(links.out).toBe(`${SPEC}/1  Write the greeter\n  linked   src/app.ts:4-4 edit`);
  const linksJson = JSON.parse((await cli('links', fx.root, `${fx.root}/src/app.ts`, '--json')).out);
  expect(linksJson).toHaveLength(1);
  expect((await cli('links', fx.root, '../x.ts')).code).toBe(1);
});

it('check adds suspect links (warnings) when a link store exists, and done tasks without evidence (warnings) with or without one', async () => {
  const before = await cli('check', fx.root, '--json');
  // No store yet: evidence is computed from the files (and git) alone, and no store is created.
  expect(JSON.parse(before.out).findings.filter((f: { code: string }) => f.code === 'done-without-evidence')).toEqual([expect.objectContaining({ file: `${SPEC}/tasks.md`, line: 7, severity: 'warning' })]);
  expect(existsSync(traceDbPath(fx.root))).toBe(false);
  await fx.startTask('1');
  await fx.save('src/app.ts', APP.replace('const line4 = 4;', 'greet();'));
  await fx.call('trace.stop', { complete: true });
  fx.write('src/app.ts', APP.replace('const line4 = 4;', 'greet("you");'));

  const result = await cli('check', fx.root, '--json');
  const findings = JSON.parse(result.out).findings as Array<{ code: string; file: string; line: number; severity: string }>;
  expect(findings.filter((f) => f.code === 'suspect-link')).toEqual([expect.objectContaining({ file: 'src/app.ts', line: 4, severity: 'warning' })]);
  // Task 1 has its (edit) link: only task 3 is done with nothing behind it.
  expect(findings.filter((f) => f.code === 'done-without-evidence')).toEqual([expect.objectContaining({ file: `${SPEC}/tasks.md`, line: 7, severity: 'warning' })]);
  expect((await cli('check', fx.root)).out).toMatch(/src\/app.ts:4:1: warning suspect-link: link to task .*\/1 is suspect \(code-changed\)/);
});
