/** When the background should sync: every few hours, and at browser start when the last is old. */
import { getLastSync } from '../db/index.ts';
import type { SyncReport } from './types.ts';

export const SYNC_ALARM = 'digest-lens-sync';
export const DEFAULT_SYNC_INTERVAL_MINUTES = 6 * 60;
/** After a failed sync, try again sooner than the interval (the network may be back). */
const RETRY_AFTER_FAILURE_MS = 30 * 60_000;

export async function lastSyncReport(): Promise<SyncReport | undefined> {
  const v = await getLastSync();
  return v && typeof v === 'object' && 'status' in v ? (v as SyncReport) : undefined;
}

/** True when there has been no sync, the last is older than the interval, or it failed a while ago. */
export function isSyncDue(last: SyncReport | undefined, intervalMinutes: number, now: number): boolean {
  const at = last?.finished ? Date.parse(last.finished) : NaN;
  if (Number.isNaN(at)) return true;
  if (last!.status === 'failed' || last!.status === 'partial') return now - at >= Math.min(RETRY_AFTER_FAILURE_MS, intervalMinutes * 60_000);
  return now - at >= intervalMinutes * 60_000;
}
