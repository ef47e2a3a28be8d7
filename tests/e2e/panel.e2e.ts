// The side panel as a reader uses it: a theme by its name, the paper's sentence once, citation and
// link to copy, related papers with reasons, a page no digest names with its closest papers, the
// chip under the reader's control; and each state accessible, light and dark (axe-core).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings } from './support/axe.ts';
import { CHIP } from './support/chip-mirror.ts';
import { type ExtensionBrowser, openPanelPage, tabIdOf } from './support/extension-browser.ts';
import { PAPERS, REPOS, urls } from './support/fixture-site.ts';
import { launchOnFixtures } from './support/on-fixtures.ts';
import { OPTIONS_PATH, openExtensionPage } from './support/pages.ts';
import { artifact, e2eDigestCount } from './support/paths.ts';

const haru = PAPERS.haruNet!;
const near = PAPERS.nearHaru!;
let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchOnFixtures();
});
afterAll(async () => ext?.close());

async function visit(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

async function panelFor(url: string, scheme: 'light' | 'dark' = 'light', width = 420): Promise<Page> {
  const tabId = await tabIdOf(ext, url);
  const panel = await openPanelPage(ext, tabId, width, scheme);
  return panel;
}

/** axe-core's violations on a page, one line each (none: an empty list). */
const violations = async (page: Page): Promise<string[]> => (await axeFindings(page)).map((f) => f.line);

/** A screenshot and axe-core's verdict in each colour scheme. */
async function shootAndCheck(panel: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    await panel.screenshot({ path: artifact(`${name}-${scheme}.png`), fullPage: true });
    expect(await violations(panel)).toEqual([]);
  }
}

describe('a paper the digests name', () => {
  it('names its theme in a few words, shows its sentence once, and lists related papers with why', async () => {
    const page = await visit(urls.abs(haru));
    const panel = await panelFor(urls.abs(haru));
    await panel.locator('.mention').first().waitFor();
    const mention = panel.locator('.mention', { hasText: 'Deep Learning’s Next Frontier' });
    expect(await mention.locator('.theme h4').innerText()).toMatch(/^Theme: Reliable and insightful AI · paper 1 of \d+$/);
    // The summary frames the theme; the paper's sentence is said once, in its quote.
    const card = await mention.innerText();
    expect(card.split('denoises low-dose CT images').length - 1).toBe(1);
    expect(await mention.locator('.theme-summary').innerText()).toBe(
      'The overarching theme in these recent papers is the pursuit of more reliable and insightful AI. For instance, in medical imaging, the need for robustness is paramount.',
    );
    // Addresses written in the digest are links with short labels.
    expect(card).not.toContain('https://arxiv.org/pdf/');
    expect(await mention.locator('a', { hasText: 'arXiv 2602.22544' }).count()).toBe(1);
    // Related papers of its theme show without expanding, each with its role.
    const related = mention.locator('.related > ul > li');
    expect(await related.count()).toBeGreaterThanOrEqual(2);
    for (const li of await related.all()) expect((await li.locator('.reason').innerText()).length).toBeGreaterThan(10);
    // Authors from the page's own citation tags; the DOI every arXiv paper has.
    const header = await panel.locator('.paper-header').innerText();
    expect(header).toContain('A. Naveed, R. Pauwels');
    expect(header).toContain('10.48550/arXiv.2602.22544');
    await shootAndCheck(panel, 'panel-paper');
    await panel.close();
    await page.close();
  });

  it("copies a BibTeX citation and the paper's link", async () => {
    const page = await visit(urls.abs(haru));
    const panel = await panelFor(urls.abs(haru));
    // Chromium grants no clipboard reading to an extension origin under test: what is written is kept instead.
    await panel.evaluate(() => {
      const copied: string[] = [];
      (globalThis as unknown as { copied: string[] }).copied = copied;
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    const copied = () => panel.evaluate(() => (globalThis as unknown as { copied: string[] }).copied);
    await panel.locator('[data-testid="copy-citation"]').click();
    await expect.poll(() => panel.locator('.copy-state').first().innerText()).toBe('Copied');
    const bib = (await copied())[0]!;
    expect(bib).toMatch(/^@misc\{/);
    expect(bib).toContain('2602.22544');
    expect(bib).toMatch(/author\s*=\s*\{A\. Naveed and R\. Pauwels\}/);
    await panel.locator('[data-testid="copy-link"]').click();
    await expect.poll(async () => (await copied())[1]).toBe('https://arxiv.org/abs/2602.22544');
    await panel.close();
    await page.close();
  });
});

describe('a repository page', () => {
  it('shows the paper whose code it is, accessible light and dark', async () => {
    const url = urls.repo(REPOS.radeNet!);
    const page = await visit(url);
    const panel = await panelFor(url);
    await panel.locator('.paper').first().waitFor();
    expect(await panel.locator('.paper-title').first().innerText()).toContain('RADE-Net');
    await shootAndCheck(panel, 'panel-repo');
    await panel.close();
    await page.close();
  });
});

describe('a paper no digest names', () => {
  it('says what the index holds and when it synced, offers sync, and lists the closest papers with why', async () => {
    const page = await visit(urls.abs(near));
    const panel = await panelFor(urls.abs(near));
    await panel.locator('[data-state="not-indexed"]').waitFor();
    expect(await panel.locator('[data-testid="index-facts"]').innerText()).toMatch(
      new RegExp(`Your index holds ${e2eDigestCount()} digests and \\d+ papers; sync is off\\.`),
    );
    expect(await panel.locator('[data-testid="panel-set-up-sync"]').count()).toBe(1);
    const closest = panel.locator('[data-testid="closest"] li');
    await closest.first().waitFor();
    expect(await closest.first().innerText()).toContain('HARU-Net');
    expect(await closest.first().locator('.reason').innerText()).toMatch(/shares \w+, \w+/);
    await shootAndCheck(panel, 'panel-closest');
    await panel.close();
    await page.close();
  });
});

describe("the chip, under the reader's control", () => {
  const chipShown = async (url: string) => {
    const page = await visit(url);
    // The chip appears within a second when it is to show at all.
    const shown = await page
      .locator(CHIP)
      .waitFor({ timeout: 3000 })
      .then(
        () => true,
        () => false,
      );
    await page.close();
    return shown;
  };

  it('hides for a paper once dismissed, until the index changes', async () => {
    const page = await visit(urls.abs(haru));
    const chip = page.locator(CHIP);
    await chip.waitFor();
    const box = (await chip.boundingBox())!;
    // The × is the chip's right end (the chip is in a closed shadow root: clicked where it shows).
    await page.mouse.click(box.x + box.width - 14, box.y + box.height / 2);
    await expect.poll(() => chip.count()).toBe(0);
    await page.close();
    expect(await chipShown(urls.abs(haru))).toBe(false);
    // The index changes (an import), and the chip is back.
    const options = await openExtensionPage(ext, OPTIONS_PATH, 900);
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'resetToStarter' }));
    await options.close();
    expect(await chipShown(urls.abs(haru))).toBe(true);
  });

  it('turns off on one site, or everywhere, from Options', async () => {
    const options = await openExtensionPage(ext, OPTIONS_PATH, 900);
    const section = options.locator('[data-testid="chip-section"]');
    await section.locator('[data-testid="chip-site-arxiv.org"]').uncheck();
    await expect.poll(() => options.locator('#chip-h ~ p[role="status"]').innerText()).toBe('Saved.');
    await section.screenshot({ path: artifact('options-chip-light.png') });
    expect(await chipShown(urls.abs(haru))).toBe(false);
    expect(await chipShown(urls.alphaxiv(haru))).toBe(true);
    await section.locator('[data-testid="chip-site-arxiv.org"]').check();
    await section.locator('[data-testid="chip-enabled"]').uncheck();
    await expect.poll(() => options.evaluate(() => chrome.runtime.sendMessage({ type: 'chipSettings' }).then((r) => r.value.settings.enabled))).toBe(false);
    expect(await chipShown(urls.alphaxiv(haru))).toBe(false);
    await section.locator('[data-testid="chip-enabled"]').check();
    await expect.poll(() => options.evaluate(() => chrome.runtime.sendMessage({ type: 'chipSettings' }).then((r) => r.value.settings.enabled))).toBe(true);
    expect(await chipShown(urls.abs(haru))).toBe(true);
    expect(await violations(options)).toEqual([]);
    await options.close();
  });
});
