/**
 * The service worker. Chrome stops it whenever it idles, so every listener is registered
 * synchronously here at the top level, and nothing lives only in memory that a restart would lose.
 */
import { api } from '../transport.ts';
import { styleBadge } from './badge.ts';
import { chipSettings } from './handlers/chip-settings.ts';
import { clearData } from './handlers/clear-data.ts';
import { counters } from './handlers/counters.ts';
import { dismissChip } from './handlers/dismiss-chip.ts';
import { exportIndex } from './handlers/export-index.ts';
import { exportPapers } from './handlers/export-papers.ts';
import { importDigests } from './handlers/import-digests.ts';
import { importRecords } from './handlers/import-records.ts';
import { indexStats } from './handlers/index-stats.ts';
import { latestDigests } from './handlers/latest-digests.ts';
import { openPanel } from './handlers/open-panel.ts';
import { pageBrief } from './handlers/page-brief.ts';
import { pageInfo } from './handlers/page-info.ts';
import { paperView } from './handlers/paper-view.ts';
import { resetToStarter } from './handlers/reset-to-starter.ts';
import { saveChipSettings } from './handlers/save-chip-settings.ts';
import { saveSyncSettings } from './handlers/save-sync-settings.ts';
import { search } from './handlers/search.ts';
import { showInPanel } from './handlers/show-in-panel.ts';
import { syncNow } from './handlers/sync-now.ts';
import { syncStatus } from './handlers/sync-status.ts';
import { tabView } from './handlers/tab-view.ts';
import { takePanelPaper } from './handlers/take-panel-paper.ts';
import { lookupCount } from './resolve-page.ts';
import { listen } from './router.ts';
import { watchShortcut } from './shortcut.ts';
import { loadStarter } from './starter.ts';
import { openFirstRun, watchSyncSchedule } from './sync-schedule.ts';
import { watchTabs } from './tab-watch.ts';

listen({
  chipSettings,
  saveChipSettings,
  dismissChip,
  pageInfo,
  pageBrief,
  openPanel,
  tabView,
  showInPanel,
  takePanelPaper,
  counters,
  search,
  latestDigests,
  paperView,
  indexStats,
  importDigests,
  importRecords,
  exportIndex,
  exportPapers,
  clearData,
  resetToStarter,
  syncStatus,
  syncNow,
  saveSyncSettings,
});
watchTabs();
watchShortcut();
watchSyncSchedule();

api.runtime.onInstalled.addListener(({ reason }) => {
  if (reason !== 'install') return;
  void loadStarter().catch((e: unknown) => console.error('Digest Lens: starter index not loaded', e));
  // What to sync and from where, asked once; nothing is fetched before the reader agrees.
  void openFirstRun().catch((e: unknown) => console.error('Digest Lens: first-run page not opened', e));
});

// The toolbar button opens the search popup (which has "Open side panel"). Set explicitly: the
// behaviour is remembered across updates, and an earlier version had the button open the panel.
void api.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
void styleBadge().catch(() => undefined);

// How many page lookups this worker made: read by the e2e tests and the bench (a count, never a time).
Object.assign(globalThis, { digestLensLookups: lookupCount });
