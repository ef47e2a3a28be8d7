import type { Handler } from '../router.ts';
import { startSync } from '../sync-runner.ts';

/** Popup, options, first run → background: start a sync; "already syncing" while one runs. */
export const syncNow: Handler<'syncNow'> = {
  from: 'extension',
  handle: () => startSync('now'),
};
