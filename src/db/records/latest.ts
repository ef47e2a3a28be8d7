import type { DigestBatch, DigestBrief } from '../../core/index/view.ts';
import type { DB } from '../schema.ts';
import { digestBrief } from './digest-brief.ts';

/**
 * The newest `batches` publication dates and their digests, read along the date index so the
 * popup's empty state never reads the whole store: the dates first (a key cursor, one step per
 * date), then their digests in one request. `maxDigests` bounds one answer, newest kept. With
 * `before`, the batches older than that date: the popup pages back through every week it holds.
 */
export async function latestBatchesFrom(db: DB, batches = 3, maxDigests = 200, before?: string): Promise<DigestBatch[]> {
  const index = db.transaction('digests').store.index('by-date');
  const dates: string[] = [];
  // `before`: the next page of older weeks, after the oldest date shown.
  let cursor = await index.openKeyCursor(before === undefined ? null : IDBKeyRange.upperBound(before, true), 'prevunique');
  while (cursor && dates.length < batches) {
    dates.push(cursor.key);
    cursor = await cursor.continue();
  }
  if (dates.length === 0) return [];
  const records = (await index.getAll(IDBKeyRange.bound(dates.at(-1)!, dates[0]!))).reverse().slice(0, maxDigests);
  const out: { date: string; digests: DigestBrief[] }[] = [];
  for (const d of records) {
    let batch = out.at(-1);
    if (batch?.date !== d.date) out.push((batch = { date: d.date, digests: [] }));
    batch.digests.push(digestBrief(d));
  }
  for (const b of out) b.digests.sort((x, y) => x.topic.localeCompare(y.topic) || x.title.localeCompare(y.title));
  return out;
}
