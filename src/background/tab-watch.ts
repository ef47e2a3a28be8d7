/**
 * Keeps each tab's badge and the side panels in step with what the tab shows. Works from the
 * address alone (host permissions reveal tab.url on our hosts), so PDF tabs — where no content
 * script runs — resolve too; meta tags sent by the content script refine it. One lookup serves
 * the chip, the badge and the panel: the panel is pushed its view, it does not ask again.
 */
import type { PageState } from '../core/index/view.ts';
import { api } from '../transport.ts';
import { setBadge } from './badge.ts';
import { broadcast, pokeTab } from './broadcast.ts';
import { buildTabView, panelShows } from './panel-view.ts';
import type { Resolved } from './resolve-page.ts';
import { forgetTabLookup, indexTouched, lookUpTab } from './tab-lookup.ts';
import { forgetTab, getPageInfo, knownTabIds, type PageInfo } from './tab-state.ts';

// Per tab, one lookup at a time, so a late answer for an old address never overwrites a newer
// one; and the badge and panel updates in the same order, on a queue of their own, so the next
// lookup's answer never waits for the previous one's badge.
const lookups = new Map<number, Promise<unknown>>();
const updates = new Map<number, Promise<unknown>>();
/** Per tab, what its panel was last pushed (see pushView): the same again is not sent. */
const pushed = new Map<number, string>();

function queued<T>(queues: Map<number, Promise<unknown>>, tabId: number, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(work);
  queues.set(tabId, next);
  void next.finally(() => queues.get(tabId) === next && queues.delete(tabId)).catch(() => undefined);
  return next;
}

export function pageState(resolved: Resolved): PageState {
  if (!resolved.detection) return { status: 'not-a-paper', digestCount: 0 };
  const found = resolved.brief?.status === 'found';
  return { status: found ? 'found' : 'not-indexed', digestCount: resolved.brief?.digestCount ?? 0 };
}

/**
 * Looks a tab up (once per navigation: tab-lookup.ts), sets its badge and pushes its panel the
 * view. Answers as soon as the state is known (the chip waits on it); the badge and panel follow,
 * queued in the order the lookups answered, so a later refresh of the tab still lands after them.
 * `info`: the page's tags, when just received; `stored`: their storing, which the panel update waits for.
 */
export function refreshTab(tabId: number, url: string | undefined, info?: PageInfo, stored?: Promise<unknown>): Promise<PageState> {
  return queued(lookups, tabId, async () => {
    const page = url ? (info ?? (await getPageInfo(tabId))) : undefined;
    const resolved = url ? await lookUpTab(tabId, url, page) : {};
    const state = pageState(resolved);
    void queued(updates, tabId, async () => {
      await Promise.all([setBadge(tabId, state.digestCount), stored]);
      await pushView(tabId, url, page, resolved);
    }).catch((e: unknown) => console.warn('Digest Lens: badge or panel update failed', e));
    return state;
  });
}

/** Sends the tab's view to the panels, when one shows the tab and the view differs from the last sent. */
async function pushView(tabId: number, url: string | undefined, info: PageInfo | undefined, resolved: Resolved): Promise<void> {
  const tab = await api.tabs.get(tabId).catch(() => undefined);
  if (!tab || !(await panelShows(tab))) {
    pushed.delete(tabId);
    return;
  }
  const fresh = info?.url === url ? info : undefined;
  const papers = resolved.match && [...resolved.match.own, ...resolved.match.cited].map((p) => p.key);
  const key = JSON.stringify([tab.windowId, tab.active, url, fresh, resolved.detection, resolved.brief, papers]);
  if (pushed.get(tabId) === key) return;
  const view = await buildTabView(tabId, url, info, resolved);
  pushed.set(tabId, key);
  await broadcast({ type: 'tabView', windowId: tab.windowId, tabId, active: tab.active, view });
}

/** After the index changed: every tab looked up once again, its badge, chip and panel updated. */
export async function refreshAllTabs(): Promise<void> {
  indexTouched();
  pushed.clear();
  const tabs = await api.tabs.query({});
  const withState = new Set(await knownTabIds());
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || !tab.url) return;
      await refreshTab(tab.id, tab.url);
      // The chip asks again (pageInfo), and is answered from the lookup just made.
      if (withState.has(tab.id)) await pokeTab(tab.id);
    }),
  );
  await broadcast({ type: 'indexChanged' });
}

export function watchTabs(): void {
  api.tabs.onUpdated.addListener((tabId, change, tab) => {
    // tab.url is only present on hosts we may read; elsewhere the badge simply goes.
    if (change.url !== undefined || change.status === 'complete' || (change.status === 'loading' && !tab.url)) {
      void refreshTab(tabId, tab.url);
    }
    // An address change the browser saw (in-page navigations included): the content script looks
    // the new address up, within what its reader's actions allow. Page-fired events never do.
    if (change.url !== undefined && tab.url) void pokeTab(tabId, { type: 'addressChanged' });
  });
  // The panel follows its window's active tab: pushed the newly active tab's view.
  api.tabs.onActivated.addListener(({ tabId }) => {
    pushed.delete(tabId);
    void api.tabs.get(tabId).then(
      (tab) => refreshTab(tabId, tab.url),
      () => undefined,
    );
  });
  api.tabs.onRemoved.addListener((tabId) => {
    forgetTabLookup(tabId);
    pushed.delete(tabId);
    void forgetTab(tabId);
  });
}
