import { addDigest, assignArxivId } from '../core/index/add-digest.ts';
import type { WriteReport } from '../core/index/types.ts';
import type { Digest } from '../core/digest/types.ts';
import type { ArxivId } from '../core/ids/arxiv-id.ts';
import { failedWrite } from './errors.ts';
import { BufferedRecordStore, TxRecordStore } from './record-store.ts';
import { RELAXED } from './requests.ts';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { CountersRecord, DB, DigestLensDB, SearchStateRecord } from './schema.ts';
import { hasSearchStores, indexInTx, mergeSoon, SEARCH_STORES, stampOf, type KnownRecords } from './search-write.ts';

export const EMPTY_COUNTERS: CountersRecord = { digests: 0, papers: 0, mentions: 0 };

/** The stores a digest write touches: records, counters and the search index (kept in step). */
export const RECORD_STORES: StoreNames<DigestLensDB>[] = ['digests', 'papers', 'meta', ...SEARCH_STORES];

/**
 * Writes one digest and all its records in one transaction, with the counters beside them, so
 * nothing on a hot path ever has to count(). A failure aborts the whole digest.
 */
export async function writeDigestTo(db: DB, digest: Digest): Promise<WriteReport> {
  return writeInOneTx(db, RECORD_STORES, digest, async () => undefined);
}

/**
 * Writes several digests in one transaction (a sync batch, an import, the benchmark's corpus):
 * records digest by digest, then the search index once for everything they touched.
 */
export async function writeDigestsTo(db: DB, digests: readonly Digest[]): Promise<WriteReport[]> {
  const tx = db.transaction(RECORD_STORES, 'readwrite', RELAXED) as unknown as RecordTx;
  tx.done.catch(() => undefined);
  try {
    const reports: WriteReport[] = [];
    const store = new BufferedRecordStore(tx);
    let before: string | undefined;
    let after = '';
    const puts: Promise<unknown>[] = [];
    for (const d of digests) {
      const r = await putRecordsInTx(tx, d, store);
      before ??= r.before;
      after = r.after;
      reports.push(r.report);
      puts.push(r.countersPut);
    }
    const [state] = await Promise.all([before === undefined ? undefined : indexInTx(tx, reports.flatMap((r) => r.touched), digests.map((d) => d.id), { before, after }, knownFrom(store)), ...puts]);
    await tx.done;
    void mergeSoon(db, state);
    return reports;
  } catch (e) {
    // Whatever went wrong, none of it may stay.
    throw failedWrite(tx, e, `${digests.length} digests`);
  }
}

/** Any readwrite transaction that includes the record stores and meta. */
export type RecordTx = IDBPTransaction<DigestLensDB, StoreNames<DigestLensDB>[], 'readwrite'>;

/** What a BufferedRecordStore holds, as the search index's writer asks for it. */
function knownFrom(store: BufferedRecordStore): KnownRecords {
  return {
    record: (ref) => (ref.startsWith('p ') ? store.known(ref.slice(2)) : store.knownDigest(ref.slice(2))),
    fresh: (ref) => (ref.startsWith('p ') ? store.wasAbsent(ref.slice(2)) : store.wasAbsentDigest(ref.slice(2))),
  };
}

/**
 * Writes a digest's records and counters inside `tx`, awaiting only its requests, and re-indexes
 * what it touched for search when the transaction spans the search stores (RECORD_STORES). One
 * that does not leaves the index's stamp behind the counters, so search rebuilds it. Returns the
 * index's state (undefined without the search stores) for `mergeSoon` once the transaction is done.
 */
export async function putDigestInTx(tx: RecordTx, digest: Digest): Promise<{ report: WriteReport; search?: SearchStateRecord }> {
  const store = new BufferedRecordStore(tx);
  const withSearch = hasSearchStores(tx);
  // The index's state is read in the records' first wave: one round trip fewer.
  const stateRead = withSearch ? (tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>) : undefined;
  const { report, before, after, countersPut } = await putRecordsInTx(tx, digest, store);
  if (!stateRead) {
    await countersPut;
    return { report };
  }
  const [search] = await Promise.all([indexInTx(tx, report.touched, [digest.id], { before, after }, knownFrom(store), stateRead), countersPut]);
  return { report, search };
}

/**
 * The records and counters of one digest. The counters' put is issued, not awaited (`countersPut`):
 * later requests of the transaction see it all the same, and the caller awaits it with its own.
 */
async function putRecordsInTx(tx: RecordTx, digest: Digest, store: BufferedRecordStore): Promise<{ report: WriteReport; before: string; after: string; countersPut: Promise<unknown> }> {
  const meta = tx.objectStore('meta');
  const [counters] = await Promise.all([meta.get('counters') as Promise<CountersRecord | undefined>, store.prefetch(digest)]);
  const old = await store.getDigest(digest.id);
  const oldMentions = old ? old.paperKeys.length : 0;
  const report = await addDigest(store, digest);
  await store.flush();
  const written = store.knownDigest(digest.id);
  const c = counters ?? EMPTY_COUNTERS;
  const next: CountersRecord = {
    digests: c.digests + report.digestsAdded,
    papers: c.papers + report.papersAdded - report.papersRemoved,
    mentions: c.mentions - oldMentions + (written?.paperKeys.length ?? 0),
    updated: new Date().toISOString(),
  };
  const countersPut = meta.put(next, 'counters');
  // Awaited by the caller; a failure aborts the transaction, which the caller reports.
  countersPut.catch(() => undefined);
  return { report, before: stampOf(counters), after: stampOf(next), countersPut };
}

/**
 * Opens one transaction over `stores`, writes the digest and then whatever `also` adds (a sync
 * writes the raw post beside it), and commits all of it or nothing.
 */
export async function writeInOneTx(db: DB, stores: StoreNames<DigestLensDB>[], digest: Digest, also: (tx: RecordTx) => Promise<unknown>): Promise<WriteReport> {
  // A database of an older version (built by the migration tests) has no search stores to keep.
  const tx = db.transaction(stores.filter((s) => db.objectStoreNames.contains(s)), 'readwrite', RELAXED) as unknown as RecordTx;
  // On failure we abort and report the cause; the abort's own rejection is expected.
  tx.done.catch(() => undefined);
  try {
    const { report, search } = await putDigestInTx(tx, digest);
    await also(tx);
    await tx.done;
    void mergeSoon(db, search);
    return report;
  } catch (e) {
    // Whatever went wrong, none of this digest's records may stay.
    throw failedWrite(tx, e, `the digest "${digest.title}"`);
  }
}

export async function rememberArxivIdIn(db: DB, paperKey: string, arxivId: ArxivId): Promise<void> {
  const tx = db.transaction(RECORD_STORES, 'readwrite') as unknown as RecordTx;
  const before = await tx.objectStore('papers').get(arxivId);
  const moved = await assignArxivId(new TxRecordStore(tx), paperKey, arxivId);
  const meta = tx.objectStore('meta');
  const c = (await meta.get('counters')) as CountersRecord | undefined;
  let stamps: { before: string; after: string } | undefined;
  if (moved && before && paperKey !== arxivId) {
    // Two records became one.
    const next = { ...(c ?? EMPTY_COUNTERS), papers: (c ?? EMPTY_COUNTERS).papers - 1, updated: new Date().toISOString() };
    await meta.put(next, 'counters');
    stamps = { before: stampOf(c), after: stampOf(next) };
  } else stamps = { before: stampOf(c), after: stampOf(c) };
  // The paper now answers to its arXiv id: its search document moves with it.
  const state = moved ? await indexInTx(tx, [paperKey, arxivId], [], stamps) : undefined;
  await tx.done;
  void mergeSoon(db, state);
}
