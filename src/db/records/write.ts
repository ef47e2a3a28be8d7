import type { StoreNames } from 'idb';
import type { Digest } from '../../core/digest/types.ts';
import type { ArxivId } from '../../core/ids/arxiv-id.ts';
import { addDigest, assignArxivId } from '../../core/index/add-digest.ts';
import type { WriteReport } from '../../core/index/types.ts';
import { type CountersRecord, type DB, type DigestLensDB, nextUpdated, type SearchStateRecord, stampOf } from '../schema.ts';
import { hasSearchStores, isPaperRef, type KnownRecords, mergeSoon, planIndex, WRITE_SEARCH_STORES } from '../search/index.ts';
import { issueAll, RELAXED, type RecordTx } from '../tx.ts';
import { type AliasWrite, digestAlias, openAliases, paperAliases, rebuildAliasFilter } from './alias-filter.ts';
import { failedWrite } from './errors.ts';
import { BufferedRecordStore } from './record-store.ts';

export const EMPTY_COUNTERS: CountersRecord = { digests: 0, papers: 0, mentions: 0 };

/** The counters after a write that changed what `report` says. */
export function countersAfter(c: CountersRecord | undefined, report: WriteReport): CountersRecord {
  const was = c ?? EMPTY_COUNTERS;
  return {
    digests: was.digests + report.digestsAdded,
    papers: was.papers + report.papersAdded - report.papersRemoved,
    mentions: was.mentions + report.mentionsDelta,
    updated: nextUpdated(c),
  };
}

/**
 * Where this context's single-digest writes spent their time, summed (the benchmark reports it):
 * reading and building the records in memory, planning the search index, and the one wave of
 * writes with the commit.
 */
export const writeStats = { writes: 0, recordsMs: 0, indexMs: 0, writeMs: 0 };

/**
 * The stores a digest write touches: records, counters and what the search index takes from a
 * write (kept in step). Not the merged postings: a merge reads those while writes go on.
 */
export const RECORD_STORES: StoreNames<DigestLensDB>[] = ['digests', 'papers', 'meta', ...WRITE_SEARCH_STORES, 'aliases'];

/**
 * Writes one digest and all its records in one transaction, with the counters beside them, so
 * nothing on a hot path ever has to count(). A failure aborts the whole digest.
 */
export async function writeDigestTo(db: DB, digest: Digest): Promise<WriteReport> {
  return writeInOneTx(db, RECORD_STORES, digest, async () => undefined);
}

/**
 * Writes several digests in one transaction (tests and the storage estimate fill a database with
 * it; the extension writes a digest a transaction, so a keystroke never waits behind several):
 * records digest by digest in memory, then the search index once for everything they touched,
 * and every write in one wave.
 */
export async function writeDigestsTo(db: DB, digests: readonly Digest[]): Promise<WriteReport[]> {
  const tx = db.transaction(RECORD_STORES, 'readwrite', RELAXED);
  tx.done.catch(() => undefined);
  try {
    const reports: WriteReport[] = [];
    const store = new BufferedRecordStore(tx);
    const stateRead = tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>;
    let before: string | undefined;
    let after = '';
    let countersPut: Promise<unknown> | undefined;
    let aliases: AliasWrite | undefined;
    for (const d of digests) {
      // Each digest's counters read comes after the last one's put: it sees that value.
      const r = await putRecordsInTx(tx, d, store, aliases);
      aliases = r.aliases;
      before ??= r.before;
      after = r.after;
      reports.push(r.report);
      countersPut = r.countersPut;
    }
    const state = before === undefined ? undefined : (await writeIndexedRecords(tx, store, { before, after }, stateRead, countersPut, aliases)).state;
    await tx.done;
    afterWrite(db, state, aliases);
    return reports;
  } catch (e) {
    // Whatever went wrong, none of it may stay.
    throw failedWrite(tx, e, `${digests.length} digests`);
  }
}

/** What a BufferedRecordStore holds, as the search index's planner asks for it. */
function knownFrom(store: BufferedRecordStore): KnownRecords {
  return {
    original: (ref) => (isPaperRef(ref) ? store.original(ref.slice(2)) : store.originalDigest(ref.slice(2))),
    record: (ref) => (isPaperRef(ref) ? store.known(ref.slice(2)) : store.knownDigest(ref.slice(2))),
  };
}

/**
 * Indexes every record `store` will write, gives them their search ids, and writes records, index
 * and counters (`countersPut`, already issued) in one wave: the records' puts are issued first, so
 * IndexedDB writes them while the search documents and their terms are built. Returns the index's
 * state, and when the records' ids were known (writeStats).
 */
async function writeIndexedRecords(
  tx: RecordTx,
  store: BufferedRecordStore,
  stamps: { before: string; after: string },
  stateRead: Promise<SearchStateRecord | undefined>,
  countersPut: Promise<unknown> | undefined,
  aliases: AliasWrite | undefined,
): Promise<{ state: SearchStateRecord; plannedAt: number }> {
  const { papers, digests } = store.dirty();
  const plan = await planIndex(tx, papers, digests, stamps, knownFrom(store), stateRead);
  store.restamp(plan.records);
  const plannedAt = performance.now();
  const flushed = store.flush();
  const indexed = issueAll((add) => {
    const state = plan.finish(add);
    // What the alias filter gains: every value the written records can be looked up by.
    const written = [
      ...papers.flatMap((k) => {
        const p = store.known(k);
        return p ? paperAliases(p) : [];
      }),
      ...digests.filter((id) => store.knownDigest(id)).map(digestAlias),
    ];
    aliases?.finish(add, written, stamps);
    return state;
  });
  const [, state] = await Promise.all([flushed, indexed, countersPut]);
  return { state, plannedAt };
}

/** Once a write committed: merge the search index when due; rebuild the alias filter when it did not agree. */
function afterWrite(db: DB, state: SearchStateRecord | undefined, aliases: AliasWrite | undefined): void {
  void mergeSoon(db, state);
  if (aliases?.stale) void rebuildAliasFilter(db).catch((e: unknown) => console.warn('Digest Lens: could not rebuild the alias filter', e));
}

/**
 * Writes a digest's records and counters inside `tx`, awaiting only its requests, and re-indexes
 * what it wrote for search when the transaction spans the search stores (RECORD_STORES). One that
 * does not leaves the index's stamp behind the counters, so search rebuilds it. Returns the
 * index's state (undefined without the search stores) for `mergeSoon` once the transaction is done.
 */
export async function putDigestInTx(
  tx: RecordTx,
  digest: Digest,
): Promise<{ report: WriteReport; search?: SearchStateRecord; aliases?: AliasWrite; planned?: { records: number; index: number } }> {
  const store = new BufferedRecordStore(tx);
  // The index's state is read in the records' first wave: one round trip fewer.
  const stateRead = hasSearchStores(tx) ? (tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>) : undefined;
  const { report, before, after, countersPut, aliases } = await putRecordsInTx(tx, digest, store);
  if (!stateRead) {
    await Promise.all([store.flush(), countersPut]);
    return { report };
  }
  const built = performance.now();
  const { state, plannedAt } = await writeIndexedRecords(tx, store, { before, after }, stateRead, countersPut, aliases);
  return { report, search: state, aliases, planned: { records: built, index: plannedAt } };
}

/**
 * The records of one digest, built in `store` (written by its flush), and the counters, whose put
 * is issued, not awaited (`countersPut`): later requests of the transaction see it all the same,
 * and the caller awaits it with its own.
 */
async function putRecordsInTx(
  tx: RecordTx,
  digest: Digest,
  store: BufferedRecordStore,
  opened?: AliasWrite,
): Promise<{ report: WriteReport; before: string; after: string; countersPut: Promise<unknown>; aliases: AliasWrite }> {
  const meta = tx.objectStore('meta');
  const countersRead = meta.get('counters') as Promise<CountersRecord | undefined>;
  // The first digest of a transaction learns whether the alias filter holds every stored value;
  // the later ones use the same answer (their own store knows what the earlier ones wrote).
  const aliases = opened ?? (await openAliases(tx, countersRead));
  const [counters] = await Promise.all([countersRead, store.prefetch(digest, aliases.absent)]);
  const report = await addDigest(store, digest);
  const next = countersAfter(counters, report);
  const countersPut = meta.put(next, 'counters');
  // Awaited by the caller; a failure aborts the transaction, which the caller reports.
  countersPut.catch(() => undefined);
  return { report, before: stampOf(counters), after: stampOf(next), countersPut, aliases };
}

/**
 * Opens one transaction over `stores`, writes the digest and then whatever `also` adds (a sync
 * writes the raw post beside it), and commits all of it or nothing.
 */
export async function writeInOneTx(db: DB, stores: StoreNames<DigestLensDB>[], digest: Digest, also: (tx: RecordTx) => Promise<unknown>): Promise<WriteReport> {
  const t0 = performance.now();
  // A database of an older version (built by the migration tests) has no search stores to keep.
  const tx = db.transaction(
    stores.filter((s) => db.objectStoreNames.contains(s)),
    'readwrite',
    RELAXED,
  );
  // On failure we abort and report the cause; the abort's own rejection is expected.
  tx.done.catch(() => undefined);
  try {
    const { report, search, aliases, planned } = await putDigestInTx(tx, digest);
    await also(tx);
    await tx.done;
    const t3 = performance.now();
    if (planned) {
      writeStats.writes++;
      writeStats.recordsMs += planned.records - t0;
      writeStats.indexMs += planned.index - planned.records;
      writeStats.writeMs += t3 - planned.index;
    }
    afterWrite(db, search, aliases);
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
export async function changeRecordsIn(
  db: DB,
  what: string,
  change: (store: BufferedRecordStore, counters: CountersRecord | undefined, tx: RecordTx) => Promise<CountersRecord | undefined>,
  extra: StoreNames<DigestLensDB>[] = [],
): Promise<void> {
  const tx = db.transaction([...RECORD_STORES, ...extra], 'readwrite');
  tx.done.catch(() => undefined);
  try {
    const store = new BufferedRecordStore(tx);
    const meta = tx.objectStore('meta');
    const stateRead = meta.get('search') as Promise<SearchStateRecord | undefined>;
    const countersRead = meta.get('counters') as Promise<CountersRecord | undefined>;
    // Its reads are few: the filter's state is read (to keep it), the filter itself is not loaded.
    const [counters, aliases] = await Promise.all([countersRead, openAliases(tx, countersRead, false)]);
    const next = await change(store, counters, tx);
    const { papers, digests } = store.dirty();
    // Nothing changed (an arXiv id already known): nothing to write, the index's state included.
    if (!next && papers.length === 0 && digests.length === 0) {
      await tx.done;
      return;
    }
    const countersPut = next && meta.put(next, 'counters');
    const { state } = await writeIndexedRecords(tx, store, { before: stampOf(counters), after: stampOf(next ?? counters) }, stateRead, countersPut, aliases);
    await tx.done;
    afterWrite(db, state, aliases);
  } catch (e) {
    throw failedWrite(tx, e, what);
  }
}

export async function rememberArxivIdIn(db: DB, paperKey: string, arxivId: ArxivId): Promise<void> {
  await changeRecordsIn(db, `the arXiv id ${arxivId}`, async (store, c) => {
    const before = await store.getPaper(arxivId);
    const moved = await assignArxivId(store, paperKey, arxivId);
    // Two records became one. (Moved or not, the paper's search document follows what it wrote.)
    return moved && before && paperKey !== arxivId
      ? { ...(c ?? EMPTY_COUNTERS), papers: (c ?? EMPTY_COUNTERS).papers - 1, updated: nextUpdated(c) }
      : undefined;
  });
}
