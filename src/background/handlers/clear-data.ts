import { clearAll, forgetSearchCache, getCounters } from '../../db/index.ts';
import type { Handler } from '../router.ts';
import { refreshAllTabs } from '../tab-watch.ts';

/** Options → background (after the reader confirmed): empties every store. */
export const clearData: Handler<'clearData'> = {
  from: 'extension',
  async handle() {
    await clearAll();
    // The cache is keyed by the counters' stamp, which a clear removes: drop it outright.
    forgetSearchCache();
    await refreshAllTabs();
    return getCounters();
  },
};
