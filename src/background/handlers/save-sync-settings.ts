import type { Handler } from '../router.ts';
import { scheduleSync } from '../sync-alarm.ts';
import { saveSyncSettings as save } from '../sync-settings.ts';

/** Options, first run → background: checked settings stored; the alarm follows the interval. */
export const saveSyncSettings: Handler<'saveSyncSettings'> = {
  from: 'extension',
  async handle(patch) {
    const settings = await save(patch);
    await scheduleSync(settings);
    return settings;
  },
};
