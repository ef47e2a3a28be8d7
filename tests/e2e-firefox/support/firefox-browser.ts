/**
 * Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with the built add-on installed
 * temporarily, and the few handles tests need into it. Extension pages are opened in ordinary tabs
 * at moz-extension://<fixed uuid>/…, where they have the whole `browser` API.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { browserPath } from '../../../scripts/browsers.ts';
import { fixtureResponse } from '../../e2e/support/fixture-site.ts';
import { ROOT } from '../../e2e/support/paths.ts';

/** $FIREFOX_PATH, else the usual names (scripts/browsers.sh). */
export const FIREFOX_PATH = browserPath('firefox');
export const FIREFOX_E2E_DIST = join(ROOT, 'dist/firefox-e2e');
/** Fixed through extensions.webextensions.uuids, so extension pages have a known address. */
export const EXTENSION_UUID = 'd1e5a7c0-4f1b-4c2e-9a3d-5b6c7d8e9f01';

interface FirefoxManifest {
  browser_specific_settings: { gecko: { id: string } };
  sidebar_action: { default_panel: string };
  action: { default_popup: string };
}

export interface FirefoxExtension {
  readonly browser: Browser;
  readonly origin: string;
  readonly sidebarPath: string;
  readonly popupPath: string;
  /** A new tab whose web requests are answered from the fixtures (and nothing else reaches the network). */
  newPage(): Promise<Page>;
  /** An extension page (path inside the add-on) in a new tab, once its document has loaded. */
  openPage(path: string, width?: number): Promise<Page>;
  /** An extension page to send messages and call `browser.*` from. */
  control(): Promise<Page>;
  close(): Promise<void>;
}

function answer(request: HTTPRequest): void {
  const url = request.url();
  if (!/^https?:/.test(url)) return void request.continue();
  const found = fixtureResponse(url);
  if (!found) return void request.abort('blockedbyclient');
  void request.respond({ status: found.status, contentType: found.contentType, body: found.body });
}

/** `prefs`: more Firefox preferences for this browser (e.g. a short idle time for the background page). */
export async function launchFirefox(distDir: string = FIREFOX_E2E_DIST, prefs: Record<string, string | number | boolean> = {}): Promise<FirefoxExtension> {
  const dist = resolve(distDir);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as FirefoxManifest;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    // BiDi navigates only to web pages unless system access is allowed: extension pages need it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: EXTENSION_UUID }),
      // Quiet: no first-run tabs, no update or telemetry traffic in the way.
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      ...prefs,
    },
  });
  await browser.installExtension(dist);
  const origin = `moz-extension://${EXTENSION_UUID}`;
  let controlPage: Page | undefined;

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', answer);
    return page;
  }

  async function openPage(path: string, width = 1200): Promise<Page> {
    const page = await newPage();
    await page.setViewport({ width, height: 900 });
    const url = `${origin}/${path}`;
    // The switch into the extension's process is a navigation BiDi does not see finish: wait for
    // the document itself instead of the navigation.
    void page.goto(url, { timeout: 0 }).catch(() => undefined);
    await until(page, (u) => location.href === u && document.readyState === 'complete', url, 15_000);
    return page;
  }

  return {
    browser,
    origin,
    sidebarPath: manifest.sidebar_action.default_panel,
    popupPath: manifest.action.default_popup,
    newPage,
    openPage,
    async control() {
      // Pinned to a tab that does not exist: the page only serves to call the API from.
      controlPage ??= await openPage(`${manifest.sidebar_action.default_panel}?tabId=999999`);
      return controlPage;
    },
    async close() {
      await browser.close();
    },
  };
}

/** Sends a Protocol message from an extension page, as the sidebar would. */
export async function ask<T>(page: Page, type: string, arg?: unknown): Promise<T> {
  const envelope = (await page.evaluate(
    (t, a) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ type: t, arg: a }),
    type,
    arg,
  )) as {
    ok: boolean;
    value?: T;
    error?: { message: string };
  };
  if (!envelope?.ok) throw new Error(`${type}: ${envelope?.error?.message ?? 'no answer'}`);
  return envelope.value as T;
}

/**
 * Polls `fn` in the page until it returns something truthy. Extension pages forbid eval and
 * Function() (CSP), which puppeteer's waitForFunction uses in the page on Firefox 140 ESR; each
 * evaluate here is a WebDriver BiDi call, which the page's CSP does not govern.
 */
export async function until<A>(page: Page, fn: (arg: A) => unknown, arg: A, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(fn as (a: unknown) => unknown, arg as unknown).catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${fn.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs `fn` with the add-on's `browser` object inside an extension page (WebDriver BiDi script evaluation). */
export async function inExtension<T, A>(ext: FirefoxExtension, fn: (browser: typeof chrome, arg: A) => Promise<T> | T, arg: A): Promise<T> {
  const page = await ext.control();
  // One expression, evaluated by BiDi itself: no eval in the page, which its CSP forbids.
  return page.evaluate(`(${fn.toString()})(globalThis.browser, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
}

/** Waits until the starter index is in IndexedDB (it loads on install). */
export async function waitForIndex(ext: FirefoxExtension, minDigests: number, timeoutMs = 30_000): Promise<number> {
  const page = await ext.control();
  const end = Date.now() + timeoutMs;
  for (;;) {
    const { digests } = await ask<{ digests: number }>(page, 'counters');
    if (digests >= minDigests) return digests;
    if (Date.now() > end) throw new Error(`starter index not loaded: ${digests} digests after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The id of the tab showing `url` (host permissions let the add-on see our hosts' addresses). */
export async function tabIdOf(ext: FirefoxExtension, url: string): Promise<number> {
  const id = await inExtension(ext, async (b, u) => (await b.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

export async function badgeOf(ext: FirefoxExtension, url: string): Promise<string> {
  const tabId = await tabIdOf(ext, url);
  return inExtension(ext, (b, id) => b.action.getBadgeText({ tabId: id }), tabId);
}
