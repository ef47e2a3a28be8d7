/** When the worker syncs by itself: on its alarms, and at browser start when the last sync is old. */

import { isSyncDue, lastSyncReport, SYNC_ALARM } from '../sync/index.ts';
import { api } from '../transport.ts';
import { RETRY_ALARM, scheduleSync } from './sync-alarm.ts';
import { startSync } from './sync-runner.ts';
import { getSyncSettings } from './sync-settings.ts';

const fail = (what: string) => (e: unknown) => console.error(`Digest Lens: ${what}`, e);

export function watchSyncSchedule(): void {
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void startSync('alarm').catch(fail('scheduled sync'));
  });
  api.runtime.onStartup.addListener(() => void syncIfDue().catch(fail('sync at start')));
}

async function syncIfDue(): Promise<void> {
  const settings = await getSyncSettings();
  if (!settings.consented) return;
  // Alarms normally survive a restart; make sure the periodic one exists.
  await scheduleSync(settings);
  if (isSyncDue(await lastSyncReport(), settings.intervalMinutes, Date.now())) await startSync('startup');
}

/** The first-run page, opened once after install: nothing syncs until the reader agrees there. */
export const FIRST_RUN_PATH = 'src/firstrun/index.html';

export async function openFirstRun(): Promise<void> {
  await api.tabs.create({ url: api.runtime.getURL(FIRST_RUN_PATH) });
}
