// What a page's own script can learn of the reader's index through the chip, with no reader
// action: a script on a matched site reads the page's DOM, fires the events the content script
// used to follow (turbo:load, popstate, pageshow, navigatesuccess) after rewriting the tags, and
// sweeps 100 addresses with pushState. It counts its answers: an indexed address for which it saw
// the chip, or the index showing through an attribute or text in the page's DOM. Only the page's
// view is used here (no test harness attribute), so the same file measures an older build.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExtensionBrowser } from './support/extension-browser.ts';
import { PAPERS, urls } from './support/fixture-site.ts';
import { launchOnFixtures } from './support/on-fixtures.ts';
import { artifact } from './support/paths.ts';

const haru = PAPERS.haruNet!;
const unknown = PAPERS.unknown!;
let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchOnFixtures();
});
afterAll(async () => ext?.close());

/** Installed before the page's own scripts: the probe's helpers, in the page's world. */
const PROBE_HELPERS = `
  window.__probe = {
    // The chip as a page sees it: an element it did not make, fixed in the corner, its inside closed.
    chipShown: () => [...(document.body?.children ?? []), ...document.documentElement.children].some(
      (el) => el.tagName === 'DIV' && el.shadowRoot === null && getComputedStyle(el).position === 'fixed' && getComputedStyle(el).zIndex === '2147483647'),
    // Attributes or text in the page's DOM that say what the extension found (the harness's data-e2e-* excluded).
    leaks: () => [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^data-(digest|dl-)/i.test(a.name)).map((a) => a.name + '=' + a.value)),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };`;

async function probePage(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript(PROBE_HELPERS);
  await page.goto(url);
  await page.waitForTimeout(1000);
  return page;
}

it('a page script without the reader learns next to nothing of the index, and the reader still gets chips', async () => {
  // 1. The DOM of a page whose paper is indexed: the chip is there (the reader sees it), but no attribute or text says more.
  const indexed = await probePage(urls.abs(haru));
  expect(await indexed.evaluate(() => (window as unknown as { __probe: { chipShown(): boolean } }).__probe.chipShown())).toBe(true);
  const leaks = await indexed.evaluate(() => (window as unknown as { __probe: { leaks(): string[] } }).__probe.leaks());
  await indexed.close();

  // 2. Page-fired events after rewriting the tags, on a page whose paper is not indexed.
  const page = await probePage(urls.abs(unknown));
  const events = await page.evaluate(async (id) => {
    const p = (window as unknown as { __probe: { chipShown(): boolean; sleep(ms: number): Promise<void> } }).__probe;
    const fire = [
      () => document.dispatchEvent(new Event('turbo:load', { bubbles: true })),
      () => dispatchEvent(new PopStateEvent('popstate')),
      () => dispatchEvent(new PageTransitionEvent('pageshow')),
      () => (globalThis as { navigation?: EventTarget }).navigation?.dispatchEvent(new Event('navigatesuccess')),
    ];
    const meta = document.querySelector<HTMLMetaElement>('meta[name="citation_arxiv_id"]')!;
    const own = meta.content;
    let answers = 0;
    for (const f of fire) {
      meta.content = id;
      f();
      await p.sleep(700);
      if (p.chipShown()) answers++;
      meta.content = own;
      f();
      await p.sleep(700);
    }
    return answers;
  }, haru.id);

  // 3. A sweep of 100 pushState addresses, every other one an indexed paper, each followed by the events.
  const sweep = await page.evaluate(async (id) => {
    const p = (window as unknown as { __probe: { chipShown(): boolean; sleep(ms: number): Promise<void> } }).__probe;
    for (const m of document.querySelectorAll('meta[name^="citation_"]')) m.remove();
    let answers = 0;
    for (let i = 0; i < 100; i++) {
      const hit = i % 2 === 0;
      history.pushState({}, '', hit ? `/abs/${id}?probe=${i}` : `/abs/2601.${String(10000 + i)}`);
      dispatchEvent(new PopStateEvent('popstate'));
      document.dispatchEvent(new Event('turbo:load', { bubbles: true }));
      await p.sleep(200);
      if (hit && p.chipShown()) answers++;
    }
    // It ends on an indexed address, for the reader below.
    history.pushState({}, '', `/abs/${id}`);
    dispatchEvent(new PopStateEvent('popstate'));
    await p.sleep(500);
    return answers;
  }, haru.id);

  const result = { leaks, events, sweep, total: leaks.length + events + sweep };
  writeFileSync(artifact('privacy-probe.json'), JSON.stringify(result, null, 2));
  console.info(`privacy probe: ${JSON.stringify(result)}`);
  expect(leaks).toEqual([]);
  expect(events).toBe(0);
  expect(sweep).toBeLessThanOrEqual(2);

  // 4. The reader acts (a real click on the page): the address the page now shows is looked up.
  await page.mouse.click(600, 400);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __probe: { chipShown(): boolean } }).__probe.chipShown()), { timeout: 10_000 })
    .toBe(true);
  await page.close();
});
