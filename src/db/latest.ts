import type { DB } from './schema.ts';
import { digestBrief, type DigestBriefRecord } from './digest-brief.ts';

export interface BatchRecord {
  readonly date: string;
  readonly digests: readonly DigestBriefRecord[];
}

/**
 * The newest `batches` publication dates and their digests, walked newest first along the date
 * index so the popup's empty state never reads the whole store. `maxDigests` bounds one answer.
 */
export async function latestBatchesFrom(db: DB, batches = 3, maxDigests = 200): Promise<BatchRecord[]> {
  const out: { date: string; digests: DigestBriefRecord[] }[] = [];
  let count = 0;
  let cursor = await db.transaction('digests').store.index('by-date').openCursor(null, 'prev');
  while (cursor && count < maxDigests) {
    const d = cursor.value;
    let batch = out.at(-1);
    if (batch?.date !== d.date) {
      if (out.length === batches) break;
      batch = { date: d.date, digests: [] };
      out.push(batch);
    }
    batch.digests.push(digestBrief(d));
    count++;
    cursor = await cursor.continue();
  }
  for (const b of out) b.digests.sort((x, y) => x.topic.localeCompare(y.topic) || x.title.localeCompare(y.title));
  return out;
}
