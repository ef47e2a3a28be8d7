import { addDigest, assignArxivId } from '../core/index/add-digest.ts';
import type { WriteReport } from '../core/index/types.ts';
import type { Digest } from '../core/digest/types.ts';
import type { ArxivId } from '../core/ids/arxiv-id.ts';
import { failedWrite } from './errors.ts';
import { BufferedRecordStore } from './record-store.ts';
import { issueAll, RELAXED } from './requests.ts';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { CountersRecord, DB, DigestLensDB, SearchStateRecord } from './schema.ts';
import { hasSearchStores, isPaperRef, mergeSoon, planIndex, SEARCH_STORES, stampOf, type KnownRecords } from './search-write.ts';

export const EMPTY_COUNTERS: CountersRecord = { digests: 0, papers: 0, mentions: 0 };

/**
 * Where this context's single-digest writes spent their time, summed (the benchmark reports it):
 * reading and building the records in memory, planning the search index, and the one wave of
 * writes with the commit.
 */
export const writeStats = { writes: 0, recordsMs: 0, indexMs: 0, writeMs: 0 };

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
 * records digest by digest in memory, then the search index once for everything they touched,
 * and every write in one wave.
 */
export async function writeDigestsTo(db: DB, digests: readonly Digest[]): Promise<WriteReport[]> {
  const tx = db.transaction(RECORD_STORES, 'readwrite', RELAXED) as unknown as RecordTx;
  tx.done.catch(() => undefined);
  try {
    const reports: WriteReport[] = [];
    const store = new BufferedRecordStore(tx);
    const stateRead = tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>;
    let before: string | undefined;
    let after = '';
    let countersPut: Promise<unknown> | undefined;
    for (const d of digests) {
      // Each digest's counters read comes after the last one's put: it sees that value.
      const r = await putRecordsInTx(tx, d, store);
      before ??= r.before;
      after = r.after;
      reports.push(r.report);
      countersPut = r.countersPut;
    }
    const state = before === undefined ? undefined : (await writeIndexedRecords(tx, store, { before, after }, stateRead, countersPut)).state;
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

/** What a BufferedRecordStore holds, as the search index's planner asks for it. */
function knownFrom(store: BufferedRecordStore): KnownRecords {
  return {
    original: (ref) => (isPaperRef(ref) ? store.original(ref.slice(2)) : store.originalDigest(ref.slice(2))),
    record: (ref) => (isPaperRef(ref) ? store.known(ref.slice(2)) : store.knownDigest(ref.slice(2))),
  };
}

/**
 * Indexes every record `store` will write, gives them their search ids, and writes records, index
 * and counters (`countersPut`, already issued) in one wave. Returns the index's state, and when
 * its plan was made (writeStats).
 */
async function writeIndexedRecords(tx: RecordTx, store: BufferedRecordStore, stamps: { before: string; after: string }, stateRead: Promise<SearchStateRecord | undefined>, countersPut: Promise<unknown> | undefined): Promise<{ state: SearchStateRecord; plannedAt: number }> {
  const { papers, digests } = store.dirty();
  const plan = await planIndex(tx, papers, digests, stamps, knownFrom(store), stateRead);
  store.restamp(plan.records);
  const plannedAt = performance.now();
  await Promise.all([store.flush(), issueAll(plan.issue), countersPut]);
  return { state: plan.state, plannedAt };
}

/**
 * Writes a digest's records and counters inside `tx`, awaiting only its requests, and re-indexes
 * what it wrote for search when the transaction spans the search stores (RECORD_STORES). One that
 * does not leaves the index's stamp behind the counters, so search rebuilds it. Returns the
 * index's state (undefined without the search stores) for `mergeSoon` once the transaction is done.
 */
export async function putDigestInTx(tx: RecordTx, digest: Digest): Promise<{ report: WriteReport; search?: SearchStateRecord; planned?: { records: number; index: number } }> {
  const store = new BufferedRecordStore(tx);
  // The index's state is read in the records' first wave: one round trip fewer.
  const stateRead = hasSearchStores(tx) ? (tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>) : undefined;
  const { report, before, after, countersPut } = await putRecordsInTx(tx, digest, store);
  if (!stateRead) {
    await Promise.all([store.flush(), countersPut]);
    return { report };
  }
  const built = performance.now();
  const { state, plannedAt } = await writeIndexedRecords(tx, store, { before, after }, stateRead, countersPut);
  return { report, search: state, planned: { records: built, index: plannedAt } };
}

/**
 * The records of one digest, built in `store` (written by its flush), and the counters, whose put
 * is issued, not awaited (`countersPut`): later requests of the transaction see it all the same,
 * and the caller awaits it with its own.
 */
async function putRecordsInTx(tx: RecordTx, digest: Digest, store: BufferedRecordStore): Promise<{ report: WriteReport; before: string; after: string; countersPut: Promise<unknown> }> {
  const meta = tx.objectStore('meta');
  const [counters] = await Promise.all([meta.get('counters') as Promise<CountersRecord | undefined>, store.prefetch(digest)]);
  const old = await store.getDigest(digest.id);
  const oldMentions = old ? old.paperKeys.length : 0;
  const report = await addDigest(store, digest);
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
  const t0 = performance.now();
  // A database of an older version (built by the migration tests) has no search stores to keep.
  const tx = db.transaction(stores.filter((s) => db.objectStoreNames.contains(s)), 'readwrite', RELAXED) as unknown as RecordTx;
  // On failure we abort and report the cause; the abort's own rejection is expected.
  tx.done.catch(() => undefined);
  try {
    const { report, search, planned } = await putDigestInTx(tx, digest);
    await also(tx);
    await tx.done;
    const t3 = performance.now();
    if (planned) {
      writeStats.writes++;
      writeStats.recordsMs += planned.records - t0;
      writeStats.indexMs += planned.index - planned.records;
      writeStats.writeMs += t3 - planned.index;
    }
    void mergeSoon(db, search);
    return report;
  } catch (e) {
    // Whatever went wrong, none of this digest's records may stay.
    throw failedWrite(tx, e, `the digest "${digest.title}"`);
  }
}

/**
 * One transaction over the record stores (and `extra` stores) for an edit outside a digest write:
 * `change` edits records through a BufferedRecordStore and returns the counters' new value
 * (undefined: unchanged). What it changed is indexed and written in one wave, or nothing is.
 */
export async function changeRecordsIn(db: DB, what: string, change: (store: BufferedRecordStore, counters: CountersRecord | undefined, tx: RecordTx) => Promise<CountersRecord | undefined>, extra: StoreNames<DigestLensDB>[] = []): Promise<void> {
  const tx = db.transaction([...RECORD_STORES, ...extra], 'readwrite') as unknown as RecordTx;
  tx.done.catch(() => undefined);
  try {
    const store = new BufferedRecordStore(tx);
    const meta = tx.objectStore('meta');
    const stateRead = meta.get('search') as Promise<SearchStateRecord | undefined>;
    const counters = (await meta.get('counters')) as CountersRecord | undefined;
    const next = await change(store, counters, tx);
    const { papers, digests } = store.dirty();
    // Nothing changed (an arXiv id already known): nothing to write, the index's state included.
    if (!next && papers.length === 0 && digests.length === 0) {
      await tx.done;
      return;
    }
    const countersPut = next && meta.put(next, 'counters');
    const { state } = await writeIndexedRecords(tx, store, { before: stampOf(counters), after: stampOf(next ?? counters) }, stateRead, countersPut);
    await tx.done;
    void mergeSoon(db, state);
  } catch (e) {
    throw failedWrite(tx, e, what);
  }
}

export async function rememberArxivIdIn(db: DB, paperKey: string, arxivId: ArxivId): Promise<void> {
  await changeRecordsIn(db, `the arXiv id ${arxivId}`, async (store, c) => {
    const before = await store.getPaper(arxivId);
    const moved = await assignArxivId(store, paperKey, arxivId);
    // Two records became one. (Moved or not, the paper's search document follows what it wrote.)
    return moved && before && paperKey !== arxivId ? { ...(c ?? EMPTY_COUNTERS), papers: (c ?? EMPTY_COUNTERS).papers - 1, updated: new Date().toISOString() } : undefined;
  });
}
