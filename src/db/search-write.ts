/**
 * Keeping the search index in step with the records, inside the transaction that writes them
 * (docs/search.md): each touched paper or digest is re-indexed from its record (or dropped when it
 * is gone), and everything one write adds goes into ONE appended `pending` row — a 100-paper digest
 * touches ~800 terms, and a read-modify-write of each term's postings costs ~800 × 2 requests.
 * `mergePending` later folds the rows into the per-term `postings` in one transaction, where terms
 * shared by the merged writes are read and written once.
 */
import { digestDoc, paperDoc } from '../core/search/document.ts';
import { docInfo, docTerms, postingInfo } from '../core/search/terms.ts';
import type { IDBPTransaction, StoreNames } from 'idb';
import { issueAll, RELAXED } from './requests.ts';
import type { DigestRecord, PaperRecord } from '../core/index/types.ts';
import { EMPTY_STAMP, type CountersRecord, type DB, type DigestLensDB, type PendingRow, type SearchDocRow, type SearchStateRecord } from './schema.ts';

/** Documents per postings chunk: a merge rewrites only the chunks of the ids it touches. */
export const CHUNK = 2048;
export const SEARCH_STORES = ['searchDocs', 'postings', 'vocab', 'pending'] as const;
/** Terms are words and filter pseudo-terms: never a NUL. */
export const VOCAB_SEP = '\u0000';
export const vocabPart = (term: string): string => term.slice(0, 2);
/** A merge starts once this many rows, or this many pairs, wait in `pending`. */
export const MERGE_ROWS = 16;
export const MERGE_PAIRS = 100_000;

type Tx = IDBPTransaction<DigestLensDB, StoreNames<DigestLensDB>[], 'readwrite'>;

export const paperRef = (key: string): string => `p ${key}`;
export const digestRef = (id: string): string => `d ${id}`;
export const stampOf = (c: CountersRecord | undefined): string => c?.updated ?? EMPTY_STAMP;
export const NO_STAMP = 'none';
/** The index holds exactly what the records hold. */
export const agrees = (state: SearchStateRecord | undefined, counters: CountersRecord | undefined): boolean => (state?.stamp ?? NO_STAMP) === stampOf(counters);

export function hasSearchStores(tx: { objectStoreNames: DOMStringList }): boolean {
  return SEARCH_STORES.every((s) => tx.objectStoreNames.contains(s));
}

/**
 * Records the caller already holds (a BufferedRecordStore): `record` undefined means unknown (read
 * it), null means gone; `fresh` says the record did not exist before this transaction, so no
 * search document can hold its ref and none need be looked up.
 */
export interface KnownRecords {
  record(ref: string): PaperRecord | DigestRecord | null | undefined;
  fresh(ref: string): boolean;
}

function push<K, V>(m: Map<K, V[]>, k: K, ...xs: V[]): void {
  const list = m.get(k);
  if (list) list.push(...xs);
  else m.set(k, xs);
}

function columns(m: Map<string, number[]>): [string[], Uint32Array[]] {
  const terms = [...m.keys()].sort();
  return [terms, terms.map((t) => Uint32Array.from(m.get(t)!))];
}

/**
 * Re-indexes papers and digests by key. `stamps` moves the index's stamp from the counters'
 * value before this transaction's writes to the one after, but only when the index agreed before:
 * an index already behind stays behind until a rebuild catches it up. Returns the index's state.
 */
export async function indexInTx(tx: Tx, paperKeys: Iterable<string>, digestIds: Iterable<string>, stamps?: { before: string; after: string }, known?: KnownRecords): Promise<SearchStateRecord> {
  const docsStore = tx.objectStore('searchDocs');
  const meta = tx.objectStore('meta');
  const refs = [...new Set([...[...paperKeys].map(paperRef), ...[...digestIds].map(digestRef)])];
  const state = (await meta.get('search')) as SearchStateRecord | undefined;
  const agreed = stamps !== undefined && (state?.stamp ?? NO_STAMP) === stamps.before;
  // Only an index that agrees with the records is trusted to hold nothing for a fresh record.
  const [olds, records] = await Promise.all([
    Promise.all(refs.map((r) => (agreed && known?.fresh(r) ? undefined : docsStore.index('by-ref').get(r)))),
    Promise.all(
      refs.map((r) => {
        const k = known?.record(r);
        if (k !== undefined) return k ?? undefined;
        return r.startsWith('p ') ? tx.objectStore('papers').get(r.slice(2)) : tx.objectStore('digests').get(r.slice(2));
      }),
    ),
  ]);
  let nextId = state?.nextId ?? 0;
  const adds = new Map<string, number[]>();
  const drops = new Map<string, number[]>();
  const voided: number[] = [];
  let next: SearchStateRecord = { stamp: NO_STAMP, nextId: 0 };
  await issueAll((add) => {
    refs.forEach((ref, i) => {
      const old = olds[i];
      const record = records[i];
      if (old) {
        voided.push(old.id);
        for (const term of docTerms(old.doc).keys()) push(drops, term, old.id);
      }
      if (!record) {
        if (old) add(docsStore.delete(old.id));
        return;
      }
      const doc = ref.startsWith('p ') ? paperDoc(record as PaperRecord) : digestDoc(record as DigestRecord);
      const id = old?.id ?? nextId++;
      const info = docInfo(doc);
      for (const [term, mask] of docTerms(doc)) push(adds, term, id, postingInfo(mask, info));
      add(docsStore.put({ id, ref, doc } satisfies SearchDocRow));
    });

    next = { ...state, stamp: agreed ? stamps.after : (state?.stamp ?? NO_STAMP), nextId };
    if (adds.size || voided.length) {
      const [terms, lists] = columns(adds);
      const [dropTerms, dropLists] = columns(drops);
      const seq = state?.nextSeq ?? 0;
      add(tx.objectStore('pending').put({ terms, lists, voided: Uint32Array.from(voided), dropTerms, dropLists } satisfies PendingRow, seq));
      const pairs = lists.reduce((n, l) => n + l.length / 2, 0);
      next = { ...next, nextSeq: seq + 1, pendingRows: (state?.pendingRows ?? 0) + 1, pendingPairs: (state?.pendingPairs ?? 0) + pairs };
    }
    add(meta.put(next, 'search'));
  });
  return next;
}

/** True when enough waits in `pending` for a merge to pay. */
export const wantsMerge = (s: SearchStateRecord | undefined): boolean => (s?.pendingRows ?? 0) >= MERGE_ROWS || (s?.pendingPairs ?? 0) >= MERGE_PAIRS;

/** A chunk without the dropped ids, with the added pairs after: typed arrays, no per-entry allocation. */
function merged(before: Uint32Array | undefined, drop: ReadonlySet<number>, add: ReadonlyMap<number, number>): Uint32Array {
  const out = new Uint32Array((before?.length ?? 0) + add.size * 2);
  let n = 0;
  if (before) {
    for (let j = 0; j < before.length; j += 2) {
      if (drop.has(before[j]!) || add.has(before[j]!)) continue;
      out[n++] = before[j]!;
      out[n++] = before[j + 1]!;
    }
  }
  for (const [id, info] of add) {
    out[n++] = id;
    out[n++] = info;
  }
  return n === out.length ? out : out.slice(0, n);
}

interface ChunkEdit {
  readonly term: string;
  readonly chunk: number;
  readonly drop: Set<number>;
  readonly add: Map<number, number>;
}

/**
 * Folds every `pending` row into `postings` (and new terms into `vocab`) in one transaction:
 * rows in order, each row's drops applied before its adds. Search answers the same before and
 * after; only `main` moves on, so readers refresh their caches. Returns how many rows it merged.
 */
export async function mergePending(db: DB): Promise<number> {
  const tx = db.transaction(['postings', 'pending', 'vocab', 'meta'], 'readwrite', RELAXED);
  const pending = tx.objectStore('pending');
  const [state, keys, rows] = await Promise.all([tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>, pending.getAllKeys(), pending.getAll()]);
  if (rows.length === 0) {
    await tx.done;
    return 0;
  }
  const edits = new Map<string, ChunkEdit>();
  const edit = (term: string, id: number): ChunkEdit => {
    const chunk = Math.floor(id / CHUNK);
    const k = `${term}\u0000${chunk}`;
    let e = edits.get(k);
    if (!e) edits.set(k, (e = { term, chunk, drop: new Set(), add: new Map() }));
    return e;
  };
  for (const row of rows) {
    row.dropTerms.forEach((term, i) => {
      for (const id of row.dropLists[i]!) {
        const e = edit(term, id);
        e.drop.add(id);
        e.add.delete(id);
      }
    });
    row.terms.forEach((term, i) => {
      const list = row.lists[i]!;
      for (let j = 0; j < list.length; j += 2) edit(term, list[j]!).add.set(list[j]!, list[j + 1]!);
    });
  }
  const postings = tx.objectStore('postings');
  const list = [...edits.values()];
  const chunks = await Promise.all(list.map((e) => postings.get([e.term, e.chunk])));
  const vocab = tx.objectStore('vocab');
  // Terms that had no chunk before may be new: their vocabulary rows are read and rewritten.
  const fresh = new Map<string, string[]>();
  list.forEach((e, i) => {
    if (!chunks[i] && e.add.size) push(fresh, vocabPart(e.term), e.term);
  });
  const parts = [...fresh.keys()];
  const rowsBefore = await Promise.all(parts.map((p) => vocab.get(p)));
  await issueAll((add) => {
    list.forEach((e, i) => {
      const before = chunks[i];
      const next = merged(before, e.drop, e.add);
      if (next.length) add(postings.put(next, [e.term, e.chunk]));
      else if (before) add(postings.delete([e.term, e.chunk]));
    });
    // Vocabulary entries are only removed by a rebuild.
    parts.forEach((p, i) => {
      const old = rowsBefore[i] ? rowsBefore[i]!.split(VOCAB_SEP) : [];
      const terms = [...new Set([...old, ...fresh.get(p)!])].sort();
      if (terms.length !== old.length) add(vocab.put(terms.join(VOCAB_SEP), p));
    });
    add(pending.delete(IDBKeyRange.upperBound(keys.at(-1)!)));
    // Nothing else writes `pending` or `meta` while this transaction runs: nothing is left.
    add(tx.objectStore('meta').put({ ...(state ?? { stamp: NO_STAMP, nextId: 0 }), pendingRows: 0, pendingPairs: 0, main: (state?.main ?? 0) + 1 }, 'search'));
  });
  await tx.done;
  return rows.length;
}

let merging: Promise<void> | undefined;

/**
 * After a write: merges in the background when enough is pending (one merge at a time per
 * context). A merge cut short by a stopped worker changes nothing; the next write retries it.
 */
export function mergeSoon(db: DB, state: SearchStateRecord | undefined): Promise<void> {
  if (!wantsMerge(state) || merging) return merging ?? Promise.resolve();
  merging = mergePending(db)
    .then(() => undefined)
    .catch((e: unknown) => {
      // A database closed under it (a test's teardown, a reset) is not worth a report.
      if ((e as { name?: string })?.name !== 'InvalidStateError') console.warn('Digest Lens: merging the search index failed; it is retried after the next write', e);
    })
    .finally(() => (merging = undefined));
  return merging;
}
