import { api, type TabView } from '../../messages.ts';
import { missingHostPatterns } from '../hosts.ts';
import { resolvePage } from '../resolve-page.ts';
import type { Handler } from '../router.ts';
import { getPageInfo } from '../tab-state.ts';

async function findTab(req: { windowId?: number; tabId?: number }): Promise<chrome.tabs.Tab | undefined> {
  if (req.tabId !== undefined) return api.tabs.get(req.tabId).catch(() => undefined);
  const query = req.windowId !== undefined ? { active: true, windowId: req.windowId } : { active: true, lastFocusedWindow: true };
  return (await api.tabs.query(query))[0];
}

/** Side panel → background: what to show for a window's active tab (or a given tab). */
export const tabView: Handler<'tabView'> = {
  from: 'extension',
  async handle(req) {
    const [tab, missingHosts] = await Promise.all([findTab(req ?? {}), missingHostPatterns()]);
    // Without host access the browser hides the address: we cannot tell what the tab shows.
    if (tab?.id === undefined || !tab.url) return { ...(tab?.id !== undefined ? { tabId: tab.id } : {}), access: 'none', missingHosts };
    const info = await getPageInfo(tab.id);
    const { detection, lookup } = await resolvePage(tab.url, info);
    const fresh = info?.url === tab.url ? info : undefined;
    const pageTitle = fresh?.meta.citation_title ?? fresh?.title;
    return {
      tabId: tab.id,
      url: tab.url,
      access: 'granted',
      missingHosts,
      ...(detection ? { detection } : {}),
      ...(lookup ? { lookup } : {}),
      ...(pageTitle ? { pageTitle } : {}),
    } satisfies TabView;
  },
};
