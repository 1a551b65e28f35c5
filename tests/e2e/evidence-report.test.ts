// The HTML evidence report in real Chromium: opened from a file it makes zero network requests
// (and would be blocked by its own CSP if it tried), reads without scripts, and is axe-clean in
// both colour schemes.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { launchChromium } from '../support/browser';
import { evidenceRepo, type EvidenceRepo } from '../electron/core/evidence/evidence-fixture';

let browser: Browser;
let repo: EvidenceRepo;
let reportFile: string;

beforeAll(async () => {
  repo = evidenceRepo();
  process.env.SPECDECK_DATA_DIR = repo.data.path;
  reportFile = path.join(repo.data.path, 'report.html');
  const code = await runCli(['report', repo.root, '--html', reportFile], { out: () => {}, err: () => {} });
  expect(code).toBe(0);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  repo?.remove();
});

describe('the HTML evidence report', () => {
  it.each(['light', 'dark'] as const)('makes no request beyond its own file, needs no script, and has no axe violation (%s)', async (colorScheme) => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(reportFile).href;
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Evidence report');
    await expect(page.getByRole('table', { name: /Requirement × task × code/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('row', { name: /^2 Add the logger/ }).textContent()).resolves.toContain('missing');
    expect(requests).toEqual([url]);
    await context.close();

    // axe needs its script in the page: a second context with scripts allowed (the report has none of its own).
    const axeContext = await browser.newContext({ colorScheme, bypassCSP: true });
    const axePage = await axeContext.newPage();
    await axePage.goto(url);
    const results = await new AxeBuilder({ page: axePage as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await axeContext.close();
  });

  it('is one file: its HTML references nothing outside itself', () => {
    const html = readFileSync(reportFile, 'utf8');
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
  });
});
