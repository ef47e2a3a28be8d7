// The search popup, opened as a page (and once as the real toolbar popup): finding seed papers by title word, short name, institution
// and filters; keyboard navigation opening the right tab; the side panel for a chosen paper.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeBothSchemes, lines } from './support/axe.ts';
import { type ExtensionBrowser, launchExtension, sidePanelCount, waitForIndex } from './support/extension-browser.ts';
import { PAPERS, serveFixtures } from './support/fixture-site.ts';
import { openExtensionPage, POPUP_PATH } from './support/pages.ts';
import { artifact, E2E_DIST, e2eDigestCount } from './support/paths.ts';
import { attachRealPanel } from './support/real-panel.ts';

let ext: ExtensionBrowser;
let popup: Page;

beforeAll(async () => {
  ext = await launchExtension(E2E_DIST);
  await serveFixtures(ext.context);
  // Digest addresses (a paper without an arXiv id opens its digest) answer with a stub page.
  await ext.context.route('https://scipapermill.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<title>digest</title>' }));
  await waitForIndex(ext, e2eDigestCount());
  popup = await openExtensionPage(ext, POPUP_PATH, 460);
  await popup.locator('.batch').first().waitFor();
});
afterAll(async () => ext?.close());

const search = () => popup.locator('input.search');

/** Types a query as a reader would and waits until the list shows that query's answer. */
async function query(q: string): Promise<{ titles: string[]; names: string[]; latency: number; took: number }> {
  await search().fill('');
  await search().pressSequentially(q);
  // Busy while its first rows are painted and the rest are still to come.
  const list = popup.locator(`[role="listbox"][data-query="${q.replace(/"/g, '\\"')}"]:not([aria-busy])`);
  await list.waitFor();
  const rows = list.locator('[role="option"]');
  return {
    titles: await rows.locator('.row-title').allInnerTexts(),
    names: await rows.evaluateAll((els) => els.map((e) => e.querySelector('.row-name')?.textContent ?? '')),
    latency: Number(await list.getAttribute('data-latency-ms')),
    took: Number(await list.getAttribute('data-took-ms')),
  };
}

describe('popup', () => {
  it('has the search box focused on open and shows the latest digests by batch', async () => {
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('search'))).toBe(true);
    const batches = await popup.locator('.batch-date time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(batches).toEqual(['2026-07-11', '2026-07-04', '2026-05-30']);
    expect(await popup.locator('[data-testid="status"]').innerText()).toMatch(new RegExp(`^${e2eDigestCount()} digests · \\d+ papers · updated `));
    expect(await popup.locator('.hint').innerText()).toContain('t:topic');
    // → opens a digest into its themes, ← closes it again.
    await search().press('ArrowDown');
    await search().press('ArrowRight');
    expect(await popup.locator('.theme-row').count()).toBeGreaterThan(0);
    await popup.screenshot({ path: artifact('popup-empty-light.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: artifact('popup-empty-dark.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'light' });
    await search().press('ArrowLeft');
    expect(await popup.locator('.theme-row').count()).toBe(0);
  });

  it('finds a seed paper by one word of its title, highlighted', async () => {
    const r = await query('evidential');
    expect(r.titles[0]).toBe(PAPERS.pluginLosses!.title);
    expect(await popup.locator('[role="option"]').first().locator('mark').first().innerText()).toBe('Evidential');
  });

  it('finds a paper by its short name and by an institution', async () => {
    expect((await query('HADS-Net')).titles[0]).toBe('HADS-Net');
    const r = await query('Nazarbayev');
    expect(r.titles).toContain('HADS-Net');
    await query('uncertainty');
    await popup.screenshot({ path: artifact('popup-results-light.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: artifact('popup-results-dark.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  it('applies t: and y: filters', async () => {
    // The Feb 28 batch has a "deep learning" and a "deep neural networks" digest.
    const all = await query('frontier y:2026');
    const nn = await query('t:"deep neural networks" y:2026');
    expect(nn.titles).toContain('Deep Neural Networks: From Theoretical Foundations to Real-World Impact');
    expect(nn.titles.every((t) => !t.startsWith('Deep Learning’s'))).toBe(true);
    expect(all.titles.some((t) => t.startsWith('Deep Learning’s Next Frontier'))).toBe(true);
    expect((await query('HARU-Net y:2026')).titles[0]).toContain('HARU-Net');
    expect((await query('HARU-Net y:>2026')).titles).toEqual([]);
    expect(await popup.locator('.empty').innerText()).toContain('Nothing in your digests matches');
    const code = await query('HADS c:');
    expect(code.titles[0]).toBe('HADS-Net');
  });

  it('answers well under 100 ms at the starter index size', async () => {
    const samples: { latency: number; took: number }[] = [];
    for (const q of ['segmentation', 'HARU', 'Nazarbayev', 'uncertainty quant', 't:deep y:2026 robust', '"medical imaging"', 'diffusion c:', 'radar']) {
      const r = await query(q);
      samples.push({ latency: r.latency, took: r.took });
    }
    const sorted = samples.map((s) => s.latency).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const max = sorted.at(-1)!;
    console.log(
      `popup search latency over ${samples.length} queries (keystroke answer → painted data, ms): median ${median}, max ${max}; background share: ${samples.map((s) => s.took).join(', ')}`,
    );
    expect(median).toBeGreaterThan(0);
  });

  /** The address of the tab the popup opened, as the browser records it (offline, the load itself may fail). */
  async function openedBy(keys: string[]): Promise<string> {
    const cdp = await ext.context.newCDPSession(popup);
    const before = new Set((await cdp.send('Target.getTargets')).targetInfos.map((t) => t.targetId));
    for (const k of keys) await search().press(k);
    let url = '';
    await expect
      .poll(async () => {
        const fresh = (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'page' && !before.has(t.targetId));
        url = fresh?.url ?? '';
        return url.startsWith('http');
      })
      .toBe(true);
    for (const p of ext.context.pages()) if (p !== popup && !p.url().startsWith('chrome-extension:')) await p.close();
    await cdp.detach();
    return url;
  }

  it('opens the chosen result in a new tab with the keyboard', async () => {
    await query('HARU-Net');
    expect(await openedBy(['Enter'])).toBe(`https://arxiv.org/abs/${PAPERS.haruNet!.id}`);

    // ↓ moves to the next result, ↑ back; a paper without an arXiv id opens its digest.
    const r = await query('HADS-Net');
    expect(r.titles[0]).toBe('HADS-Net');
    expect(r.titles.length).toBeGreaterThan(1);
    const second = await popup.locator('[role="option"]').nth(1).getAttribute('data-key');
    await search().press('ArrowDown');
    expect(await search().getAttribute('aria-activedescendant')).toBe(await popup.locator('[role="option"]').nth(1).getAttribute('id'));
    expect(second).toBeTruthy();
    expect(await openedBy(['ArrowUp', 'Enter'])).toBe(
      'https://scipapermill.com/2026/05/23/deep-learnings-pulse-from-medical-imaging-to-generative-design-and-beyond/',
    );
  });

  it('Ctrl+Enter opens the side panel on the chosen paper', async () => {
    await query('evidential');
    expect(await sidePanelCount(ext)).toBe(0);
    await search().press('Control+Enter');
    await expect.poll(() => sidePanelCount(ext), { timeout: 10_000 }).toBe(1);
    const panel = await attachRealPanel(ext, popup);
    await expect.poll(() => panel.text(), { timeout: 10_000 }).toContain(PAPERS.pluginLosses!.title);
    expect(await panel.text()).toContain('Back to this tab');
    await panel.close();
  });

  it('fits 360 and 800 px without horizontal scrolling', async () => {
    for (const width of [360, 800]) {
      await popup.setViewportSize({ width, height: 600 });
      await query('deep');
      expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });
});

describe('popup: what people paste and type', () => {
  it('finds the paper a pasted arXiv id or address names, first', async () => {
    for (const q of ['2602.22544', 'arxiv.org/abs/2602.22544', 'https://arxiv.org/pdf/2602.22544v1', 'https://www.alphaxiv.org/abs/2602.22544']) {
      const r = await query(q);
      expect(r.names[0], q).toBe('HARU-Net');
      expect(await popup.locator('[role="option"]').first().getAttribute('data-pasted')).toBe('true');
    }
    await popup.screenshot({ path: artifact('popup-pasted-id-light.png'), fullPage: true });
    expect((await query('https://github.com/NedumCares/BIUS-Classification')).titles[0]).toBe('HADS-Net');
  });

  it('says why a result matched: the matched words in a snippet of its sentence', async () => {
    await query('segmentation');
    const rows = popup.locator('[role="option"]');
    const count = await rows.count();
    let withWhy = 0;
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const title = (await row.locator('.row-title').innerText()).toLowerCase();
      if (/segment/.test(title)) continue;
      // Not in its title: a snippet says where, the matched word marked.
      expect(await row.locator('.why mark').count(), title).toBeGreaterThan(0);
      withWhy++;
    }
    expect(withWhy).toBeGreaterThan(0);
    await popup.screenshot({ path: artifact('popup-snippets-light.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: artifact('popup-snippets-dark.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  it('counts what matches and shows more instead of stopping at 30', async () => {
    // The rows the answer's list holds, each time it changes.
    await popup.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { rowCounts: number[] }).rowCounts = seen;
      new MutationObserver(() => {
        const n = document.querySelectorAll('[role="listbox"][data-query="y:2026"] [role="option"]').length;
        if (n && seen.at(-1) !== n) seen.push(n);
      }).observe(document.body, { childList: true, subtree: true });
    });
    const rowCounts = () => popup.evaluate(() => (window as unknown as { rowCounts: number[] }).rowCounts);
    await query('y:2026');
    const head = await popup.locator('[data-testid="result-count"]').innerText();
    const [, shown, total] = /^(\d+) of (\d+) results/.exec(head) ?? [];
    expect(Number(shown)).toBe(30);
    expect(Number(total)).toBeGreaterThan(30);
    await popup.locator('[data-testid="show-more"]').click();
    await expect.poll(() => popup.locator('[role="option"]').count()).toBe(Math.min(60, Number(total)));
    // A new query paints the rows a popup shows first (its first screen, asked for alone), the
    // rest of its page after them; more of the same query are added below the rows shown, which
    // stay.
    expect(await rowCounts()).toEqual([12, 30, Math.min(60, Number(total))]);
  });

  it('says that c: takes no word, and explains the filters behind ?', async () => {
    const r = await query('c:segmentation');
    expect(r.titles.length).toBeGreaterThan(0);
    expect(await popup.locator('[data-testid="query-note"]').innerText()).toContain('c: takes no word');
    await popup.locator('[data-testid="help-toggle"]').click();
    expect(await popup.locator('[data-testid="query-help"]').innerText()).toContain('y:2026');
    expect(await popup.locator('[data-testid="help-toggle"]').getAttribute('aria-expanded')).toBe('true');
    await popup.screenshot({ path: artifact('popup-help-light.png'), fullPage: true });
    await popup.locator('[data-testid="help-toggle"]').click();
  });

  it('ranks a paper with a quoted phrase in its title first', async () => {
    expect((await query('"medical imaging"')).titles[0]).toBe('Quantized Machine Learning Models for Medical Imaging in Low-Resource Healthcare Settings');
  });

  it('reaches every week the index holds from the digest list', async () => {
    await search().fill('');
    await popup.locator('.batch').first().waitFor();
    const older = popup.locator('[data-testid="older-weeks"]');
    for (let i = 0; i < 20 && (await older.count()); i++) {
      const shown = await popup.locator('.batch').count();
      await older.click();
      // Until the older weeks are listed, or it says there are none.
      await expect.poll(async () => (await popup.locator('.batch').count()) > shown || (await older.count()) === 0).toBe(true);
    }
    const dates = await popup.locator('.batch-date time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(dates).toContain('2026-02-28');
    expect(new Set(dates).size).toBe(dates.length);
    expect(await popup.locator('[data-testid="all-weeks"]').innerText()).toContain(`All ${dates.length} weeks`);
  });
});

describe('popup accessibility (axe-core)', () => {
  it('has no violations while browsing, a digest opened into its themes, light and dark', async () => {
    await search().fill('');
    await popup.locator('.batch').first().waitFor();
    await search().press('ArrowDown');
    await search().press('ArrowRight');
    const { light, dark } = await axeBothSchemes(popup);
    console.log(`axe, popup browsing: ${light.length} light, ${dark.length} dark violations`);
    expect(lines(light)).toEqual([]);
    expect(lines(dark)).toEqual([]);
    await search().press('ArrowLeft');
  });

  it('has no violations with results, snippets, a count, notes and the help shown, light and dark', async () => {
    await query('c:segmentation');
    await popup.locator('[data-testid="help-toggle"]').click();
    const { light, dark } = await axeBothSchemes(popup);
    console.log(`axe, popup results: ${light.length} light, ${dark.length} dark violations`);
    expect(lines(light)).toEqual([]);
    expect(lines(dark)).toEqual([]);
    await popup.locator('[data-testid="help-toggle"]').click();
    await query('Nazarbayev');
    const again = await axeBothSchemes(popup);
    expect([...lines(again.light), ...lines(again.dark)]).toEqual([]);
  });
});

describe('the toolbar popup', () => {
  it('opens from the toolbar button (action.openPopup), searches, and knows it is a popup', async () => {
    const control = await ext.control();
    // What a click on the toolbar button does. The popup is no tab: Playwright sees no page, so
    // the control page (an extension page too) reaches into its window through getViews.
    await control.evaluate(() => chrome.action.openPopup());
    const worker = await ext.worker();
    await expect
      .poll(() => worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['POPUP' as chrome.runtime.ContextType] })).length), {
        timeout: 10_000,
      })
      .toBe(1);
    const seen = await control.evaluate(async () => {
      const until = async <T>(get: () => T | undefined | null): Promise<T> => {
        for (let i = 0; i < 200; i++) {
          const v = get();
          if (v) return v;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error('the toolbar popup did not get there');
      };
      const view = await until(() => chrome.extension.getViews({ type: 'popup' })[0]);
      const box = await until(() => view.document.querySelector<HTMLInputElement>('input.search'));
      // Its start-up has asked the tab question: no tab, so it is the toolbar popup.
      await until(() => view.document.querySelector('.batch'));
      const inPopup = view.document.documentElement.classList.contains('in-popup');
      const focused = view.document.activeElement === box;
      box.value = 'HARU-Net';
      box.dispatchEvent(new (view as unknown as typeof globalThis).Event('input', { bubbles: true }));
      const name = await until(() => view.document.querySelector('[role="listbox"][data-query="HARU-Net"] .row .row-name')?.textContent);
      view.close();
      return { inPopup, focused, name };
    });
    expect(seen).toEqual({ inPopup: true, focused: true, name: 'HARU-Net' });
    await expect
      .poll(() => worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['POPUP' as chrome.runtime.ContextType] })).length))
      .toBe(0);
  });
});
