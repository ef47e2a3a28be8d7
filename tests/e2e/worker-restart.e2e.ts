// Chrome stops an idle service worker at any time: stopped through CDP, it comes back and answers,
// and what a tab learnt before (kept in storage.session) is still there.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CountersRecord } from '../../src/core/index/types.ts';
import type { TabView } from '../../src/core/index/view.ts';
import { CHIP } from './support/chip-mirror.ts';
import { ask, badgeOf, type ExtensionBrowser, tabIdOf } from './support/extension-browser.ts';
import { PAPERS, urls } from './support/fixture-site.ts';
import { launchOnFixtures } from './support/on-fixtures.ts';
import { e2eDigestCount } from './support/paths.ts';

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchOnFixtures();
});
afterAll(async () => ext?.close());

/** Stops the extension's worker through CDP; resolves once its target is gone. */
async function stopWorker(): Promise<void> {
  const page = await ext.control();
  const cdp = await ext.context.newCDPSession(page);
  const isOurs = (t: { type: string; url: string }) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`);
  const sw = (await cdp.send('Target.getTargets')).targetInfos.find(isOurs);
  if (!sw) throw new Error('no extension service worker target');
  await cdp.send('Target.closeTarget', { targetId: sw.targetId });
  await expect.poll(async () => (await cdp.send('Target.getTargets')).targetInfos.some(isOurs)).toBe(false);
  await cdp.detach();
}

it('comes back after being stopped and answers', async () => {
  const paper = PAPERS.pluginLosses!;
  const page = await ext.context.newPage();
  await page.goto(urls.abs(paper));
  await page.locator(CHIP).waitFor({ timeout: 10_000 });
  const tabId = await tabIdOf(ext, urls.abs(paper));

  // A mark in the running worker's globals: a restarted worker starts without it.
  await (await ext.worker()).evaluate(() => Object.assign(globalThis, { beforeStop: true }));
  await stopWorker();

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
