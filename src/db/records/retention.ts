/** Retention: dropping digests older than a date, each in its own transaction with the counters. */
import { removeDigest } from '../../core/index/add-digest.ts';
import { type DB, nextUpdated } from '../schema.ts';
import { changeRecordsIn, EMPTY_COUNTERS } from './write.ts';

/**
 * Removes every digest dated before `date` (YYYY-MM-DD), its mentions, papers only it mentioned,
 * and its raw post (the sync cursor is past it, so it is not fetched again). Returns how many went.
 */
export async function dropDigestsBeforeIn(db: DB, date: string): Promise<number> {
  const ids = await db.getAllKeysFromIndex('digests', 'by-date', IDBKeyRange.upperBound(date, true));
  for (const id of ids) {
    await changeRecordsIn(
      db,
      `removing an old digest (${id})`,
      async (store, stored, tx) => {
        const [old] = await Promise.all([store.digestWithPapers(id), tx.objectStore('posts').delete(id)]);
        const report = await removeDigest(store, id);
        const c = stored ?? EMPTY_COUNTERS;
        return {
          digests: c.digests + report.digestsAdded,
          papers: c.papers - report.papersRemoved,
          mentions: c.mentions - (old?.paperKeys.length ?? 0),
          updated: nextUpdated(c),
        };
      },
      ['posts', 'failures'],
    );
  }
  return ids.length;
}
