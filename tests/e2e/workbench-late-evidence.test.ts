// End to end: the task list does not move under the pointer when a spec's evidence arrives. The
// evidence comes a moment after the tasks (it follows the trace report); a done task then gains
// its "Done without evidence" line. If that line pushed the rows below it down, a click aimed at
// them while it arrives lands elsewhere (a loaded run lost a click on "Collapse 2" this way). The
// page's socket is routed so the test holds the evidence answers back until it has measured.
import type { WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type WorkbenchSession } from '../support/workbench-session';

let s: WorkbenchSession;
/** Answers to evidence.spec calls, held back while `holding`. */
const held: { page: WebSocketRoute; message: string }[] = [];
let holding = true;

beforeAll(async () => {
  s = await openWorkbench({
    async beforeLoad(page) {
      await page.routeWebSocket(/.*/, (ws) => {
        const server = ws.connectToServer();
        const evidenceCalls = new Set<number>();
        ws.onMessage((message) => {
          const call = JSON.parse(String(message)) as { id?: number; method?: string };
          if (call.method === 'evidence.spec' && typeof call.id === 'number') evidenceCalls.add(call.id);
          server.send(message);
        });
        server.onMessage((message) => {
          const answer = JSON.parse(String(message)) as { type?: string; id?: number };
          if (holding && answer.type === 'result' && evidenceCalls.has(answer.id ?? -1)) held.push({ page: ws, message: String(message) });
          else ws.send(message);
        });
      });
    },
  });
});

afterAll(async () => {
  await s?.close();
});

const tasks = () => s.page.getByRole('region', { name: 'Tasks' });
const top = (name: RegExp) => tasks().getByRole('checkbox', { name }).evaluate((el) => Math.round(el.getBoundingClientRect().top));

describe('late evidence', () => {
  it('leaves the rows below a done task where they were', async () => {
    await s.page.getByRole('list', { name: 'Spec list' }).getByRole('button', { name: /todo-cli/ }).click();
    await tasks().getByRole('checkbox', { name: /^2 Implement the store/ }).waitFor();
    // The evidence was asked for and is held: nothing marks the done task yet.
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await expect(tasks().getByTestId('task-evidence').count()).resolves.toBe(0);
    const before = await top(/^2 Implement the store/);

    holding = false;
    for (const { page, message } of held.splice(0)) page.send(message);
    await expect.poll(() => tasks().getByTestId('task-evidence').filter({ hasText: 'Done without evidence' }).count()).toBe(1);
    expect(await top(/^2 Implement the store/)).toBe(before);
  });
});
