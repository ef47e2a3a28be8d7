import type { SyncStatus } from '../../core/sync/report.ts';
import { listFailures } from '../../db/index.ts';
import { lastSyncReport } from '../../sync/index.ts';
import type { Handler } from '../router.ts';
import { nextAlarm } from '../sync-alarm.ts';
import { currentSync, lastRetention, sourcesWithoutAccess } from '../sync-runner.ts';
import { getSyncSettings } from '../sync-settings.ts';

const MAX_FAILURES = 200;

/** Popup, options, first run → background: settings, the running sync, the last report, failures. */
export const syncStatus: Handler<'syncStatus'> = {
  from: 'extension',
  async handle() {
    const settings = await getSyncSettings();
    const [last, failures, noAccess, next, retention] = await Promise.all([
      lastSyncReport(),
      listFailures(),
      sourcesWithoutAccess(settings),
      nextAlarm(),
      lastRetention(),
    ]);
    const running = currentSync();
    return {
      settings,
      ...(running ? { running } : {}),
      ...(last ? { last } : {}),
      failures: failures
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, MAX_FAILURES)
        .map((f) => ({ url: f.url, title: f.title, reason: f.reason, at: f.at })),
      noAccess,
      ...(next ? { nextAlarm: next } : {}),
      ...(retention ? { retention } : {}),
    } satisfies SyncStatus;
  },
};
