/** Chromium with the built extension loaded, and the few handles tests need into it. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { browserPath } from '../../../scripts/browsers.ts';

let found: string | undefined;
/** $CHROME_PATH, else the usual names (scripts/browsers.sh); looked for on first use. */
export const chromePath = (): string => (found ??= browserPath('chromium'));
export const PANEL_PATH = 'src/sidepanel/index.html';

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The service worker now running (it may have been stopped and restarted since launch). */
  worker(): Promise<Worker>;
  /** An extension page to send messages from, as the side panel does. */
  control(): Promise<Page>;
  panelUrl(tabId?: number): string;
  close(): Promise<void>;
}

export const FIRST_RUN_PATH = 'src/firstrun/index.html';

export interface LaunchOptions {
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /** Leave the first-run page (opened on install) open; other tests have it closed before they start. */
  keepFirstRun?: boolean;
  /** A profile folder to use and keep (the bench's `--keep`); by default a fresh one, removed on close. */
  profile?: string;
}

export async function launchExtension(distDir: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dist = resolve(distDir);
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'digest-lens-profile-'));
  const reused = options.profile !== undefined && existsSync(join(profile, 'Default'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1200, height: 800 } : options.viewport,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(first.url()).host;
  const origin = `chrome-extension://${extensionId}`;
  let controlPage: Page | undefined;
  // A build from before the first-run page existed (an old benchmark copy) opens none.
  // A kept profile opened again installs nothing: no first-run page.
  if (!options.keepFirstRun && !reused && existsSync(join(dist, FIRST_RUN_PATH))) await closeFirstRun(context, origin);

  return {
    context,
    extensionId,
    async worker() {
      const running = context.serviceWorkers().find((w) => w.url().startsWith(origin));
      return running ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(origin), timeout: 15_000 });
    },
    async control() {
      if (!controlPage || controlPage.isClosed()) {
        controlPage = await context.newPage();
        // Pinned to a tab that does not exist: the page only serves to send messages from.
        await controlPage.goto(`${origin}/${PANEL_PATH}?tabId=999999`);
      }
      return controlPage;
    },
    panelUrl: (tabId?: number) => `${origin}/${PANEL_PATH}${tabId === undefined ? '' : `?tabId=${tabId}`}`,
    async close() {
      await context.close();
      if (options.profile === undefined) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits for the first-run tab the install opens and closes it, so it never takes focus mid-test. */
async function closeFirstRun(context: BrowserContext, origin: string): Promise<void> {
  const url = `${origin}/${FIRST_RUN_PATH}`;
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    const page = context.pages().find((p) => p.url().startsWith(url));
    if (page) return page.close();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the first-run page did not open on install');
}

/** Sends a Protocol message from an extension page, as the side panel would. */
export async function ask<T>(page: Page, type: string, arg?: unknown): Promise<T> {
  const reply = await page.evaluate(([t, a]) => chrome.runtime.sendMessage({ type: t, arg: a }), [type, arg] as const);
  const envelope = reply as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope?.ok) throw new Error(`${type}: ${envelope?.error?.message ?? 'no answer'}`);
  return envelope.value as T;
}

/** Waits until the starter index is in IndexedDB (it loads on install). */
export async function waitForIndex(ext: ExtensionBrowser, minDigests: number, timeoutMs = 20_000): Promise<number> {
  const page = await ext.control();
  const end = Date.now() + timeoutMs;
  for (;;) {
    const { digests } = await ask<{ digests: number }>(page, 'counters');
    if (digests >= minDigests) return digests;
    if (Date.now() > end) throw new Error(`starter index not loaded: ${digests} digests after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The id of the tab showing `url` (host permissions let the worker see our hosts' addresses). */
export async function tabIdOf(ext: ExtensionBrowser, url: string): Promise<number> {
  const worker = await ext.worker();
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

export async function badgeOf(ext: ExtensionBrowser, url: string): Promise<string> {
  const tabId = await tabIdOf(ext, url);
  const worker = await ext.worker();
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export async function sidePanelCount(ext: ExtensionBrowser): Promise<number> {
  const worker = await ext.worker();
  return worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length);
}

/** Opens the panel page in an ordinary tab, pinned to `tabId`, at a given width and colour scheme. */
export async function openPanelPage(ext: ExtensionBrowser, tabId: number, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme });
  await page.goto(ext.panelUrl(tabId));
  await page.waitForSelector('.panel:not([aria-busy="true"])');
  return page;
}

/** Whether a CDP target is the extension's service worker. */
export const isWorkerOf = (ext: ExtensionBrowser) => (t: { type: string; url: string }) =>
  t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`);

/** Stops the extension's service worker through CDP (as Chrome does when it idles); resolves once it is gone. */
export async function stopWorker(ext: ExtensionBrowser): Promise<void> {
  const cdp = await ext.context.newCDPSession(await ext.control());
  const isOurs = isWorkerOf(ext);
  try {
    // An event may start it again at once (a tab's, an alarm): closed again until it stays gone.
    for (let i = 0; i < 100; i++) {
      const sw = (await cdp.send('Target.getTargets')).targetInfos.find(isOurs);
      if (!sw) return;
      if (i % 10 === 0) await cdp.send('Target.closeTarget', { targetId: sw.targetId }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the service worker did not stop');
  } finally {
    await cdp.detach();
  }
}

/** Whether the extension's service worker is running now. */
export async function workerRunning(ext: ExtensionBrowser): Promise<boolean> {
  const cdp = await ext.context.newCDPSession(await ext.control());
  try {
    return (await cdp.send('Target.getTargets')).targetInfos.some(isWorkerOf(ext));
  } finally {
    await cdp.detach();
  }
}

/** The toolbar's popup, open: an expression evaluated in it (its value as JSON text), and closing it. */
export interface ToolbarPopup {
  evaluate(expression: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * Opens the toolbar's popup as the reader's click does (`action.openPopup()`, called from the
 * control page: unlike a tab's, its opening wakes no worker), and attaches to it over CDP.
 * `path`: the page the action's popup is set to. The control page's window must be the focused
 * one: bring it to the front before stopping the worker (a tab activated wakes it).
 */
export async function openToolbarPopup(ext: ExtensionBrowser, path = 'src/popup/index.html'): Promise<ToolbarPopup> {
  const control = await ext.control();
  const cdp = await ext.context.newCDPSession(control);
  await control.evaluate(() => chrome.action.openPopup());
  let targetId: string | undefined;
  for (let i = 0; i < 250 && !targetId; i++) {
    targetId = (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'page' && t.url.endsWith(`/${path}`))?.targetId;
    if (!targetId) await new Promise((r) => setTimeout(r, 20));
  }
  if (!targetId) {
    await cdp.detach();
    throw new Error(`the toolbar popup (${path}) did not open`);
  }
  const target = await attachToTarget(cdp, targetId);
  return {
    evaluate: async (expression) => {
      const { result } = (await target.send('Runtime.evaluate', { expression, returnByValue: true })) as { result?: { value?: unknown } };
      return result?.value === undefined ? undefined : JSON.stringify(result.value);
    },
    async close() {
      await target.detach().catch(() => undefined);
      await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
      await cdp.detach();
    },
  };
}

/** A target attached over a page's CDP session (not flattened): commands sent to it, and detaching. */
export interface AttachedTarget {
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  detach(): Promise<void>;
}

export async function attachToTarget(cdp: CDPSession, targetId: string): Promise<AttachedTarget> {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let next = 0;
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        const onMessage = (e: { sessionId?: string; message: string }) => {
          const reply = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
          if (e.sessionId !== sessionId || reply.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
          else resolve(reply.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      }),
    detach: async () => {
      await cdp.send('Target.detachFromTarget', { sessionId });
    },
  };
}
