/** The sync alarms: one periodic (the reader's interval), one a while after a failed sync. */
import type { SyncSettings } from '../core/settings.ts';
import { SYNC_ALARM } from '../sync/index.ts';
import { api } from '../transport.ts';

export const RETRY_ALARM = `${SYNC_ALARM}-retry`;
const RETRY_MINUTES = 30;

/** Created only once the reader agreed; the period follows the settings. */
export async function scheduleSync(settings: SyncSettings): Promise<void> {
  if (!settings.consented) {
    await Promise.all([api.alarms.clear(SYNC_ALARM), api.alarms.clear(RETRY_ALARM)]);
    return;
  }
  const existing = await api.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === settings.intervalMinutes) return;
  await api.alarms.create(SYNC_ALARM, { delayInMinutes: settings.intervalMinutes, periodInMinutes: settings.intervalMinutes });
}

export async function scheduleRetry(): Promise<void> {
  await api.alarms.create(RETRY_ALARM, { delayInMinutes: RETRY_MINUTES });
}

export async function nextAlarm(): Promise<string | undefined> {
  const alarms = (await Promise.all([api.alarms.get(SYNC_ALARM), api.alarms.get(RETRY_ALARM)])).filter((a) => a !== undefined);
  const next = Math.min(...alarms.map((a) => a.scheduledTime));
  return Number.isFinite(next) ? new Date(next).toISOString() : undefined;
}
