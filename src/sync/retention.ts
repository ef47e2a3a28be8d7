import { dropDigestsBefore } from '../db/index.ts';

/** The first day kept when digests older than `months` are dropped (YYYY-MM-DD, UTC). */
export function retentionCutoff(months: number, now: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** Drops digests older than `months` from the extension's database; returns how many went. */
export async function applyRetention(months: number, now = Date.now()): Promise<number> {
  return dropDigestsBefore(retentionCutoff(months, now));
}
