import { addDigest, assignArxivId } from '../core/index/add-digest.ts';
import type { WriteReport } from '../core/index/types.ts';
import type { Digest } from '../core/digest/types.ts';
import type { ArxivId } from '../core/ids/arxiv-id.ts';
import { isQuotaError, StorageFullError } from './errors.ts';
import { TxRecordStore } from './record-store.ts';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { CountersRecord, DB, DigestLensDB } from './schema.ts';

export const EMPTY_COUNTERS: CountersRecord = { digests: 0, papers: 0, mentions: 0 };

/**
 * Writes one digest and all its records in one transaction, with the counters beside them, so
 * nothing on a hot path ever has to count(). A failure aborts the whole digest.
 */
export async function writeDigestTo(db: DB, digest: Digest): Promise<WriteReport> {
  return writeInOneTx(db, ['digests', 'papers', 'meta'], digest, async () => undefined);
}

/** Any readwrite transaction that includes the record stores and meta. */
export type RecordTx = IDBPTransaction<DigestLensDB, StoreNames<DigestLensDB>[], 'readwrite'>;

/** Writes a digest's records and counters inside `tx`, awaiting only its requests. */
export async function putDigestInTx(tx: RecordTx, digest: Digest): Promise<WriteReport> {
  const store = new TxRecordStore(tx);
  const old = await tx.objectStore('digests').get(digest.id);
  const oldMentions = old ? old.paperKeys.length : 0;
  const report = await addDigest(store, digest);
  const meta = tx.objectStore('meta');
  const counters = ((await meta.get('counters')) as CountersRecord | undefined) ?? EMPTY_COUNTERS;
  const written = await tx.objectStore('digests').get(digest.id);
  await meta.put(
    {
      digests: counters.digests + report.digestsAdded,
      papers: counters.papers + report.papersAdded - report.papersRemoved,
      mentions: counters.mentions - oldMentions + (written?.paperKeys.length ?? 0),
      updated: new Date().toISOString(),
    } satisfies CountersRecord,
    'counters',
  );
  return report;
}

/**
 * Opens one transaction over `stores`, writes the digest and then whatever `also` adds (a sync
 * writes the raw post beside it), and commits all of it or nothing.
 */
export async function writeInOneTx(db: DB, stores: StoreNames<DigestLensDB>[], digest: Digest, also: (tx: RecordTx) => Promise<unknown>): Promise<WriteReport> {
  const tx = db.transaction(stores, 'readwrite') as unknown as RecordTx;
  // On failure we abort and report the cause; the abort's own rejection is expected.
  tx.done.catch(() => undefined);
  try {
    const report = await putDigestInTx(tx, digest);
    await also(tx);
    await tx.done;
    return report;
  } catch (e) {
    // Abort explicitly: whatever went wrong, none of this digest's records may stay.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    if (isQuotaError(e) || isQuotaError((e as { cause?: unknown })?.cause) || isQuotaError(tx.error)) throw new StorageFullError(`the digest "${digest.title}"`);
    throw e;
  }
}

export async function rememberArxivIdIn(db: DB, paperKey: string, arxivId: ArxivId): Promise<void> {
  const tx = db.transaction(['digests', 'papers', 'meta'], 'readwrite') as unknown as RecordTx;
  const before = await tx.objectStore('papers').get(arxivId);
  const moved = await assignArxivId(new TxRecordStore(tx), paperKey, arxivId);
  if (moved && before && paperKey !== arxivId) {
    // Two records became one.
    const meta = tx.objectStore('meta');
    const c = ((await meta.get('counters')) as CountersRecord | undefined) ?? EMPTY_COUNTERS;
    await meta.put({ ...c, papers: c.papers - 1, updated: new Date().toISOString() }, 'counters');
  }
  await tx.done;
}
