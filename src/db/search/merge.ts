/**
 * Merging: every `pending` row appended to the per-term `postings`, once enough rows or pairs
 * wait (`mergeSoon`, after a write). Postings only ever grow at their end, so a merge rewrites
 * only the last chunk of each term it adds to. It runs in slices of a few hundred chunks, each
 * its own short transaction, so a keystroke or a digest write waits for one slice, never for the
 * whole merge; the rows leave `pending` in a last transaction (docs/search.md, "Writes").
 */
import { sortedUnion } from '../../core/search/expand.ts';
import { appendPairs, lastId, packPairs, unpackIds } from '../../core/search/postings-codec.ts';
import { infoIsPaper, relatableWord } from '../../core/search/terms.ts';
import type { DB, PendingRow, SearchStateRecord } from '../schema.ts';
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
/**
 * Chunks a slice rewrites (a term's chunks all in one slice): about what a transaction of a few
 * tens of milliseconds writes at 1M mentions, so that is what a keystroke waits behind.
 */
export const SLICE_CHUNKS = 256;

/** True when enough waits in `pending` for a merge to pay. */
export const wantsMerge = (s: SearchStateRecord | undefined): boolean => (s?.pendingRows ?? 0) >= MERGE_ROWS || (s?.pendingPairs ?? 0) >= MERGE_PAIRS;

/** Pairs (id, info) of `add` above `above` (a word's pairs are in id order). */
function pairsAbove(add: readonly number[], above: number): readonly number[] {
  let j = 0;
  while (j < add.length && add[j]! <= above) j += 2;
  return j === 0 ? add : add.slice(j);
}

/**
 * A chunk with pairs appended: a word's new ids are above every id it holds, except those a merge
 * cut short (or another context's) appended already, which are skipped. Void ids may be old
 * ones, below ids voided before in the same chunk (or voided twice): the void list's chunks are
 * merged as sorted sets.
 */
function appended(term: string, before: Uint8Array | undefined, add: readonly number[], last: number): Uint8Array | undefined {
  if (term !== VOID_TERM) {
    const fresh = pairsAbove(add, last);
    return fresh.length ? appendPairs(before, fresh) : undefined;
  }
  const ids = new Set(before ? unpackIds([before]) : []);
  const size = ids.size;
  for (let j = 0; j < add.length; j += 2) ids.add(add[j]!);
  return ids.size === size ? undefined : packPairs([...ids].sort((a, b) => a - b).flatMap((id) => [id, 0]));
}

interface ChunkEdit {
  readonly term: string;
  readonly chunk: number;
  /** Pairs (id, info) to append, in id order. */
  readonly add: number[];
}

export interface MergeOptions {
  /** Chunks a slice rewrites (SLICE_CHUNKS). */
  readonly sliceChunks?: number;
  /** Stops after this many slices, as a stopped worker would: the next merge finishes the rows. */
  readonly maxSlices?: number;
}

/**
 * Appends every `pending` row to `postings` (voided ids to VOID_TERM's list, new terms to
 * `vocab`, paper counts to `termCounts`), rows in order, slice by slice; then removes the rows.
 * Search answers the same before, during and after: a query skips a pending pair whose id its
 * term's postings already hold. Only `main` moves on, so readers refresh their caches. Returns how
 * many rows it merged (0 when it stopped early, or another context merged them first).
 */
export async function mergePending(db: DB, options: MergeOptions = {}): Promise<number> {
  const t0 = performance.now();
  try {
    return await appendPending(db, options);
  } finally {
    mergeStats.merges++;
    mergeStats.ms += performance.now() - t0;
  }
}

/** Merges run in this context and their time: the benchmark reports them. */
export const mergeStats = { merges: 0, ms: 0 };

/** Per term, its chunks' edits from `rows`, in id order; and per relatable word, its pairs that are papers. */
function editsOf(rows: readonly PendingRow[]): ChunkEdit[][] {
  // A row's new ids are all above the previous rows' (ids only grow).
  const edits = new Map<string, ChunkEdit[]>();
  const append = (term: string, id: number, info: number): void => {
    const chunk = Math.floor(id / CHUNK);
    let list = edits.get(term);
    if (!list) edits.set(term, (list = []));
    let e = list.at(-1);
    if (e?.chunk !== chunk) list.push((e = { term, chunk, add: [] }));
    e.add.push(id, info);
  };
  for (const row of rows) {
    row.terms.forEach((term, i) => {
      const list = row.lists[i]!;
      for (let j = 0; j < list.length; j += 2) append(term, list[j]!, list[j + 1]!);
    });
  }
  // Void ids may be old ones, in chunks that hold pairs already: sorted, and every chunk read.
  for (const id of rows.flatMap((r) => [...r.voided]).sort((a, b) => a - b)) append(VOID_TERM, id, 0);
  return [...edits.values()];
}

/** Terms' edits in slices of about `size` chunks, a term never split. */
function slicesOf(terms: readonly ChunkEdit[][], size: number): ChunkEdit[][] {
  const slices: ChunkEdit[][] = [];
  let slice: ChunkEdit[] = [];
  for (const edits of terms) {
    if (slice.length > 0 && slice.length + edits.length > size) {
      slices.push(slice);
      slice = [];
    }
    slice.push(...edits);
  }
  if (slice.length) slices.push(slice);
  return slices;
}

const samePlace = (a: SearchStateRecord | undefined, b: SearchStateRecord | undefined) =>
  (a?.epoch ?? 0) === (b?.epoch ?? 0) && (a?.firstId ?? 0) === (b?.firstId ?? 0);

async function appendPending(db: DB, { sliceChunks = SLICE_CHUNKS, maxSlices = Infinity }: MergeOptions): Promise<number> {
  const [state, keys, rows] = await (async () => {
    const tx = db.transaction(['pending', 'meta']);
    const read = await Promise.all([
      tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>,
      tx.objectStore('pending').getAllKeys(),
      tx.objectStore('pending').getAll(),
    ]);
    await tx.done;
    return read;
  })();
  if (rows.length === 0) return 0;
  const slices = slicesOf(editsOf(rows), sliceChunks);
  for (let s = 0; s < slices.length; s++) {
    if (s >= maxSlices) return 0;
    if (!(await appendSlice(db, state, slices[s]!))) return 0;
  }
  return finish(db, state, keys, rows);
}

/**
 * Appends one slice's edits (and its words' paper counts, vocabulary) in one transaction. False
 * when the index was emptied since the rows were read (a rebuild): they belong to no index now.
 */
async function appendSlice(db: DB, state: SearchStateRecord | undefined, list: readonly ChunkEdit[]): Promise<boolean> {
  const tx = db.transaction(['postings', 'vocab', 'termCounts', 'meta'], 'readwrite', RELAXED);
  const postings = tx.objectStore('postings');
  const first = (i: number) => i === 0 || list[i - 1]!.term !== list[i]!.term;
  // A word's first chunk in this merge may hold pairs already, and so may every chunk of void ids:
  // those are read. A word's later chunks are above every id it had, unless this merge's pairs
  // were appended already (by a merge cut short, or another context's, which writes all of a
  // word's chunks at once): then its first chunk's last id reaches the merge's first id, and the
  // word's other chunks are read too.
  const readFirst = (i: number) => first(i) || list[i]!.term === VOID_TERM;
  const [now, firsts] = await Promise.all([
    tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>,
    Promise.all(list.map((e, i) => (readFirst(i) ? postings.get([e.term, e.chunk]) : undefined))),
  ]);
  if (!samePlace(now, state)) {
    await tx.done;
    return false;
  }
  const lasts = firsts.map((c) => (c ? lastId(c) : -1));
  const again = new Set(list.filter((e, i) => first(i) && e.term !== VOID_TERM && lasts[i]! >= e.add[0]!).map((e) => e.term));
  const chunks = again.size
    ? await Promise.all(list.map((e, i) => (readFirst(i) || !again.has(e.term) ? firsts[i] : postings.get([e.term, e.chunk]))))
    : firsts;
  if (again.size) chunks.forEach((c, i) => (lasts[i] = c ? lastId(c) : -1));
  const written = list.map((e, i) => appended(e.term, chunks[i], e.add, lasts[i]!));
  // Per relatable word, the papers this slice adds (pairs already appended not counted again):
  // its count, kept beside its postings.
  const papersAdded = new Map<string, number>();
  list.forEach((e, i) => {
    if (!written[i] || e.term === VOID_TERM || !relatableWord(e.term)) return;
    const fresh = pairsAbove(e.add, lasts[i]!);
    let papers = 0;
    for (let j = 1; j < fresh.length; j += 2) if (infoIsPaper(fresh[j]!)) papers++;
    if (papers > 0) papersAdded.set(e.term, (papersAdded.get(e.term) ?? 0) + papers);
  });
  // Terms with no chunk before may be new: their vocabulary rows are read and rewritten.
  const fresh = new Map<string, string[]>();
  list.forEach((e, i) => {
    if (chunks[i] || e.term === VOID_TERM || !first(i)) return;
    const part = vocabPart(e.term);
    const terms = fresh.get(part);
    if (terms) terms.push(e.term);
    else fresh.set(part, [e.term]);
  });
  const counts = tx.objectStore('termCounts');
  const vocab = tx.objectStore('vocab');
  const counted = [...papersAdded.keys()];
  const parts = [...fresh.keys()];
  const [countsBefore, rowsBefore] = await Promise.all([Promise.all(counted.map((t) => counts.get(t))), Promise.all(parts.map((p) => vocab.get(p)))]);
  await issueAll((add) => {
    list.forEach((e, i) => written[i] && add(postings.put(written[i]!, [e.term, e.chunk])));
    counted.forEach((t, i) => add(counts.put((countsBefore[i] ?? 0) + papersAdded.get(t)!, t)));
    // Vocabulary entries are only removed by a rebuild.
    parts.forEach((p, i) => {
      const old = rowsBefore[i] ? rowsBefore[i]!.split(VOCAB_SEP) : [];
      const terms = sortedUnion(old, fresh.get(p)!.sort());
      if (terms.length !== old.length) add(vocab.put(terms.join(VOCAB_SEP), p));
    });
  });
  await tx.done;
  return true;
}

/**
 * The rows merged leave `pending` (those still there: another context may have merged them), the
 * state counts them out and `main` moves on. Returns how many rows it removed.
 */
async function finish(db: DB, state: SearchStateRecord | undefined, keys: readonly number[], rows: readonly PendingRow[]): Promise<number> {
  const tx = db.transaction(['pending', 'meta'], 'readwrite', RELAXED);
  const pending = tx.objectStore('pending');
  const range = IDBKeyRange.bound(keys[0]!, keys.at(-1)!);
  const [now, left] = await Promise.all([tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>, pending.getAllKeys(range)]);
  if (!samePlace(now, state) || left.length === 0) {
    await tx.done;
    return 0;
  }
  const still = new Set(left);
  let pairs = 0;
  keys.forEach((k, i) => {
    if (still.has(k)) pairs += rows[i]!.lists.reduce((n, l) => n + l.length / 2, 0);
  });
  await issueAll((add) => {
    add(pending.delete(range));
    const base = now ?? { stamp: NO_STAMP, nextId: 0 };
    add(
      tx.objectStore('meta').put(
        {
          ...base,
          pendingRows: Math.max(0, (base.pendingRows ?? 0) - left.length),
          pendingPairs: Math.max(0, (base.pendingPairs ?? 0) - pairs),
          main: (base.main ?? 0) + 1,
        },
        'search',
      ),
    );
  });
  await tx.done;
  return left.length;
}

/**
 * Pending rows (or pairs) past which a write waits for the running merge. A merge's slices take
 * turns with the writes, so a long load would otherwise outrun it, and every query reads what is
 * pending beside the postings.
 */
export const MERGE_BACKLOG = 4 * MERGE_ROWS;
const MERGE_BACKLOG_PAIRS = 4 * MERGE_PAIRS;

let merging: Promise<void> | undefined;

/**
 * After a write: merges in the background when enough is pending (one merge at a time per
 * context). Resolves at once, or, when more than MERGE_BACKLOG rows wait, once the running merge
 * is done. A merge cut short by a stopped worker leaves what it appended, which the next merge
 * (after the next write) does not add again.
 */
export function mergeSoon(db: DB, state: SearchStateRecord | undefined): Promise<void> {
  const behind = (state?.pendingRows ?? 0) >= MERGE_BACKLOG || (state?.pendingPairs ?? 0) >= MERGE_BACKLOG_PAIRS;
  if (wantsMerge(state) && !merging) merging = startMerge(db);
  return (behind && merging) || Promise.resolve();
}

function startMerge(db: DB): Promise<void> {
  const started = mergePending(db)
    .then(() => undefined)
    .catch((e: unknown) => {
      // A database closed under it (a test's teardown, a reset) is not worth a report.
      if ((e as { name?: string })?.name !== 'InvalidStateError')
        console.warn('Digest Lens: merging the search index failed; it is retried after the next write', e);
    })
    .finally(() => (merging = undefined));
  return started;
}
