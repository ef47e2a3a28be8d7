/**
 * Merging: every `pending` row appended to the per-term `postings` in one transaction, once
 * enough rows or pairs wait (`mergeSoon`, after a write). Postings only ever grow at their end,
 * so a merge rewrites only the last chunk of each term it adds to.
 */
import { sortedUnion } from '../../core/search/expand.ts';
import { appendPairs, packPairs, unpackIds } from '../../core/search/postings-codec.ts';
import { infoIsPaper, relatableWord } from '../../core/search/terms.ts';
import type { DB, SearchStateRecord } from '../schema.ts';
import { issueAll, RELAXED } from '../tx.ts';
import { CHUNK, VOCAB_SEP, VOID_TERM, vocabPart } from './layout.ts';
import { NO_STAMP } from './stamps.ts';

/**
 * A merge starts once this many rows, or this many pairs, wait in `pending`. A merge costs about
 * one request per distinct term it adds to, so bigger merges share the common terms' writes; a
 * query reads pending rows it has not seen once each.
 */
export const MERGE_ROWS = 16;
export const MERGE_PAIRS = 400_000;

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
    if (chunks[i] || e.term === VOID_TERM || !first(i)) return;
    const part = vocabPart(e.term);
    const terms = fresh.get(part);
    if (terms) terms.push(e.term);
    else fresh.set(part, [e.term]);
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
