// Chrome stops an idle service worker at any time: stopped through CDP, it comes back and answers,
// and what a tab learnt before (kept in storage.session) is still there; a popup opened meanwhile
// reads the index itself.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CountersRecord } from '../../src/core/index/types.ts';
import type { TabView } from '../../src/core/index/view.ts';
import type { SearchAnswer } from '../../src/core/search/answer.ts';
import { CHIP } from './support/chip-mirror.ts';
import { ask, badgeOf, type ExtensionBrowser, openToolbarPopup, stopWorker, type ToolbarPopup, tabIdOf, workerRunning } from './support/extension-browser.ts';
import { PAPERS, urls } from './support/fixture-site.ts';
import { launchOnFixtures } from './support/on-fixtures.ts';
import { e2eDigestCount } from './support/paths.ts';

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchOnFixtures();
});
afterAll(async () => ext?.close());

it('comes back after being stopped and answers', async () => {
  const paper = PAPERS.pluginLosses!;
  const page = await ext.context.newPage();
  await page.goto(urls.abs(paper));
  await page.locator(CHIP).waitFor({ timeout: 10_000 });
  const tabId = await tabIdOf(ext, urls.abs(paper));

  // A mark in the running worker's globals: a restarted worker starts without it.
  await (await ext.worker()).evaluate(() => Object.assign(globalThis, { beforeStop: true }));
  await stopWorker(ext);

  const control = await ext.control();
  const counters = await ask<CountersRecord>(control, 'counters');
  expect(counters.digests).toBe(e2eDigestCount());
  // What the tab's content script sent before the stop is kept in storage.session.
  const view = await ask<TabView>(control, 'tabView', { tabId });
  expect(view.lookup?.status).toBe('found');
  expect(view.pageTitle).toBe(paper.title);
  expect(await (await ext.worker()).evaluate(() => 'beforeStop' in globalThis)).toBe(false);

  // And it keeps watching tabs.
  const haru = PAPERS.haruNet!;
  const next = await ext.context.newPage();
  await next.goto(urls.abs(haru));
  await expect.poll(() => badgeOf(ext, urls.abs(haru)), { timeout: 10_000 }).toBe('2');
});

/** Types `query` into the open toolbar popup and waits for its answer: who gave it, and the rows' titles. */
async function searchInToolbarPopup(popup: ToolbarPopup, query: string): Promise<{ by: string; titles: string[] }> {
  await expect.poll(async () => popup.evaluate(`!!document.querySelector('input.search')`), { timeout: 10_000 }).toBe('true');
  await popup.evaluate(
    `(() => { const box = document.querySelector('input.search'); box.value = ${JSON.stringify(query)}; box.dispatchEvent(new Event('input', { bubbles: true })); })()`,
  );
  const read = `(() => { const list = document.querySelector('[role="listbox"][data-query=${JSON.stringify(query)}]:not([aria-busy])'); return list && { by: list.dataset.answeredBy, titles: [...list.querySelectorAll('.row .row-title')].map((e) => e.textContent) }; })()`;
  await expect.poll(async () => popup.evaluate(read), { timeout: 10_000 }).toMatch(/"titles"/);
  return JSON.parse((await popup.evaluate(read))!) as { by: string; titles: string[] };
}

it('a popup opened with the worker stopped reads the index itself, and gives the same rows', async () => {
  await (await ext.control()).bringToFront();
  await stopWorker(ext);
  const popup = await openToolbarPopup(ext);
  let here: { by: string; titles: string[] };
  try {
    here = await searchInToolbarPopup(popup, 'segmentation');
  } finally {
    await popup.close();
  }
  expect(here.by).toBe('page');
  expect(here.titles.length).toBeGreaterThan(3);
  const control = await ext.control();
  const fromWorker = await ask<SearchAnswer>(control, 'search', { query: 'segmentation', limit: 30 });
  expect(here.titles).toEqual(fromWorker.results.map((r) => r.title));

  // With the worker running, the popup asks it.
  expect(await workerRunning(ext)).toBe(true);
  const again = await openToolbarPopup(ext);
  try {
    expect((await searchInToolbarPopup(again, 'segmentation')).by).toBe('worker');
  } finally {
    await again.close();
  }
});
