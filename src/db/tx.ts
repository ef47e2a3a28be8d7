/** Transactions over the records and the search index: their one type, and issuing their requests. */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { DigestLensDB } from './schema.ts';

/** Any readwrite transaction that includes the record stores and meta (and perhaps the search index's). */
export type RecordTx = IDBPTransaction<DigestLensDB, StoreNames<DigestLensDB>[], 'readwrite'>;

/**
 * Issues IndexedDB requests one after another without awaiting between them, then awaits them all
 * and returns what `issue` returned.
 * When issuing one throws (a full disk can refuse a put at once), the transaction aborts and
 * rejects those already issued too: they get a handler here, so only the first error surfaces.
 */
export async function issueAll<T>(issue: (add: (request: Promise<unknown>) => void) => T): Promise<T> {
  const issued: Promise<unknown>[] = [];
  let result: T;
  try {
    result = issue((r) => issued.push(r));
  } catch (e) {
    for (const r of issued) r.catch(() => undefined);
    throw e;
  }
  await Promise.all(issued);
  return result;
}

/**
 * For the writes sync and the search index make in bulk: committed without waiting for the disk
 * to flush. A power cut can lose the last ones (sync fetches them again); a transaction is still
 * all or nothing, so records and index never disagree.
 */
export const RELAXED: IDBTransactionOptions = { durability: 'relaxed' };
