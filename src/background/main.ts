/**
 * The service worker. Chrome stops it whenever it idles, so every listener is registered
 * synchronously here at the top level, and nothing lives only in memory that a restart would lose.
 */
import { api } from '../messages.ts';
import { styleBadge } from './badge.ts';
import { counters } from './handlers/counters.ts';
import { openPanel } from './handlers/open-panel.ts';
import { pageInfo } from './handlers/page-info.ts';
import { tabView } from './handlers/tab-view.ts';
import { listen } from './router.ts';
import { loadStarter } from './starter.ts';
import { watchTabs } from './tab-watch.ts';

listen({ pageInfo, openPanel, tabView, counters });
watchTabs();

api.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') void loadStarter().catch((e: unknown) => console.error('Digest Lens: starter index not loaded', e));
});

// The toolbar button (and its shortcut, `_execute_action`) opens the side panel.
void api.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
void styleBadge().catch(() => undefined);
