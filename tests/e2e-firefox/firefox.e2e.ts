// Digest Lens in Firefox: the temporary add-on from dist/firefox on fixture arXiv pages — chip,
// sidebar, popup search and the badge on a PDF tab (where Firefox runs no content script).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIP, countOf } from '../e2e/support/chip-mirror.ts';
import { PAPERS, urls } from '../e2e/support/fixture-site.ts';
import { e2eDigestCount, ROOT } from '../e2e/support/paths.ts';
import { ask, badgeOf, FIREFOX_E2E_DIST, type FirefoxExtension, inExtension, launchFirefox, tabIdOf, until, waitForIndex } from './support/firefox-browser.ts';

const haru = PAPERS.haruNet!;
const unknown = PAPERS.unknown!;
const ARTIFACTS = join(ROOT, 'artifacts/e2e-firefox');
const artifact = (name: string) => (mkdirSync(ARTIFACTS, { recursive: true }), join(ARTIFACTS, name));

let ext: FirefoxExtension;

async function visit(url: string): Promise<Page> {
  const page = await ext.newPage();
  // Firefox shows a PDF in its own viewer; the navigation may be reported as interrupted.
  await page.goto(url).catch((e: Error) => {
    if (!url.includes('/pdf/')) throw e;
  });
  return page;
}

const panelText = (page: Page) => page.evaluate(() => document.querySelector('.panel')?.textContent ?? '');
const sidebarOpen = () =>
  inExtension(ext, (b) => (b as unknown as { sidebarAction: { isOpen(d: object): Promise<boolean> } }).sidebarAction.isOpen({}), undefined);

beforeAll(async () => {
  ext = await launchFirefox();
  await waitForIndex(ext, e2eDigestCount(FIREFOX_E2E_DIST));
});
afterAll(async () => ext?.close());

describe('Firefox add-on', () => {
  it('declares the sidebar shortcut and the search popup', async () => {
    const commands = await inExtension(ext, (b) => b.commands.getAll(), undefined);
    expect(commands.find((c) => c.name === '_execute_sidebar_action')?.shortcut).toBe('Alt+Shift+D');
    expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+F');
    expect(await inExtension(ext, (b) => b.action.getPopup({}), undefined)).toMatch(/\/src\/popup\/index\.html$/);
  });

  it('shows the chip with the digest count on the arXiv abs page of a seed paper', async () => {
    const page = await visit(urls.abs(haru));
    const chip = await page.waitForSelector(CHIP, { timeout: 15_000 });
    await expect.poll(async () => countOf(await chip!.evaluate((el) => el.getAttribute('data-e2e-chip')))).toBe(2);
    await page.screenshot({ path: artifact('chip-abs.png') });
    await page.close();
  });

  it('the chip opens the sidebar, or says which shortcut does', async () => {
    const page = await visit(urls.abs(haru));
    const chip = (await page.waitForSelector(CHIP, { timeout: 15_000 }))!;
    const box = (await chip.boundingBox())!;
    await page.mouse.click(box.x + 24, box.y + box.height / 2);
    // Firefox opens a sidebar only from a user action in extension UI; a page's click may not count.
    await expect.poll(async () => (await sidebarOpen()) || (await chip.evaluate((el) => el.getAttribute('data-e2e-hint'))), { timeout: 10_000 }).toBeTruthy();
    if (!(await sidebarOpen())) expect(await chip.evaluate((el) => el.getAttribute('data-e2e-hint'))).toContain('Alt+Shift+D');
    await page.screenshot({ path: artifact('chip-after-click.png') });
    await page.close();
  });

  it('renders the paper in the sidebar page, and follows the active tab', async () => {
    const tab = await visit(urls.abs(haru));
    const tabId = await tabIdOf(ext, urls.abs(haru));
    const pinned = await ext.openPage(`${ext.sidebarPath}?tabId=${tabId}`, 360);
    await until(pinned, () => document.querySelector('.panel:not([aria-busy="true"]) .mention') !== null, undefined, 15_000);
    const text = await panelText(pinned);
    expect(text).toContain(haru.title);
    expect(text).toContain('In 2 digests');
    expect(await pinned.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await pinned.screenshot({ path: artifact('sidebar.png'), fullPage: true });
    await pinned.close();

    // Unpinned, the page follows its window's active tab, as the sidebar does.
    const following = await ext.openPage(ext.sidebarPath, 360);
    const other = await visit(urls.abs(unknown));
    await tab.bringToFront();
    await expect.poll(() => panelText(following), { timeout: 10_000 }).toContain(haru.title);
    await other.bringToFront();
    await expect.poll(() => panelText(following), { timeout: 10_000 }).toContain('Not in any digest');
    await following.close();
    await other.close();
    await tab.close();
  });

  it('finds the paper in the popup search; Ctrl+Enter opens the sidebar', async () => {
    const popup = await ext.openPage(ext.popupPath, 460);
    await popup.waitForSelector('.batch', { timeout: 15_000 });
    await popup.type('input.search', 'HARU-Net');
    await popup.waitForSelector('[role="listbox"][data-query="HARU-Net"]:not([aria-busy]) [role="option"]', { timeout: 10_000 });
    const titles = await popup.$$eval('[role="listbox"][data-query="HARU-Net"] .row-title', (els) => els.map((e) => e.textContent));
    expect(titles[0]).toBe(haru.title);
    await popup.screenshot({ path: artifact('popup-results.png'), fullPage: true });
    // A key press in extension UI is a user action: Firefox lets it open the sidebar.
    await popup.keyboard.down('Control');
    await popup.keyboard.press('Enter');
    await popup.keyboard.up('Control');
    await expect.poll(sidebarOpen, { timeout: 10_000 }).toBe(true);
    await popup.close();
  });

  it('badges the paper on its PDF address, decided from the URL alone', async () => {
    const url = urls.pdf(haru);
    const page = await visit(url);
    await expect.poll(() => badgeOf(ext, url).catch(() => ''), { timeout: 15_000 }).toBe('2');
    const view = await ask<{ lookup?: { status: string } }>(await ext.control(), 'tabView', { tabId: await tabIdOf(ext, url) });
    expect(view.lookup?.status).toBe('found');
    // The sidebar shows the paper on the PDF tab too.
    const sidebar = await ext.openPage(`${ext.sidebarPath}?tabId=${await tabIdOf(ext, url)}`, 360);
    await expect.poll(() => panelText(sidebar), { timeout: 10_000 }).toContain(haru.title);
    await sidebar.screenshot({ path: artifact('sidebar-pdf-tab.png') });
    await sidebar.close();
    await page.close();
  });

  it('follows an in-page navigation the reader makes (the address change Firefox reports), not one a page script makes alone', async () => {
    const page = await visit(urls.abs(unknown));
    await new Promise((r) => setTimeout(r, 800));
    expect(await page.$(CHIP)).toBeNull();
    // The page's script alone: three moves to the indexed paper's address with query strings.
    // Two are looked up (a site's own redirects); the third waits for the reader.
    await page.evaluate((path) => history.pushState({}, '', path), `/abs/${haru.id}?own=1`);
    // Firefox reported the move (tabs.onUpdated), the background poked the content script.
    await page.waitForSelector(CHIP, { timeout: 10_000 });
    await page.evaluate((path) => history.pushState({}, '', path), `/abs/${unknown.id}?own=2`);
    await page.evaluate((path) => history.pushState({}, '', path), `/abs/${haru.id}?own=3`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.$(CHIP)).toBeNull();
    // The reader clicks a link the page handles in place (as alphaXiv and GitHub do).
    await page.evaluate((path) => {
      const link = document.createElement('a');
      link.id = 'in-page';
      link.href = path;
      link.textContent = 'go';
      link.style.cssText = 'position:fixed;left:0;top:0;z-index:10;background:#fff;padding:8px';
      link.addEventListener('click', (e) => {
        e.preventDefault();
        link.remove();
        history.pushState({}, '', path);
      });
      document.body.append(link);
    }, `/abs/${haru.id}`);
    await page.click('#in-page');
    const chip = await page.waitForSelector(CHIP, { timeout: 10_000 });
    await expect.poll(async () => countOf(await chip!.evaluate((el) => el.getAttribute('data-e2e-chip')))).toBe(2);
    await page.close();
  });
});
