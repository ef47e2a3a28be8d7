/** Retention: dropping digests older than a date, each in its own transaction with the counters. */
import { removeDigest } from '../core/index/add-digest.ts';
import { TxRecordStore } from './record-store.ts';
import type { CountersRecord, DB } from './schema.ts';
import { indexInTx, mergeSoon, stampOf } from './search-write.ts';
import { EMPTY_COUNTERS, RECORD_STORES, type RecordTx } from './write.ts';

/**
 * Removes every digest dated before `date` (YYYY-MM-DD), its mentions, papers only it mentioned,
 * and its raw post (the sync cursor is past it, so it is not fetched again). Returns how many went.
 */
export async function dropDigestsBeforeIn(db: DB, date: string): Promise<number> {
  const ids = await db.getAllKeysFromIndex('digests', 'by-date', IDBKeyRange.upperBound(date, true));
  for (const id of ids) {
    const tx = db.transaction([...RECORD_STORES, 'posts' as const, 'failures' as const], 'readwrite') as unknown as RecordTx;
    const old = await tx.objectStore('digests').get(id);
    const report = await removeDigest(new TxRecordStore(tx), id);
    const meta = tx.objectStore('meta');
    const stored = (await meta.get('counters')) as CountersRecord | undefined;
    const c = stored ?? EMPTY_COUNTERS;
    const next: CountersRecord = { digests: c.digests + report.digestsAdded, papers: c.papers - report.papersRemoved, mentions: c.mentions - (old?.paperKeys.length ?? 0), updated: new Date().toISOString() };
    const search = await indexInTx(tx, report.touched, [id], { before: stampOf(stored), after: stampOf(next) });
    await Promise.all([meta.put(next, 'counters'), tx.objectStore('posts').delete(id), tx.done]);
    void mergeSoon(db, search);
  }
  return ids.length;
}
