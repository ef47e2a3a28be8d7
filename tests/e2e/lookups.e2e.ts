// How often the background looks a page up: once per navigation, with the side panel open (the
// panel is pushed the view from that one lookup), and once per tab after the index changed. Counts,
// never times: the worker counts its lookups (resolve-page.ts) and the test reads the count.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { badgeOf, type ExtensionBrowser, tabIdOf } from './support/extension-browser.ts';
import { PAPERS, REPOS, urls } from './support/fixture-site.ts';
import { launchOnFixtures } from './support/on-fixtures.ts';

const haru = PAPERS.haruNet!;
const rade = REPOS.radeNet!;
let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchOnFixtures();
});
afterAll(async () => ext?.close());

async function lookups(): Promise<number> {
  const worker = await ext.worker();
  return worker.evaluate(() => (globalThis as { digestLensLookups?: () => number }).digestLensLookups?.() ?? Number.NaN);
}

/** Events that come late (the tab's load completing, the chip's full report) get their moment. */
const settle = () => new Promise((r) => setTimeout(r, 1500));

/** The side panel pinned to a tab, in a window of its own so the tab stays active in its window. */
async function panelWindow(tabId: number): Promise<Page> {
  const worker = await ext.worker();
  const opened = ext.context.waitForEvent('page');
  await worker.evaluate((url) => chrome.windows.create({ url, type: 'popup', focused: false }).then(() => undefined), ext.panelUrl(tabId));
  const panel = await opened;
  await panel.waitForSelector('.panel:not([aria-busy="true"])');
  return panel;
}

let page: Page;

it('looks a navigation up once', async () => {
  page = await ext.context.newPage();
  await page.goto(urls.repo(REPOS.unknown!));
  await settle();
  const before = await lookups();
  await page.goto(urls.abs(haru));
  await expect.poll(() => badgeOf(ext, urls.abs(haru)), { timeout: 10_000 }).not.toBe('');
  await settle();
  const perNavigation = (await lookups()) - before;
  console.info(`lookups per navigation, no panel: ${perNavigation}`);
  expect(perNavigation).toBe(1);
});

it('looks a navigation up once with the panel open, and the panel shows it', async () => {
  const panel = await panelWindow(await tabIdOf(ext, urls.abs(haru)));
  await settle();
  const before = await lookups();
  await page.goto(urls.repo(rade));
  await expect.poll(() => badgeOf(ext, urls.repo(rade)), { timeout: 10_000 }).not.toBe('');
  await expect.poll(() => panel.evaluate(() => document.querySelector('.panel')?.textContent ?? ''), { timeout: 10_000 }).toContain(rade.repo);
  await settle();
  const perNavigation = (await lookups()) - before;
  console.info(`lookups per navigation, panel open: ${perNavigation}`);
  expect(perNavigation).toBe(1);
});

it('looks each tab up once after the index changed', async () => {
  const other = await ext.context.newPage();
  await other.goto(urls.abs(haru));
  await expect.poll(() => badgeOf(ext, urls.abs(haru)), { timeout: 10_000 }).not.toBe('');
  await settle();
  // Two tabs show a paper: the repository (its panel open) and the arXiv page.
  const before = await lookups();
  const control = await ext.control();
  await control.evaluate(() => chrome.runtime.sendMessage({ type: 'resetToStarter' }));
  await settle();
  const perIndexChange = (await lookups()) - before;
  console.info(`lookups per index change, two paper tabs: ${perIndexChange}`);
  expect(perIndexChange).toBe(2);
});
