// An indexed arXiv paper on every page kind: badge, chip, real side panel, panel contents.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIP, countOf } from './support/chip-mirror.ts';
import { badgeOf, type ExtensionBrowser, openPanelPage, sidePanelCount, tabIdOf } from './support/extension-browser.ts';
import { fixtureResponse, PAPERS, urls } from './support/fixture-site.ts';
import { launchOnFixtures } from './support/on-fixtures.ts';
import { artifact } from './support/paths.ts';
import { attachRealPanel } from './support/real-panel.ts';

const haru = PAPERS.haruNet!;
const unknown = PAPERS.unknown!;
let ext: ExtensionBrowser;

async function visit(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  // Chromium answers a PDF with its viewer; playwright may report that as an aborted navigation.
  await page.goto(url).catch((e: Error) => {
    if (!url.includes('/pdf/')) throw e;
  });
  return page;
}

const chip = (page: Page) => page.locator(CHIP);
const chipCount = async (page: Page) => countOf(await chip(page).getAttribute('data-e2e-chip'));

beforeAll(async () => {
  ext = await launchOnFixtures();
});
afterAll(async () => ext?.close());

describe('badge', () => {
  it.each([
    ['abs', urls.abs(haru)],
    ['pdf', urls.pdf(haru)],
    ['html', urls.html(haru)],
    ['alphaXiv', urls.alphaxiv(haru)],
  ])('counts the digests mentioning the paper on its %s page', async (_kind, url) => {
    const page = await visit(url);
    await expect.poll(() => badgeOf(ext, url), { timeout: 10_000 }).toBe('2');
    await page.close();
  });

  it('is empty on a paper no digest mentions', async () => {
    const url = urls.abs(unknown);
    const page = await visit(url);
    const control = await ext.control();
    const tabId = await tabIdOf(ext, url);
    // Once the background has looked the tab up, the badge must be (and stay) empty.
    await expect
      .poll(() => control.evaluate((id) => chrome.runtime.sendMessage({ type: 'tabView', arg: { tabId: id } }), tabId).then((r) => r?.value?.lookup?.status))
      .toBe('not-indexed');
    await new Promise((r) => setTimeout(r, 500));
    expect(await badgeOf(ext, url)).toBe('');
    await page.close();
  });
});

describe('chip', () => {
  it.each([
    ['abs', urls.abs(haru)],
    ['html', urls.html(haru)],
  ])('appears on the %s page with the digest count', async (kind, url) => {
    const page = await visit(url);
    await expect(chip(page).waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
    expect(await chipCount(page)).toBe(2);
    await page.screenshot({ path: artifact(`chip-${kind}.png`) });
    await page.close();
  });

  it('appears while the page is still loading, from the address alone, and stays once the page has loaded', async () => {
    const url = urls.abs(haru);
    const page = await ext.context.newPage();
    // A script at the end of the body that takes 3 s holds DOMContentLoaded back.
    let release = () => {};
    await page.route('https://arxiv.org/static/slow.js', async (route) => {
      await new Promise<void>((r) => {
        release = r;
        setTimeout(r, 3000);
      });
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.slowLoaded = true;' });
    });
    await page.route(url, (route) =>
      route.fulfill({
        ...fixtureResponse(url)!,
        body: String(fixtureResponse(url)!.body).replace('</body>', '<script src="https://arxiv.org/static/slow.js"></script></body>'),
      }),
    );
    await page.goto(url, { waitUntil: 'commit' });
    await chip(page).waitFor({ timeout: 2500 });
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    expect(await chipCount(page)).toBe(2);
    release();
    await page.waitForLoadState('domcontentloaded');
    // The page's full report (its tags) answers the same; one chip, still there.
    await expect.poll(() => badgeOf(ext, url), { timeout: 10_000 }).toBe('2');
    await new Promise((r) => setTimeout(r, 300));
    expect(await chip(page).count()).toBe(1);
    expect(await chipCount(page)).toBe(2);
    await page.close();
  });

  it('opens the real side panel when clicked; the panel follows the active tab', async () => {
    const page = await visit(urls.abs(haru));
    await chip(page).waitFor({ timeout: 10_000 });
    expect(await sidePanelCount(ext)).toBe(0);
    const box = (await chip(page).boundingBox())!;
    // The open button is the chip's left part (the × sits at its right end).
    await page.mouse.click(box.x + 24, box.y + box.height / 2);
    await expect.poll(() => sidePanelCount(ext), { timeout: 10_000 }).toBe(1);

    const panel = await attachRealPanel(ext, page);
    await expect.poll(() => panel.text(), { timeout: 10_000 }).toContain(haru.title);
    writeFileSync(artifact('real-side-panel.png'), await panel.screenshot());
    const other = await visit(urls.abs(unknown));
    await other.bringToFront();
    await expect.poll(() => panel.text(), { timeout: 10_000 }).toContain('Not in any digest');
    await page.bringToFront();
    await expect.poll(() => panel.text(), { timeout: 10_000 }).toContain(haru.title);
    await panel.close();
    await other.close();
    await page.close();
  });

  it('does not appear on a paper no digest mentions', async () => {
    const page = await visit(urls.abs(unknown));
    await page.waitForTimeout(1000);
    expect(await chip(page).count()).toBe(0);
    await page.close();
  });
});

describe('toolbar', () => {
  it('the toolbar button opens the search popup; Alt+Shift+D opens the side panel', async () => {
    const worker = await ext.worker();
    expect(await worker.evaluate(() => chrome.sidePanel.getPanelBehavior())).toEqual({ openPanelOnActionClick: false });
    expect(await worker.evaluate(() => chrome.action.getPopup({}))).toMatch(/\/src\/popup\/index\.html$/);
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'open-side-panel')?.shortcut).toBe('Alt+Shift+D');
    expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+F');
  });
});

describe('side panel', () => {
  it('shows both digests newest first, with theme, context sentence and code link', async () => {
    const tab = await visit(urls.abs(haru));
    const tabId = await tabIdOf(ext, urls.abs(haru));
    for (const width of [320, 500]) {
      for (const scheme of ['light', 'dark'] as const) {
        const panel = await openPanelPage(ext, tabId, width, scheme);
        await panel.screenshot({ path: artifact(`panel-${width}-${scheme}.png`), fullPage: true });
        await panel.close();
      }
    }
    const panel = await openPanelPage(ext, tabId, 500);
    const text = await panel.locator('.panel').innerText();
    expect(text).toContain(haru.title);
    expect(text).toContain('In 2 digests');
    const digests = await panel.locator('.mention .digest-title').allInnerTexts();
    expect(digests).toEqual([
      'Deep Learning Revisited: Denoising, Radar and Reliable Uncertainty',
      'Deep Learning’s Next Frontier: Robustness, Interpretability, and Efficiency Across Diverse Domains',
    ]);
    const dates = await panel.locator('.mention time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(dates).toEqual(['2026-07-11', '2026-02-28']);
    expect(await panel.locator('.mention .theme h4').first().innerText()).toMatch(/^Theme: /);
    expect(await panel.locator('.mention .context').first().innerText()).toContain('hybrid attention U-Net');
    const code = panel.locator('a.code-link');
    expect(await code.first().innerText()).toBe('naveed-lab/HARU-Net');
    expect(await code.first().getAttribute('href')).toBe('https://github.com/naveed-lab/HARU-Net');
    // Every link in the panel is http(s) and opens in a new tab.
    const hrefs = await panel.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target')]));
    for (const [href, target] of hrefs) {
      expect(href).toMatch(/^https?:\/\//);
      expect(target).toBe('_blank');
    }
    await panel.close();
    await tab.close();
  });

  it('keeps long titles inside 320 px (no horizontal scrolling)', async () => {
    const tab = await visit(urls.abs(haru));
    const panel = await openPanelPage(ext, await tabIdOf(ext, urls.abs(haru)), 320);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await panel.close();
    await tab.close();
  });

  it('says plainly when a paper is in no digest, with the title it read and a search', async () => {
    const tab = await visit(urls.abs(unknown));
    const tabId = await tabIdOf(ext, urls.abs(unknown));
    const panel = await openPanelPage(ext, tabId, 400);
    await panel.locator('[data-state="not-indexed"]').waitFor();
    const text = await panel.locator('.panel').innerText();
    expect(text).toContain('Not in any digest');
    expect(text).toContain(unknown.title);
    expect(await panel.getByRole('link', { name: 'arXiv' }).getAttribute('href')).toContain('arxiv.org/search');
    await panel.screenshot({ path: artifact('panel-not-indexed.png'), fullPage: true });
    await panel.close();
    await tab.close();
  });

  it('is keyboard reachable: Tab moves focus to the panel links', async () => {
    const tab = await visit(urls.abs(haru));
    const panel = await openPanelPage(ext, await tabIdOf(ext, urls.abs(haru)), 400);
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.tagName)).toBe('A');
    await panel.close();
    await tab.close();
  });
});
