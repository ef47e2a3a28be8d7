/**
 * Keeping the search index in step with the records, inside the transaction that writes them
 * (docs/search.md): each touched paper or digest is re-indexed from its record (or dropped when it
 * is gone), and everything one write adds goes into ONE appended `pending` row, not a
 * read-modify-write of each term's postings. `mergePending` (merge.ts) later appends the rows to
 * the per-term `postings`.
 *
 * Postings only ever grow at their end: a document that changes gets a new id and its old id is
 * voided (listed under VOID_TERM), never removed from the lists that hold it.
 */
import type { DigestRecord, PaperRecord } from '../../core/index/types.ts';
import type { StoredDoc } from '../../core/search/document.ts';
import { docInfo, docTerms, postingInfo } from '../../core/search/terms.ts';
import { headersForWrite, readPaper, writePaper } from '../paper-rows.ts';
import type { PendingRow, SearchDocRow, SearchStateRecord } from '../schema.ts';
import { issueAll, type RecordTx } from '../tx.ts';
import { digestRef, isPaperRef, paperRef } from './layout.ts';
import { docOf, docPagesOf, readSomeDocs, rowDoc } from './pages.ts';
import { NO_STAMP } from './stamps.ts';

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
function sameDoc(a: NonNullable<SearchDocRow['doc']>, b: StoredDoc): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

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
  tx: RecordTx,
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
    (isPaperRef(ref) ? readPaper(tx.objectStore('papers'), ref.slice(2)) : tx.objectStore('digests').get(ref.slice(2))) as Promise<IndexedRecord | undefined>;
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
  const checked = agreed ? undefined : await readSomeDocs(docsStore, oldIds);
  const voided: number[] = [];
  // Documents to make: a record new to the index has its document built only in `finish`.
  const made: { id: number; ref: string; record: IndexedRecord; doc: StoredDoc | undefined }[] = [];
  const records = new Map<string, IndexedRecord>();
  refs.forEach((ref, i) => {
    const original = originals[i];
    const k = known?.record(ref);
    const record = k === undefined ? original : (k ?? undefined);
    let oldId = oldIds[i];
    let oldDoc: SearchDocRow['doc'];
    if (oldId !== undefined && !checked) oldDoc = docOf(ref, original!);
    // Another ref's document is not this record's; a row that keeps no document (version 9)
    // cannot be compared: the record is indexed again and its old id made void.
    else if (oldId !== undefined && checked![i]?.ref !== ref) oldId = undefined;
    else if (oldId !== undefined) oldDoc = checked![i]!.doc;
    const doc = record && oldId !== undefined ? docOf(ref, record) : undefined;
    let id: number | undefined;
    if (oldId !== undefined && doc && oldDoc && sameDoc(oldDoc, doc)) id = oldId;
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
        // Indexed as it will be read back.
        const full = rowDoc({ ref, doc });
        const info = docInfo(full);
        for (const [term, mask] of docTerms(full)) push(adds, term, id, postingInfo(mask, info));
        // With its document while it is among the newest (a merge strips it once it is not: a
        // reader makes it from the record then, which carries this id).
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

/**
 * Re-indexes papers and digests by key and writes the records that carry a new search id, for
 * callers that write no records of their own in this transaction (a rebuild). Returns the state.
 */
export async function indexInTx(
  tx: RecordTx,
  paperKeys: Iterable<string>,
  digestIds: Iterable<string>,
  stamps?: { before: string; after: string },
): Promise<SearchStateRecord> {
  const plan = await planIndex(tx, paperKeys, digestIds, stamps);
  const papers = tx.objectStore('papers');
  const digestsWritten = new Map([...plan.records].flatMap(([ref, r]) => (isPaperRef(ref) ? [] : [[ref.slice(2), r as DigestRecord] as const])));
  const headers = await headersForWrite(
    papers,
    [...plan.records].flatMap(([ref, r]) => (isPaperRef(ref) ? [r as PaperRecord] : [])),
    (id) => digestsWritten.get(id),
  );
  return issueAll((add) => {
    for (const [ref, r] of plan.records)
      add(isPaperRef(ref) ? writePaper(papers, r as PaperRecord, headers) : tx.objectStore('digests').put(r as DigestRecord));
    return plan.finish(add);
  });
}
