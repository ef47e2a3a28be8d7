import { clearAll, forgetSearchCache, getCounters } from '../../db/index.ts';
import type { Handler } from '../router.ts';
import { loadStarter } from '../starter.ts';

/** Options → background (after the reader confirmed): the index as on install. */
export const resetToStarter: Handler<'resetToStarter'> = {
  from: 'extension',
  async handle() {
    await clearAll();
    forgetSearchCache();
    // Forced: the starter marker went with the clear anyway, but a reset must never be a no-op.
    await loadStarter(true);
    return getCounters();
  },
};
