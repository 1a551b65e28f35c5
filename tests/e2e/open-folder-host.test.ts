// End to end, issue 14 item 9 (Electron side): in the desktop app the page may open only folders the
// main process granted, so "Open…" must use the preload's native folder dialog
// (`specdeckHost.openFolder`) instead of a typed path; the browser keeps the typed path and browser.
//
// No Electron binary exists on this machine, so the preload boundary is stood in for: an init script
// defines a FAKE `window.specdeckHost` (what electron/preload/preload.ts exposes through
// contextBridge) that records its calls and answers as the main process would. Everything else is
// the real renderer over the real WebSocket API. That the main process grants and opens the chosen
// folder is tested against the real router in tests/electron/main/host-actions.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { serve, type ServeProcess } from '../support/cli-process';
import { copyOfSampleProject, type TempDir } from '../support/temp-workspace';

let workspace: TempDir;
let host: ServeProcess;
let browser: Browser;

beforeAll(async () => {
  workspace = copyOfSampleProject();
  host = await serve(workspace.path);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  workspace?.remove();
});

type FakeAnswer = { ok: true; result: { root: string; name: string } | null } | { ok: false; error: { code: string; message: string; field?: string } };

/** A page whose `window.specdeckHost` is the fake preload bridge; `answers` are its dialog's outcomes, in order. */
async function pageWithFakeHost(answers: FakeAnswer[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  await page.addInitScript((queue: FakeAnswer[]) => {
    const calls: string[] = [];
    (window as unknown as { __fakeHostCalls: string[] }).__fakeHostCalls = calls;
    // STAND-IN for the Electron preload (contextBridge) — not the real bridge.
    (window as unknown as { specdeckHost: unknown }).specdeckHost = {
      openFolder: async () => {
        calls.push('openFolder');
        return queue.shift() ?? { ok: true, result: null };
      },
      recentFolders: async () => {
        calls.push('recentFolders');
        return [];
      },
      openRecent: async (p: string) => {
        calls.push(`openRecent ${p}`);
        return { ok: true, result: null };
      },
    };
  }, answers);
  await page.goto(host.url);
  await page.getByRole('contentinfo').getByText(/files indexed/).waitFor();
  return page;
}

const hostCalls = (page: Page) => page.evaluate(() => (window as unknown as { __fakeHostCalls: string[] }).__fakeHostCalls);

describe('Open… in the desktop app (fake preload bridge) and in the browser', () => {
  it('with specdeckHost: offers the native dialog, no typed path or folder browser; a cancel keeps the form, an error is shown, an open closes it', async () => {
    const page = await pageWithFakeHost([
      { ok: true, result: null },
      { ok: false, error: { code: 'NOT_FOUND', message: 'Not found: /media/usb/repo', field: 'path' } },
      { ok: true, result: { root: workspace.path, name: 'sample' } },
    ]);
    const left = page.getByRole('region', { name: 'Specs' });
    await left.getByRole('button', { name: 'Open…' }).click();
    const form = left.getByRole('form', { name: 'Open a folder' });
    const choose = form.getByRole('button', { name: 'Choose a folder…' });
    await choose.waitFor();
    await expect(form.getByRole('textbox', { name: 'Folder path' }).count()).resolves.toBe(0);
    await expect(form.getByRole('button', { name: 'Browse…' }).count()).resolves.toBe(0);
    // The dialog is the default action: it has the focus, Enter opens it.
    await expect.poll(() => choose.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => hostCalls(page)).toEqual(['openFolder']);
    await expect(form.isVisible()).resolves.toBe(true); // cancelled: nothing to say, the form stays
    await expect(form.getByRole('alert').count()).resolves.toBe(0);

    await choose.click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('Not found: /media/usb/repo');
    await choose.click();
    await expect.poll(() => left.getByRole('form', { name: 'Open a folder' }).count()).toBe(0);
    await expect(hostCalls(page)).resolves.toEqual(['openFolder', 'openFolder', 'openFolder']);
    await page.close();
  });

  it('without specdeckHost (the browser host): the typed path and the folder browser, no dialog button', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    await page.goto(host.url);
    await page.getByRole('contentinfo').getByText(/files indexed/).waitFor();
    const left = page.getByRole('region', { name: 'Specs' });
    await left.getByRole('button', { name: 'Open…' }).click();
    const form = left.getByRole('form', { name: 'Open a folder' });
    await form.getByRole('textbox', { name: 'Folder path' }).waitFor();
    await expect(form.getByRole('button', { name: 'Browse…' }).count()).resolves.toBe(1);
    await expect(form.getByRole('button', { name: 'Choose a folder…' }).count()).resolves.toBe(0);
    await page.close();
  });
});
