/**
 * Keeps each tab's badge and the side panels in step with what the tab shows. Works from the
 * address alone (host permissions reveal tab.url on our hosts), so PDF tabs — where no content
 * script runs — resolve too; meta tags sent by the content script refine it.
 */
import type { PageState } from '../core/index/view.ts';
import { api } from '../transport.ts';
import { setBadge } from './badge.ts';
import { broadcast, pokeTab } from './broadcast.ts';
import { type Resolved, resolvePage } from './resolve-page.ts';
import { forgetTab, getPageInfo, knownTabIds, type PageInfo } from './tab-state.ts';

// Per tab, one lookup at a time, so a late answer for an old address never overwrites a newer
// one; and the badge and panel updates in the same order, on a queue of their own, so the next
// lookup's answer never waits for the previous one's badge.
const lookups = new Map<number, Promise<unknown>>();
const updates = new Map<number, Promise<unknown>>();

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
 * Re-resolves a tab, sets its badge and tells its window's panel. Answers as soon as the state is
 * known (the chip waits on it); the badge and panel follow, queued in the order the lookups
 * answered, so a later refresh of the tab still lands after them. `info`: the page's tags, when
 * just received; `stored`: their storing, which the panel (reading them back) must not outrun.
 */
export function refreshTab(tabId: number, url: string | undefined, info?: PageInfo, stored?: Promise<unknown>): Promise<PageState> {
  return queued(lookups, tabId, async () => {
    const resolved = url ? await resolvePage(url, info ?? (await getPageInfo(tabId)), 'brief') : {};
    const state = pageState(resolved);
    void queued(updates, tabId, async () => {
      await Promise.all([setBadge(tabId, state.digestCount), stored]);
      await tellPanel(tabId);
    }).catch((e: unknown) => console.warn('Digest Lens: badge or panel update failed', e));
    return state;
  });
}

async function tellPanel(tabId: number): Promise<void> {
  try {
    const tab = await api.tabs.get(tabId);
    if (tab.active) await broadcast({ type: 'tabChanged', windowId: tab.windowId, tabId });
  } catch {
    // Closed meanwhile.
  }
}

/** After the index changed: every tab's badge, chip and panel. */
export async function refreshAllTabs(): Promise<void> {
  const tabs = await api.tabs.query({});
  const withState = new Set(await knownTabIds());
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || !tab.url) return;
      await refreshTab(tab.id, tab.url);
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
  api.tabs.onActivated.addListener(({ tabId, windowId }) => void broadcast({ type: 'tabChanged', windowId, tabId }));
  api.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}
