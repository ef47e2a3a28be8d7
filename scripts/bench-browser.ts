// Browser-side measurements of the bench: end-to-end lookups through the worker (warm and cold),
// the chip after navigation, and the real popup's first results.
import type { BrowserContext, Page } from 'playwright-core';
import { attachToTarget, type ExtensionBrowser, isWorkerOf, openToolbarPopup, stopWorker } from '../tests/e2e/support/extension-browser.ts';

const html = (id: string, title: string) => `<!doctype html><html><head><title>${title}</title>
<meta name="citation_title" content="${title.replace(/"/g, '&quot;')}"><meta name="citation_arxiv_id" content="${id}"></head>
<body><h1>${title}</h1></body></html>`;

/** arXiv abstract pages for the corpus: only the id and title matter to the extension. */
export async function serveCorpusPages(context: BrowserContext, titles: ReadonlyMap<string, string>): Promise<void> {
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => route.abort('blockedbyclient'),
  );
  await context.route('https://arxiv.org/abs/**', (route) => {
    const id = new URL(route.request().url()).pathname.split('/').pop()!;
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html(id, titles.get(id) ?? 'Unknown') });
  });
}

// Installed before any page script: when the chip's host appears, note the time since navigation
// start. The host carries no attribute: it is the element the page did not make whose shadow root
// is closed (the bench pages have no other), appended to the body or the root element.
// Plain JavaScript text, not a function of this file: the TypeScript runner may wrap a function's
// inner functions in helpers the page does not have, and the script would then do nothing.
const CHIP_WATCH = `(() => {
  const isChip = (n) => n instanceof HTMLDivElement && n.shadowRoot === null && n.attributes.length === 0 && (n.parentNode === document.body || n.parentNode === document.documentElement);
  new MutationObserver((records) => {
    if (window.__chipAt === undefined && records.some((r) => [...r.addedNodes].some(isChip))) window.__chipAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

/**
 * Navigation start → chip, per page; beside it the page's own DOMContentLoaded (what any content
 * script waits for: the floor) and the chip's time after it (the extension's own part).
 */
export async function chipVisibleMs(
  ext: ExtensionBrowser,
  ids: readonly string[],
): Promise<{ chip: number[]; domReady: number[]; afterDomReady: number[]; lookupsPerNavigation: number }> {
  const chip: number[] = [];
  const domReady: number[] = [];
  const page = await ext.context.newPage();
  const before = await lookupCount(ext);
  await page.addInitScript({ content: CHIP_WATCH });
  for (const id of ids) {
    await page.goto(`https://arxiv.org/abs/${id}`);
    await page.waitForFunction(() => (window as unknown as { __chipAt?: number }).__chipAt !== undefined, null, { timeout: 15_000 });
    const t = await page.evaluate(() => ({
      chip: (window as unknown as { __chipAt: number }).__chipAt,
      dom: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    }));
    chip.push(t.chip);
    domReady.push(t.dom);
  }
  // The navigations' late events (the load completing, the content script's full report) come in.
  await new Promise((r) => setTimeout(r, 1500));
  const lookupsPerNavigation = ((await lookupCount(ext)) - before) / ids.length;
  await page.close();
  return { chip, domReady, afterDomReady: chip.map((c, i) => c - domReady[i]!), lookupsPerNavigation };
}

/** Page lookups the worker has made (resolve-page.ts counts them); NaN for a build that does not count. */
async function lookupCount(ext: ExtensionBrowser): Promise<number> {
  const worker = await ext.worker();
  return worker.evaluate(() => (globalThis as { digestLensLookups?: () => number }).digestLensLookups?.() ?? Number.NaN);
}

/**
 * The page lookup end to end, as the content script makes it: the bench copy's probe content
 * script on `tab` sends pageInfo `n` times (content script → worker → IndexedDB → answer), 40 ms
 * apart as navigations are; and `n` messages the worker declines, the messaging floor.
 */
export async function pageLookupEndToEndMs(tab: Page, n: number, urls: readonly string[] = []): Promise<{ times: number[]; floor: number[] }> {
  await tab.evaluate(() => delete document.documentElement.dataset.benchProbe);
  await tab.evaluate(([count, addresses]) => postMessage({ type: 'bench-probe', count, urls: addresses }, '*'), [n, urls] as const);
  await tab.waitForFunction(() => document.documentElement.dataset.benchProbe !== undefined, null, { timeout: 120_000 });
  const r = JSON.parse((await tab.evaluate(() => document.documentElement.dataset.benchProbe))!) as { times: number[]; floor: number[] };
  if (r.times.some(Number.isNaN)) throw new Error('pageInfo: a corpus paper was not found');
  return r;
}

/** tabView for a tab showing a corpus paper: extension page → worker → IndexedDB → the side panel's whole view. */
export async function endToEndMs(_ext: ExtensionBrowser, control: Page, tabId: number, n: number): Promise<number[]> {
  return control.evaluate(
    async ([id, count]) => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        const r = (await chrome.runtime.sendMessage({ type: 'tabView', arg: { tabId: id } })) as { ok: boolean; value?: { lookup?: { status: string } } };
        times.push(performance.now() - t0);
        if (r?.value?.lookup?.status !== 'found') throw new Error(`tabView: ${JSON.stringify(r).slice(0, 200)}`);
      }
      return times;
    },
    [tabId, n] as const,
  );
}

/**
 * The service worker's JS heap (bytes) after a full garbage collection: what it keeps between
 * requests. Over the browser's own CDP connection, attached to the worker's target.
 */
export async function workerHeapBytes(ext: ExtensionBrowser, from: Page): Promise<{ used: number; total: number }> {
  const cdp = await ext.context.newCDPSession(from);
  try {
    const sw = (await cdp.send('Target.getTargets')).targetInfos.find(isWorkerOf(ext));
    if (!sw) throw new Error('no service worker running');
    const worker = await attachToTarget(cdp, sw.targetId);
    await worker.send('HeapProfiler.collectGarbage');
    const heap = (await worker.send('Runtime.getHeapUsage')) as { usedSize?: number; totalSize?: number };
    await worker.detach();
    return { used: heap.usedSize ?? 0, total: heap.totalSize ?? 0 };
  } finally {
    await cdp.detach();
  }
}

/** The query the bench copy's popup types the moment its search box exists. */
export const POPUP_QUERY = 'segmentation';

/**
 * The bench copy's popup runs this first (a classic script ahead of its own, bench/row-watch.js):
 * it types the query the moment the search box exists (a reader who types at once), and notes when
 * the first result row is painted (a frame after it appears), all since navigation start. Plain
 * JavaScript text: it is written into the bench copy as it is.
 */
export const ROW_WATCH = `(() => {
  new MutationObserver(() => {
    const box = document.querySelector('input.search');
    if (window.__inputAt === undefined && box) {
      window.__inputAt = performance.now();
      box.value = ${JSON.stringify(POPUP_QUERY)};
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (window.__rowAt === undefined && document.querySelector('.row')) requestAnimationFrame(() => (window.__rowAt ??= performance.now()));
  }).observe(document, { childList: true, subtree: true });
})();`;

/** The empty popup's one script (bench/blank-frame.js): notes its first frame after the HTML is parsed. */
export const BLANK_FRAME = `addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => (window.__frameAt = performance.now())));`;

/** Opens the real popup page in a tab (the bench copy types the query), and waits for the first row. */
export async function popupFirstResultsMs(ext: ExtensionBrowser, n: number): Promise<{ rows: number[]; input: number[] }> {
  const out: number[] = [];
  const input: number[] = [];
  for (let i = 0; i < n; i++) {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __rowAt?: number }).__rowAt !== undefined, null, { timeout: 30_000 });
    out.push(await page.evaluate(() => (window as unknown as { __rowAt: number }).__rowAt));
    input.push(await page.evaluate(() => (window as unknown as { __inputAt: number }).__inputAt));
    await page.close();
  }
  return { rows: out, input };
}

/**
 * The toolbar's popup as a reader opens it (openToolbarPopup: no tab whose events would wake the
 * worker). `blank`: the action's popup set to an empty page for the while, its first frame (the
 * floor). `stopped`: the worker stopped before each open. Times since the popup's navigation start.
 */
export async function toolbarPopupMs(
  ext: ExtensionBrowser,
  control: Page,
  n: number,
  { blank = false, stopped = false }: { blank?: boolean; stopped?: boolean } = {},
): Promise<{ shown: number[]; input: number[] }> {
  const shown: number[] = [];
  const input: number[] = [];
  const path = blank ? 'bench/blank-popup.html' : 'src/popup/index.html';
  // Its window focused once, before any stop: activating a tab wakes the worker.
  await control.bringToFront();
  if (blank) await control.evaluate((p) => chrome.action.setPopup({ popup: p }), path);
  try {
    for (let i = 0; i < n; i++) {
      if (stopped) {
        await stopWorker(ext);
        await new Promise((r) => setTimeout(r, 300));
      }
      const popup = await openToolbarPopup(ext, path);
      let at: { shown?: number; input?: number } = {};
      try {
        const watched = blank ? 'window.__frameAt' : 'window.__rowAt';
        for (let k = 0; k < 1500 && at.shown === undefined; k++) {
          at = JSON.parse((await popup.evaluate(`({ shown: ${watched}, input: window.__inputAt })`)) ?? '{}');
          if (at.shown === undefined) await new Promise((r) => setTimeout(r, 20));
        }
      } finally {
        await popup.close();
      }
      if (at.shown === undefined) throw new Error(`toolbar popup ${path}: nothing shown in 30 s`);
      shown.push(at.shown);
      if (at.input !== undefined) input.push(at.input);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    if (blank) await control.evaluate(() => chrome.action.setPopup({ popup: chrome.runtime.getManifest().action!.default_popup! }));
  }
  return { shown, input };
}

/**
 * The floor under any extension page here: opening an empty one (no script, no style) in a new
 * tab, navigation start → its first frame.
 */
export async function blankPageMs(ext: ExtensionBrowser, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/bench/blank.html`, { waitUntil: 'commit' });
    out.push(
      await page.evaluate(
        () =>
          new Promise<number>((res) =>
            document.readyState === 'loading'
              ? addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => res(performance.now())))
              : requestAnimationFrame(() => res(performance.now())),
          ),
      ),
    );
    await page.close();
  }
  return out;
}
