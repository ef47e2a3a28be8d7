/**
 * Keeping the search index in step with the records, inside the transaction that writes them
 * (docs/search.md): each touched paper or digest is re-indexed from its record (or dropped when it
 * is gone), and everything one write adds goes into ONE appended `pending` row — a 100-paper digest
 * touches ~800 terms, and a read-modify-write of each term's postings costs ~800 × 2 requests.
 * `mergePending` later appends the rows to the per-term `postings` in one transaction.
 *
 * Postings only ever grow at their end: a document that changes gets a new id and its old id is
 * voided (listed under VOID_TERM), never removed from the lists that hold it. So a merge rewrites
 * only the last chunk of each term it adds to, whatever older documents a write re-indexed.
 */

import type { IDBPTransaction, StoreNames } from 'idb';
import type { DigestRecord, PaperRecord } from '../core/index/types.ts';
import { digestDoc, paperDoc } from '../core/search/document.ts';
import { appendPairs, packPairs, unpackIds } from '../core/search/postings-codec.ts';
import { docInfo, docTerms, infoIsPaper, postingInfo, relatableWord } from '../core/search/terms.ts';
import { issueAll, RELAXED } from './requests.ts';
import { type CountersRecord, type DB, type DigestLensDB, EMPTY_STAMP, type PendingRow, type SearchDocRow, type SearchStateRecord } from './schema.ts';

/** Document ids per postings chunk: a merge rewrites only a term's last chunk (or two); stored packed (src/core/search/postings-codec.ts), a full chunk is 4–8 KB. */
export const CHUNK = 4096;
export const SEARCH_STORES = ['docPages', 'postings', 'vocab', 'pending', 'termCounts'] as const;
/** Documents per page at most (`docPages`); a page never spans a multiple of it. */
export const DOC_PAGE = 8;

/** Documents of consecutive ids (as one write makes them) cut into pages at every multiple of DOC_PAGE. */
export function docPagesOf(docs: readonly SearchDocRow[]): SearchDocRow[][] {
  const pages: SearchDocRow[][] = [];
  for (const d of docs) {
    const last = pages.at(-1);
    if (last && d.id === last.at(-1)!.id + 1 && d.id % DOC_PAGE !== 0) last.push(d);
    else pages.push([d]);
  }
  return pages;
}

/**
 * The documents of `ids` (undefined: none stored), one `getAll` per page asked for: the page
 * holding id n starts between n − n % DOC_PAGE and n.
 */
export async function readDocs(
  store: { getAll(range: IDBKeyRange): Promise<SearchDocRow[][]> },
  ids: readonly number[],
): Promise<(SearchDocRow | undefined)[]> {
  const pages = new Map<number, number>();
  for (const id of ids) {
    const start = id - (id % DOC_PAGE);
    pages.set(start, Math.max(pages.get(start) ?? id, id));
  }
  const found = new Map<number, SearchDocRow>();
  const read = await Promise.all([...pages].map(([start, last]) => store.getAll(IDBKeyRange.bound(start, last))));
  for (const rows of read) for (const row of rows) for (const d of row) found.set(d.id, d);
  return ids.map((id) => found.get(id));
}
/** Terms are words and filter pseudo-terms: never a NUL. */
export const VOCAB_SEP = '\u0000';
export const vocabPart = (term: string): string => term.slice(0, 2);
/** The postings "term" listing void ids (pairs id, 0): NUL-led, so no word or filter, never in `vocab`. */
export const VOID_TERM = `${VOCAB_SEP}void`;
/**
 * A merge starts once this many rows, or this many pairs, wait in `pending`. A merge costs about
 * one request per distinct term it adds to, so bigger merges share the common terms' writes; a
 * query reads pending rows it has not seen once each.
 */
export const MERGE_ROWS = 16;
export const MERGE_PAIRS = 400_000;

type Tx = IDBPTransaction<DigestLensDB, StoreNames<DigestLensDB>[], 'readwrite'>;

export const paperRef = (key: string): string => `p ${key}`;
export const digestRef = (id: string): string => `d ${id}`;
export const stampOf = (c: CountersRecord | undefined): string => c?.updated ?? EMPTY_STAMP;
export const NO_STAMP = 'none';
/**
 * The state of an index emptied to start again (a rebuild, clearing the data): a new `epoch` whose
 * ids start above every earlier one, and `main` moves on, so no context keeps answering from what it cached.
 */
export const restarted = (old: SearchStateRecord | undefined, stamp: string): SearchStateRecord => ({
  stamp,
  // Ids go on from the last index's: a record's id from before stays below firstId (stale).
  nextId: old?.nextId ?? 0,
  firstId: old?.nextId ?? 0,
  nextSeq: 0,
  pendingRows: 0,
  pendingPairs: 0,
  main: (old?.main ?? 0) + 1,
  epoch: (old?.epoch ?? 0) + 1,
});

/** The index holds exactly what the records hold. */
export const agrees = (state: SearchStateRecord | undefined, counters: CountersRecord | undefined): boolean => (state?.stamp ?? NO_STAMP) === stampOf(counters);

export function hasSearchStores(tx: { objectStoreNames: DOMStringList }): boolean {
  return SEARCH_STORES.every((s) => tx.objectStoreNames.contains(s));
}

type IndexedRecord = PaperRecord | DigestRecord;

/**
 * Records the caller already holds (a BufferedRecordStore). `original`: the record as the database
 * held it when this transaction began (null: absent; undefined: not known, so it is read — the
 * caller writes its records only after indexing them, so the store still holds that). `record`: as
 * this transaction will write it (null: gone; undefined: unchanged).
 */
export interface KnownRecords {
  original(ref: string): IndexedRecord | null | undefined;
  record(ref: string): IndexedRecord | null | undefined;
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

/** Same words in the same fields, same filters and posting info: re-indexing would change nothing. */
function sameDoc(a: SearchDocRow['doc'], b: SearchDocRow['doc']): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export const isPaperRef = (ref: string): boolean => ref.startsWith('p ');
const docOf = (ref: string, r: IndexedRecord) => (isPaperRef(ref) ? paperDoc(r as PaperRecord) : digestDoc(r as DigestRecord));

/** A record carrying `id` as its search document's (or none). */
export function withSearchId<R extends IndexedRecord>(r: R, id: number | undefined): R {
  if (id !== undefined) return { ...r, searchId: id };
  const { searchId: _, ...rest } = r;
  return rest as R;
}

/**
 * What indexing some records changes, in two steps so the records' puts can run while the rest is
 * built: `records` first (the caller writes them with its own), then `finish`, which builds the new
 * documents and their terms, issues the documents, the pending row and the state (without
 * awaiting them), and returns the index's state once this transaction commits.
 */
export interface IndexPlan {
  /** ref → its record with the id of its new search document (or none): to be written by the caller. */
  readonly records: ReadonlyMap<string, IndexedRecord>;
  finish(add: (request: Promise<unknown>) => void): SearchStateRecord;
}

/**
 * Plans re-indexing papers and digests by key, before their records are written: each record's
 * document is found through the id it carries (`searchId`), and compared with what the record now
 * makes; a changed document gets a new id, and the record the new id. `stamps` moves the index's
 * stamp from the counters' value before this transaction's writes to the one after, but only when
 * the index agreed before: an index already behind stays behind until a rebuild catches it up.
 * Such an index's documents are read to be checked; one that agrees holds exactly what each
 * original record makes, so nothing is read. `stateRead`: the index's state, read earlier in this
 * transaction (nothing may have written it since).
 */
export async function planIndex(
  tx: Tx,
  paperKeys: Iterable<string>,
  digestIds: Iterable<string>,
  stamps?: { before: string; after: string },
  known?: KnownRecords,
  stateRead?: Promise<SearchStateRecord | undefined>,
): Promise<IndexPlan> {
  const docsStore = tx.objectStore('docPages');
  const meta = tx.objectStore('meta');
  const refs = [...new Set([...[...paperKeys].map(paperRef), ...[...digestIds].map(digestRef)])];
  const stored = (ref: string) =>
    (isPaperRef(ref) ? tx.objectStore('papers').get(ref.slice(2)) : tx.objectStore('digests').get(ref.slice(2))) as Promise<IndexedRecord | undefined>;
  const [state, originals] = await Promise.all([
    // The caller may have read the state already, in its first wave of reads (this transaction's).
    stateRead ?? (meta.get('search') as Promise<SearchStateRecord | undefined>),
    Promise.all(
      refs.map((r) => {
        const o = known?.original(r);
        return o === undefined ? stored(r) : (o ?? undefined);
      }),
    ),
  ]);
  const agreed = stamps !== undefined && (state?.stamp ?? NO_STAMP) === stamps.before;
  const firstId = state?.firstId ?? 0;
  let nextId = state?.nextId ?? 0;
  // An id below firstId is one of an index since cleared (a rebuild): nothing holds it any more.
  const oldIds = originals.map((o) => (o?.searchId !== undefined && o.searchId >= firstId && o.searchId < nextId ? o.searchId : undefined));
  // An index that agrees holds, under each original's id, the document that record makes. One
  // behind (a rebuild running) is read, and a document of another ref is not this record's.
  const checked = agreed ? undefined : await readOld(docsStore, oldIds);
  const voided: number[] = [];
  // Documents to make: a record new to the index has its document built only in `finish`.
  const made: { id: number; ref: string; record: IndexedRecord; doc: SearchDocRow['doc'] | undefined }[] = [];
  const records = new Map<string, IndexedRecord>();
  refs.forEach((ref, i) => {
    const original = originals[i];
    const k = known?.record(ref);
    const record = k === undefined ? original : (k ?? undefined);
    let oldId = oldIds[i];
    const oldDoc = oldId === undefined ? undefined : checked ? (checked[i]?.ref === ref ? checked[i]!.doc : undefined) : docOf(ref, original!);
    if (!oldDoc) oldId = undefined;
    const doc = record && oldId !== undefined ? docOf(ref, record) : undefined;
    let id: number | undefined;
    if (oldId !== undefined && doc && sameDoc(oldDoc!, doc)) id = oldId;
    else {
      if (oldId !== undefined) voided.push(oldId);
      // Ids are never reused: a voided id stays void, whatever lists still hold it.
      if (record) made.push({ id: (id = nextId++), ref, record, doc });
    }
    if (record && record.searchId !== id) records.set(ref, withSearchId(record, id));
  });

  const kept: SearchStateRecord = { ...state, stamp: agreed ? stamps.after : (state?.stamp ?? NO_STAMP), nextId };
  const seq = state?.nextSeq ?? 0;
  return {
    records,
    finish(add) {
      const adds = new Map<string, number[]>();
      const documents: SearchDocRow[] = [];
      for (const { id, ref, record, doc = docOf(ref, record) } of made) {
        const info = docInfo(doc);
        for (const [term, mask] of docTerms(doc)) push(adds, term, id, postingInfo(mask, info));
        documents.push({ id, ref, doc });
      }
      const [terms, lists] = columns(adds);
      // Everything this write adds, as one pending row (none when it changes no document).
      const row: PendingRow | undefined = adds.size || voided.length ? { terms, lists, voided: Uint32Array.from(voided) } : undefined;
      const pairs = lists.reduce((n, l) => n + l.length / 2, 0);
      const next: SearchStateRecord = row
        ? { ...kept, nextSeq: seq + 1, pendingRows: (state?.pendingRows ?? 0) + 1, pendingPairs: (state?.pendingPairs ?? 0) + pairs }
        : kept;
      // Void documents stay in their pages: no query reads a void id.
      for (const page of docPagesOf(documents)) add(docsStore.put(page, page[0]!.id));
      if (row) add(tx.objectStore('pending').put(row, seq));
      add(meta.put(next, 'search'));
      return next;
    },
  };
}

/** The stored documents of `ids` where there is an id. */
async function readOld(store: Parameters<typeof readDocs>[0], ids: readonly (number | undefined)[]): Promise<(SearchDocRow | undefined)[]> {
  const some = ids.filter((id): id is number => id !== undefined);
  const rows = new Map((await readDocs(store, some)).map((r, i) => [some[i]!, r]));
  return ids.map((id) => (id === undefined ? undefined : rows.get(id)));
}

/**
 * Re-indexes papers and digests by key and writes the records that carry a new search id, for
 * callers that write no records of their own in this transaction (a rebuild). Returns the state.
 */
export async function indexInTx(
  tx: Tx,
  paperKeys: Iterable<string>,
  digestIds: Iterable<string>,
  stamps?: { before: string; after: string },
): Promise<SearchStateRecord> {
  const plan = await planIndex(tx, paperKeys, digestIds, stamps);
  return issueAll((add) => {
    for (const [ref, r] of plan.records)
      add(isPaperRef(ref) ? tx.objectStore('papers').put(r as PaperRecord) : tx.objectStore('digests').put(r as DigestRecord));
    return plan.finish(add);
  });
}

/** True when enough waits in `pending` for a merge to pay. */
export const wantsMerge = (s: SearchStateRecord | undefined): boolean => (s?.pendingRows ?? 0) >= MERGE_ROWS || (s?.pendingPairs ?? 0) >= MERGE_PAIRS;

/**
 * A chunk with pairs appended: a word's new ids are above every id it holds. Void ids may be old
 * ones, below ids voided before in the same chunk (or voided twice): the void list's chunks are
 * merged as sorted sets.
 */
function appended(term: string, before: Uint8Array | undefined, add: readonly number[]): Uint8Array {
  if (term !== VOID_TERM) return appendPairs(before, add);
  const ids = new Set(before ? unpackIds([before]) : []);
  for (let j = 0; j < add.length; j += 2) ids.add(add[j]!);
  return packPairs([...ids].sort((a, b) => a - b).flatMap((id) => [id, 0]));
}

interface ChunkEdit {
  readonly term: string;
  readonly chunk: number;
  /** Pairs (id, info) to append, in id order. */
  readonly add: number[];
}

/** Two sorted, duplicate-free string arrays as one. */
export function sortedUnion(a: readonly string[], b: readonly string[]): string[] {
  if (b.length === 0) return a as string[];
  if (a.length === 0) return b as string[];
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else if (i >= a.length || b[j]! < a[i]!) out.push(b[j++]!);
    else {
      out.push(a[i++]!);
      j++;
    }
  }
  return out;
}

/**
 * Appends every `pending` row to `postings` (voided ids to VOID_TERM's list, new terms to
 * `vocab`) in one transaction, rows in order. Search answers the same before and after; only
 * `main` moves on, so readers refresh their caches. Returns how many rows it merged.
 */
export async function mergePending(db: DB): Promise<number> {
  const t0 = performance.now();
  try {
    return await appendPending(db);
  } finally {
    mergeStats.merges++;
    mergeStats.ms += performance.now() - t0;
  }
}

/** Merges run in this context and their time: the benchmark reports them. */
export const mergeStats = { merges: 0, ms: 0 };

async function appendPending(db: DB): Promise<number> {
  const tx = db.transaction(['postings', 'pending', 'vocab', 'termCounts', 'meta'], 'readwrite', RELAXED);
  const pending = tx.objectStore('pending');
  const [state, keys, rows] = await Promise.all([
    tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>,
    pending.getAllKeys(),
    pending.getAll(),
  ]);
  if (rows.length === 0) {
    await tx.done;
    return 0;
  }
  // Per term, its chunks' edits; a row's new ids are all above the previous rows' (ids only grow).
  const edits = new Map<string, ChunkEdit[]>();
  const append = (term: string, id: number, info: number): void => {
    const chunk = Math.floor(id / CHUNK);
    let list = edits.get(term);
    if (!list) edits.set(term, (list = []));
    let e = list.at(-1);
    if (e?.chunk !== chunk) list.push((e = { term, chunk, add: [] }));
    e.add.push(id, info);
  };
  // Per relatable word, the papers this merge adds: its count, kept beside its postings.
  const papersAdded = new Map<string, number>();
  for (const row of rows) {
    row.terms.forEach((term, i) => {
      const list = row.lists[i]!;
      let papers = 0;
      for (let j = 0; j < list.length; j += 2) {
        append(term, list[j]!, list[j + 1]!);
        if (infoIsPaper(list[j + 1]!)) papers++;
      }
      if (papers > 0 && relatableWord(term)) papersAdded.set(term, (papersAdded.get(term) ?? 0) + papers);
    });
  }
  // Void ids may be old ones, in chunks that hold pairs already: sorted, and every chunk read.
  for (const id of rows.flatMap((r) => [...r.voided]).sort((a, b) => a - b)) append(VOID_TERM, id, 0);
  const postings = tx.objectStore('postings');
  const list = [...edits.values()].flat();
  const first = (i: number) => i === 0 || list[i - 1]!.term !== list[i]!.term;
  // Only a chunk that may hold pairs already is read: a word's first chunk in this merge (its
  // later ones are above every id it had), and every chunk of void ids.
  const counts = tx.objectStore('termCounts');
  const counted = [...papersAdded.keys()];
  const [chunks, countsBefore] = await Promise.all([
    Promise.all(list.map((e, i) => (first(i) || e.term === VOID_TERM ? postings.get([e.term, e.chunk]) : undefined))),
    Promise.all(counted.map((t) => counts.get(t))),
  ]);
  const vocab = tx.objectStore('vocab');
  // Terms with no chunk before may be new: their vocabulary rows are read and rewritten.
  const fresh = new Map<string, string[]>();
  list.forEach((e, i) => {
    if (!chunks[i] && e.term !== VOID_TERM && first(i)) push(fresh, vocabPart(e.term), e.term);
  });
  const parts = [...fresh.keys()];
  const rowsBefore = await Promise.all(parts.map((p) => vocab.get(p)));
  await issueAll((add) => {
    list.forEach((e, i) => add(postings.put(appended(e.term, chunks[i], e.add), [e.term, e.chunk])));
    counted.forEach((t, i) => add(counts.put((countsBefore[i] ?? 0) + papersAdded.get(t)!, t)));
    // Vocabulary entries are only removed by a rebuild.
    parts.forEach((p, i) => {
      const old = rowsBefore[i] ? rowsBefore[i]!.split(VOCAB_SEP) : [];
      const terms = sortedUnion(old, fresh.get(p)!.sort());
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
      if ((e as { name?: string })?.name !== 'InvalidStateError')
        console.warn('Digest Lens: merging the search index failed; it is retried after the next write', e);
    })
    .finally(() => (merging = undefined));
  return merging;
}
