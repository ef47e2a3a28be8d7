// Digest Lens in Firefox with its background page suspended between pages, as Firefox does to an
// idle event page (after 30 s; here after 3 s): every page path must wake it and answer as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIP, countOf } from '../e2e/support/chip-mirror.ts';
import { PAPERS, urls } from '../e2e/support/fixture-site.ts';
import { e2eDigestCount } from '../e2e/support/paths.ts';
import { ask, badgeOf, FIREFOX_E2E_DIST, type FirefoxExtension, inExtension, launchFirefox, tabIdOf, waitForIndex } from './support/firefox-browser.ts';

const haru = PAPERS.haruNet!;

let ext: FirefoxExtension;

/** Whether the background page is running now (Firefox lists it only while it is). */
const backgroundRunning = async () =>
  (await inExtension(ext, (b) => b.runtime.getContexts({ contextTypes: ['BACKGROUND' as chrome.runtime.ContextType] }), undefined)).length > 0;

/** Waits until Firefox has suspended the idle background page. */
async function suspended(): Promise<void> {
  await expect.poll(backgroundRunning, { timeout: 20_000, interval: 250 }).toBe(false);
}

beforeAll(async () => {
  ext = await launchFirefox(FIREFOX_E2E_DIST, { 'extensions.background.idle.timeout': 3000 });
  await waitForIndex(ext, e2eDigestCount(FIREFOX_E2E_DIST));
});
afterAll(async () => ext?.close());

describe('Firefox, background page suspended', () => {
  it('the content script wakes it: the chip shows the digest count', async () => {
    // Listed while running (it has just answered how many digests it holds), then suspended.
    expect(await backgroundRunning()).toBe(true);
    await suspended();
    const page = await ext.newPage();
    await page.goto(urls.abs(haru));
    const chip = await page.waitForSelector(CHIP, { timeout: 15_000 });
    await expect.poll(async () => countOf(await chip!.evaluate((el) => el.getAttribute('data-e2e-chip')))).toBe(2);
    expect(await backgroundRunning()).toBe(true);
    await page.close();
  });

  it('a paper found by its title alone stays found while the background sleeps again', async () => {
    const paper = PAPERS.pluginLosses!;
    await suspended();
    const page = await ext.newPage();
    await page.goto(urls.abs(paper));
    await page.waitForSelector(CHIP, { timeout: 15_000 });
    const tabId = await tabIdOf(ext, urls.abs(paper));
    // What the content script sent (the page's title) was kept in storage.session: the address
    // alone names no paper in the digests.
    await suspended();
    const view = await ask<{ lookup?: { status: string }; pageTitle?: string }>(await ext.control(), 'tabView', { tabId });
    expect(view.lookup?.status).toBe('found');
    expect(view.pageTitle).toBe(paper.title);
    await page.close();
  });

  it('a PDF tab (no content script) wakes it: badged from the address alone', async () => {
    await suspended();
    const url = urls.pdf(haru);
    const page = await ext.newPage();
    await page.goto(url).catch(() => undefined); // Firefox's PDF viewer may report it interrupted.
    await expect.poll(() => badgeOf(ext, url).catch(() => ''), { timeout: 15_000 }).toBe('2');
    await page.close();
  });
});
