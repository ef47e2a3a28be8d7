import type { TabView } from '../../core/index/view.ts';
import { api } from '../../transport.ts';
import { missingHostPatterns } from '../hosts.ts';
import { buildTabView } from '../panel-view.ts';
import type { Handler } from '../router.ts';
import { lookUpTab } from '../tab-lookup.ts';
import { getPageInfo } from '../tab-state.ts';

async function findTab(req: { windowId?: number; tabId?: number }): Promise<chrome.tabs.Tab | undefined> {
  if (req.tabId !== undefined) return api.tabs.get(req.tabId).catch(() => undefined);
  const query = req.windowId !== undefined ? { active: true, windowId: req.windowId } : { active: true, lastFocusedWindow: true };
  return (await api.tabs.query(query))[0];
}

/**
 * Side panel → background, as the panel starts: what to show for a window's active tab (or a
 * given tab). Later views are pushed to it (tab-watch.ts), built from the tab's own lookup.
 */
export const tabView: Handler<'tabView'> = {
  from: 'extension',
  async handle(req): Promise<TabView> {
    const tab = await findTab(req ?? {});
    if (tab?.id === undefined) return { access: 'none', missingHosts: await missingHostPatterns() };
    // Without host access the browser hides the address: we cannot tell what the tab shows.
    if (!tab.url) return buildTabView(tab.id, undefined, undefined, {});
    const info = await getPageInfo(tab.id);
    return buildTabView(tab.id, tab.url, info, await lookUpTab(tab.id, tab.url, info));
  },
};
