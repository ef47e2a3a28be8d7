// Sync in real Chromium with the built extension, against the local WordPress-like server (the e2e
// copy's manifest grants http://127.0.0.1/*): the first-run page fetches nothing before the reader
// agrees; a sync from the server; the service worker stopped through CDP mid-sync; the next sync
// completing with nothing lost or duplicated; "already syncing"; errors and parse failures in options.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePaper, headersOf, type PaperRow } from '../../src/core/index/paper-codec.ts';
import type { CountersRecord, DigestRecord } from '../../src/core/index/types.ts';
import type { SyncStart, SyncStatus } from '../../src/core/sync/report.ts';
import { generatePosts } from '../server/generate-posts.ts';
import { seedPosts } from '../server/seed-posts.ts';
import { wpDate } from '../server/wp-post.ts';
import { startWpServer, type WpServer } from '../server/wp-server.ts';
import { ask, type ExtensionBrowser, FIRST_RUN_PATH, launchExtension, waitForIndex } from './support/extension-browser.ts';
import { OPTIONS_PATH, openExtensionPage, POPUP_PATH, readRecords, storeCount } from './support/pages.ts';
import { artifact, E2E_DIST, e2eDigestCount } from './support/paths.ts';

const posts = generatePosts({ count: 150, perBatch: 50, firstBatch: '2026-08-01', papers: 6 });
// The server lists by date, then id: the 101st is the first of the second `include=` batch.
const byDate = [...posts].sort((a, b) => (a.date_gmt < b.date_gmt ? -1 : a.date_gmt > b.date_gmt ? 1 : a.id - b.id));
const secondBatch = new RegExp(`include=${byDate[100]!.id}(%2C|,|&)`);

let ext: ExtensionBrowser;
let server: WpServer;
let base: number;
let firstRun: Page;

beforeAll(async () => {
  server = await startWpServer({ posts });
  ext = await launchExtension(E2E_DIST, { keepFirstRun: true });
  base = await waitForIndex(ext, e2eDigestCount());
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const control = () => ext.control();
const counters = async () => (await ask<CountersRecord>(await control(), 'counters')).digests;
const status = async () => ask<SyncStatus>(await control(), 'syncStatus');

async function stopWorker(): Promise<void> {
  const page = await control();
  const cdp = await ext.context.newCDPSession(page);
  const isOurs = (t: { type: string; url: string }) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`);
  const sw = (await cdp.send('Target.getTargets')).targetInfos.find(isOurs);
  if (!sw) throw new Error('no extension service worker target');
  await cdp.send('Target.closeTarget', { targetId: sw.targetId });
  await expect.poll(async () => (await cdp.send('Target.getTargets')).targetInfos.some(isOurs)).toBe(false);
  await cdp.detach();
}

/** Clicks Options' "Sync now" and waits for that sync's report. */
async function syncFromOptions(options: Page): Promise<SyncStatus> {
  const before = (await status()).last?.finished;
  await options.locator('[data-testid="options-sync-now"]:not([disabled])').click();
  await expect
    .poll(
      async () => {
        const s = await status();
        return !s.running && s.last?.finished !== before;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return status();
}

/** No paper mentions a digest twice, no digest lists a paper twice, and the counters add up. */
async function checkConsistent(page: Page): Promise<number> {
  const { digests, papers } = await readRecords(page);
  const full = await page.evaluate(
    () =>
      new Promise<{ papers: PaperRow[]; digests: DigestRecord[] }>((resolve) => {
        const open = indexedDB.open('digest-lens');
        open.onsuccess = () => {
          const tx = open.result.transaction(['digests', 'papers']);
          const d = tx.objectStore('digests').getAll();
          const p = tx.objectStore('papers').getAll();
          tx.oncomplete = () => {
            open.result.close();
            resolve({ digests: d.result, papers: p.result });
          };
        };
      }),
  );
  expect(new Set(digests.map((d) => d.id)).size).toBe(digests.length);
  const headers = headersOf(full.digests);
  for (const p of full.papers.map((row) => decodePaper(row, headers))) {
    expect(new Set(p.mentions.map((m) => m.digestId)).size).toBe(p.mentions.length);
    // Every mention's digest is stored: a joined header comes from it.
    for (const m of p.mentions) expect(m.digestDate).toMatch(/^\d{4}-\d\d-\d\d$/);
  }
  for (const d of full.digests) expect(new Set(d.paperKeys).size).toBe(d.paperKeys.length);
  const c = await ask<CountersRecord>(page, 'counters');
  expect({ digests: c.digests, papers: c.papers, mentions: c.mentions }).toEqual({
    digests: digests.length,
    papers: papers.length,
    mentions: full.digests.reduce((n, d) => n + d.paperKeys.length, 0),
  });
  return digests.length;
}

describe('sync', () => {
  it('opens the first-run page on install, and fetches nothing before the reader agrees', async () => {
    const url = `chrome-extension://${ext.extensionId}/${FIRST_RUN_PATH}`;
    await expect.poll(() => ext.context.pages().some((p) => p.url().startsWith(url)), { timeout: 10_000 }).toBe(true);
    firstRun = ext.context.pages().find((p) => p.url().startsWith(url))!;
    await firstRun.setViewportSize({ width: 900, height: 900 });
    await firstRun.locator('[data-testid="firstrun-start"]:not([disabled])').waitFor();
    expect(await firstRun.locator('[data-testid="firstrun-sources"]').innerText()).toContain('scipapermill.com');
    for (const scheme of ['light', 'dark'] as const) {
      await firstRun.emulateMedia({ colorScheme: scheme });
      await firstRun.screenshot({ path: artifact(`firstrun-${scheme}.png`), fullPage: true });
    }
    await firstRun.emulateMedia({ colorScheme: 'light' });
    const s = await status();
    expect(s.settings.consented).toBe(false);
    expect(s.last).toBeUndefined();
    expect(await (await ext.worker()).evaluate(() => chrome.alarms.getAll())).toEqual([]);
    expect(await ask<SyncStart>(await control(), 'syncNow')).toMatchObject({ status: 'needs-consent' });
    expect(server.log).toEqual([]);
  });

  it('syncs from the local server, survives the worker stopped mid-sync, and the next sync loses and duplicates nothing', async () => {
    // The local server as the one source (what Options → Sources does once access is granted).
    await ask(await control(), 'saveSyncSettings', {
      sources: [
        { id: 'scipapermill', kind: 'wordpress', url: 'https://scipapermill.com/', enabled: false },
        { id: 'local', kind: 'wordpress', url: `${server.url}/`, enabled: true },
      ],
    });
    await firstRun.reload();
    expect(await firstRun.locator('[data-testid="firstrun-sources"]').innerText()).toContain('127.0.0.1');
    // The second batch of posts waits, so the worker can be stopped between the two.
    server.faults.add(secondBatch, { kind: 'delay', ms: 8000 });
    await firstRun.getByLabel('everything').check();
    await firstRun.locator('[data-testid="firstrun-start"]').click();

    await firstRun.locator('[data-testid="sync-progress"]', { hasText: /Syncing 127\.0\.0\.1:\d+: \d+ of 150 posts/ }).waitFor({ timeout: 15_000 });
    await expect.poll(counters, { timeout: 15_000 }).toBe(base + 100);
    await firstRun.screenshot({ path: artifact('firstrun-progress-light.png') });
    // One sync at a time: "Sync now" meanwhile answers that one runs.
    expect(await ask<SyncStart>(await control(), 'syncNow')).toMatchObject({ status: 'busy', message: expect.stringMatching(/already syncing/i) });
    const alarm = await (await ext.worker()).evaluate(() => chrome.alarms.get('digest-lens-sync'));
    expect(alarm?.periodInMinutes).toBe(360);

    await stopWorker();
    // Every post committed before the stop is kept; nothing half-written.
    expect(await counters()).toBe(base + 100);
    await checkConsistent(await control());

    const options = await openExtensionPage(ext, OPTIONS_PATH, 900);
    await options.locator('[data-testid="options-sync-now"]:not([disabled])').click();
    await options.locator('[data-testid="sync-result"][data-status="ok"]').waitFor({ timeout: 30_000 });
    expect(await counters()).toBe(base + 150);
    expect(await checkConsistent(options)).toBe(base + 150);
    const s = await status();
    expect(s.last).toMatchObject({ status: 'ok', added: 50, updated: 0 });
    // The stopped run's second batch is fetched once, by the resumed run.
    expect(server.log.filter((r) => secondBatch.test(r.path)).length).toBeGreaterThanOrEqual(1);
    // The rows the sync left waiting in the search index (fewer than start a merge) are merged once
    // it ends: a popup or a restarted worker reads none of them.
    await expect.poll(() => storeCount(options, 'pending'), { timeout: 30_000 }).toBe(0);

    const popup = await openExtensionPage(ext, POPUP_PATH, 460);
    await expect.poll(() => popup.locator('[data-testid="sync-status"]').innerText()).toMatch(/^50 new digests · synced just now/);
    // Scrolled to the end, the list of latest digests loads older weeks and the footer moves on:
    // the screenshot waits until the page stops growing.
    const footer = popup.locator('.status');
    const height = () => popup.evaluate(() => document.documentElement.scrollHeight);
    await expect
      .poll(async () => {
        await footer.scrollIntoViewIfNeeded();
        const before = await height();
        await popup.waitForTimeout(300);
        return (await height()) === before;
      })
      .toBe(true);
    await footer.screenshot({ path: artifact('popup-synced-light.png') });
    await popup.close();
    await options.close();
  });

  it('an incremental sync with nothing new makes a few small requests and adds nothing', async () => {
    server.log.length = 0;
    const options = await openExtensionPage(ext, OPTIONS_PATH, 900);
    await options.locator('[data-testid="sync-result"]').waitFor();
    const s = await syncFromOptions(options);
    expect(s.last).toMatchObject({ status: 'ok', added: 0, updated: 0 });
    expect(server.log.length).toBeLessThanOrEqual(2);
    expect(await counters()).toBe(base + 150);
    await options.close();
  });

  it("keeps one digest per post: the starter index's posts, synced, replace the starter's copies", async () => {
    const before = await readRecords(await control());
    const starterIds = before.digests.map((d) => d.id).filter((id) => id.startsWith('https://scipapermill.com/'));
    expect(starterIds.length).toBeGreaterThanOrEqual(5);
    // The five seed posts, edited since (so an incremental sync fetches them), from the source.
    const edited = wpDate(Date.parse('2026-10-20T08:00:00Z'));
    server.addPosts(seedPosts().map((p) => ({ ...p, modified: edited, modified_gmt: edited })));
    const options = await openExtensionPage(ext, OPTIONS_PATH, 900);
    await options.locator('[data-testid="sync-result"]').waitFor();
    const s = await syncFromOptions(options);
    expect(s.last).toMatchObject({ status: 'ok', added: 0, updated: 5, failed: 0 });
    expect(await counters()).toBe(base + 150);
    const after = await readRecords(options);
    const ids = after.digests.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['scipapermill.com:9001', 'scipapermill.com:9005']));
    // The starter's copies of those five posts are gone; its other digests stay.
    const seedLinks = new Set(seedPosts().map((p) => p.link));
    expect(ids.filter((id) => starterIds.includes(id))).toEqual(starterIds.filter((id) => !seedLinks.has(id)));
    expect(await checkConsistent(options)).toBe(base + 150);
    await options.close();
  });

  it('shows new posts, a post that cannot be parsed with its reason, and clear source errors', async () => {
    const later = generatePosts({ count: 2, firstId: 30001, firstBatch: '2026-11-01', papers: 6, seed: 7 });
    const at = wpDate(Date.parse('2026-11-02T08:00:00Z'));
    server.addPosts([
      ...later,
      {
        ...later[0]!,
        id: 30999,
        slug: 'site-news',
        link: 'https://scipapermill.com/2026/11/02/site-news/',
        date: at,
        date_gmt: at,
        modified: at,
        modified_gmt: at,
        title: { rendered: 'Site news' },
        content: { rendered: '<p>We moved servers this week. Thanks for reading!</p>', protected: false },
      },
    ]);
    const options = await openExtensionPage(ext, OPTIONS_PATH, 900);
    await options.locator('[data-testid="sync-result"]').waitFor();
    const s = await syncFromOptions(options);
    expect(s.last).toMatchObject({ status: 'ok', added: 2, failed: 1 });
    await options.locator('[data-testid="sync-failures"] summary').click();
    expect(await options.locator('[data-testid="sync-failures"]').innerText()).toMatch(/Site news: .+/);
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.locator('[data-testid="sync-section"]').screenshot({ path: artifact(`options-sync-${scheme}.png`) });
    }
    await options.emulateMedia({ colorScheme: 'light' });

    // A maintenance page where the API's JSON belongs: a clear error, and nothing stored is lost.
    server.faults.add(/wp-json/, { kind: 'html' }, 5);
    await options.locator('[data-testid="options-sync-now"]:not([disabled])').click();
    await options.locator('[data-testid="sync-result"][data-status="failed"]').waitFor({ timeout: 20_000 });
    expect(await options.locator('[data-testid="sync-report"]').innerText()).toMatch(/HTML page where JSON was expected/);
    expect(await counters()).toBe(base + 152);
    await options.locator('[data-testid="sync-section"]').screenshot({ path: artifact('options-sync-error-light.png') });
    server.faults.clear();

    // The interval follows the settings.
    await options.locator('[data-testid="sync-interval"]').selectOption('180');
    await expect.poll(async () => (await (await ext.worker()).evaluate(() => chrome.alarms.get('digest-lens-sync')))?.periodInMinutes).toBe(180);
    await options.close();
  });
});
