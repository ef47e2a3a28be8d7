/**
 * Merging: every `pending` row appended to the per-term `postings`, once enough rows or pairs
 * wait (`mergeSoon`, after a write). Postings only ever grow at their end, so a merge rewrites
 * only the last chunk of each term it adds to. Neither searches nor writes wait for a whole merge:
 * it reads beside them and writes in short slices (docs/search.md, "Writes").
 */
import { sortedUnion } from '../../core/search/expand.ts';
import { appendPairs, lastId, packPairs, unpackIds } from '../../core/search/postings-codec.ts';
import { infoIsPaper, relatableWord } from '../../core/search/terms.ts';
import type { DB, PackedVocabulary, PendingRow, SearchStateRecord, VocabularyKeys } from '../schema.ts';
import { issueAll, RELAXED } from '../tx.ts';
import { CHUNK, MERGED_STORES, VOCAB_KEYS, VOCAB_PACKED, VOCAB_SEP, VOID_TERM, vocabPart, vocabRowKeys } from './layout.ts';
import { NO_STAMP } from './stamps.ts';

/**
 * A merge starts once this many rows, or this many pairs, wait in `pending`. A merge costs about
 * one request per distinct term it adds to, so bigger merges share the common terms' writes; a
 * query reads pending rows it has not seen once each.
 */
export const MERGE_ROWS = 64;
export const MERGE_PAIRS = 400_000;
/**
 * Puts a merge's write slice holds at most (a word's chunks never split): a keystroke or another
 * merge's slice waits for one slice, tens of milliseconds, never for a whole merge's writes.
 */
export const SLICE_PUTS = 512;
/** The same for the merge at a sync's end, which nothing waits for: a keystroke meanwhile waits less. */
export const IDLE_SLICE_PUTS = 128;

/** True when enough waits in `pending` for a merge to pay. */
export const wantsMerge = (s: SearchStateRecord | undefined): boolean => (s?.pendingRows ?? 0) >= MERGE_ROWS || (s?.pendingPairs ?? 0) >= MERGE_PAIRS;

interface ChunkEdit {
  readonly term: string;
  readonly chunk: number;
  /** Pairs (id, info) to append, in id order. */
  readonly add: number[];
}

/** One put of a merge: a chunk, a word's paper count, or a vocabulary row. */
type Put = readonly ['postings', Uint8Array, [string, number]] | readonly ['termCounts', number, string] | readonly ['vocab', string, string];

export interface MergeOptions {
  /** Puts a write slice holds at most (SLICE_PUTS). */
  readonly slicePuts?: number;
  /** Stops after this many write slices, as a stopped worker would: the next merge finishes the rows. */
  readonly maxSlices?: number;
}

/**
 * Appends every `pending` row to `postings` (voided ids to VOID_TERM's list, new terms to `vocab`,
 * paper counts to `termCounts`), rows in order, then removes the rows. Search answers the same
 * before, during and after: a query skips a pending pair its term's postings hold already.
 * Returns how many rows it merged (0 when it stopped early, or the index was emptied under it).
 *
 * One merge at a time in all of the extension's contexts (a lock that clearing and rebuilding
 * the index take too), in five steps: the rows are read (a short read of `meta` and `pending`);
 * the chunks, counts and vocabulary rows they touch are read beside writes and searches (no digest
 * write's scope holds `postings`, `vocab` or `termCounts`, and searches only read); the new chunks
 * are built outside any transaction, yielding to other tasks; they are written in slices of a few
 * hundred puts, each its own transaction on those three stores; and a last transaction removes the
 * rows and moves `main` on. A merge cut short leaves pairs in both places, which readers skip and
 * the next merge does not append twice.
 */
export function mergePending(db: DB, options: MergeOptions = {}): Promise<number> {
  return underMergeLock(async () => {
    const t0 = performance.now();
    try {
      return await appendPending(db, options);
    } finally {
      mergeStats.merges++;
      mergeStats.ms += performance.now() - t0;
    }
  });
}

/** Merges run in this context and their time (`writeMs`: their write slices, holding the stores): the benchmark reports them. */
export const mergeStats = { merges: 0, ms: 0, writeMs: 0 };

const LOCK = 'digest-lens-search-merge';
let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs `f` while no merge, rebuild or clearing of the index runs in any of the extension's
 * contexts (Web Locks; a context without them, as unit tests are, keeps its own queue).
 */
export function underMergeLock<T>(f: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return locks.request(LOCK, f);
  const run = chain.then(f, f);
  chain = run.catch(() => undefined);
  return run;
}

/** Building chunks yields to other tasks (a search's message) after this long. */
const YIELD_MS = 8;

/** Pairs (id, info) of `add` above `floor` (a word's pairs are in id order). */
function pairsAbove(add: readonly number[], floor: number): readonly number[] {
  let j = 0;
  while (j < add.length && add[j]! <= floor) j += 2;
  return j === 0 ? add : add.slice(j);
}

/** Per term, its chunks' edits from `rows`, in id order, and the pairs they add. */
function editsOf(rows: readonly PendingRow[]): { terms: ChunkEdit[][]; pairs: number } {
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
  let pairs = 0;
  for (const row of rows) {
    row.terms.forEach((term, i) => {
      const list = row.lists[i]!;
      for (let j = 0; j < list.length; j += 2) append(term, list[j]!, list[j + 1]!);
      pairs += list.length / 2;
    });
  }
  // Void ids may be old ones, in chunks that hold pairs already: sorted, and every chunk read.
  for (const id of rows.flatMap((r) => [...r.voided]).sort((a, b) => a - b)) append(VOID_TERM, id, 0);
  return { terms: [...edits.values()], pairs };
}

/**
 * A word's chunks as stored before this merge writes, for the chunks it edits: its first one (it
 * may hold pairs already) and, only when that shows this merge's pairs written (a merge cut short),
 * its later ones; every chunk of void ids. Undefined where nothing was read (a chunk above every id
 * the word had).
 */
async function chunksBefore(postings: { get(key: [string, number]): Promise<Uint8Array | undefined> }, terms: readonly ChunkEdit[][]) {
  const firsts = await Promise.all(terms.map((edits) => postings.get([edits[0]!.term, edits[0]!.chunk])));
  return Promise.all(
    terms.map(async (edits, t) => {
      const first = firsts[t];
      const all = edits[0]!.term === VOID_TERM || (first !== undefined && edits.length > 1 && lastId(first) >= edits[0]!.add[0]!);
      if (!all) return [first, ...edits.slice(1).map(() => undefined)];
      return [first, ...(await Promise.all(edits.slice(1).map((e) => postings.get([e.term, e.chunk]))))];
    }),
  );
}

/**
 * A chunk with pairs appended (undefined when it already holds them all): a word's new ids are
 * above every id it holds, except those a merge cut short appended already, which are skipped.
 * Void ids may be old ones, below ids voided before in the same chunk (or voided twice): the void
 * list's chunks are merged as sorted sets.
 */
function appended(term: string, before: Uint8Array | undefined, add: readonly number[]): { chunk: Uint8Array | undefined; papers: number } {
  if (term === VOID_TERM) {
    const ids = new Set(before ? unpackIds([before]) : []);
    const size = ids.size;
    for (let j = 0; j < add.length; j += 2) ids.add(add[j]!);
    return { chunk: ids.size === size ? undefined : packPairs([...ids].sort((a, b) => a - b).flatMap((id) => [id, 0])), papers: 0 };
  }
  const fresh = before ? pairsAbove(add, lastId(before)) : add;
  let papers = 0;
  for (let j = 1; j < fresh.length; j += 2) if (infoIsPaper(fresh[j]!)) papers++;
  return { chunk: fresh.length ? appendPairs(before, fresh) : undefined, papers };
}

const sameIndex = (a: SearchStateRecord | undefined, b: SearchStateRecord | undefined): boolean => a?.main === b?.main && a?.epoch === b?.epoch;

async function appendPending(db: DB, { slicePuts = SLICE_PUTS, maxSlices = Infinity }: MergeOptions): Promise<number> {
  const head = db.transaction(['meta', 'pending']);
  const [state, keys, rows] = await Promise.all([
    head.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>,
    head.objectStore('pending').getAllKeys(),
    head.objectStore('pending').getAll(),
  ]);
  if (rows.length === 0) return 0;
  const { terms, pairs } = editsOf(rows);

  // Read beside writes and searches.
  const read = db.transaction(MERGED_STORES);
  const [chunks, counts] = await Promise.all([
    chunksBefore(read.objectStore('postings'), terms),
    Promise.all(terms.map((edits) => (relatableWord(edits[0]!.term) ? read.objectStore('termCounts').get(edits[0]!.term) : undefined))),
  ]);
  // Words with no chunk before may be new: their vocabulary rows are read and rewritten.
  const fresh = new Map<string, string[]>();
  terms.forEach((edits, t) => {
    const term = edits[0]!.term;
    if (chunks[t]![0] || term === VOID_TERM) return;
    const part = vocabPart(term);
    const list = fresh.get(part);
    if (list) list.push(term);
    else fresh.set(part, [term]);
  });
  const parts = [...fresh.keys()];
  const rowsBefore = (await Promise.all(parts.map((p) => read.objectStore('vocab').get(p)))) as (string | undefined)[];

  // Built outside any transaction, a few milliseconds at a time; a word's puts kept together.
  const words: Put[][] = [];
  // Vocabulary entries are only removed by a rebuild.
  const vocab: Put[] = [];
  parts.forEach((p, i) => {
    const old = rowsBefore[i] ? rowsBefore[i]!.split(VOCAB_SEP) : [];
    const all = sortedUnion(old, fresh.get(p)!.sort());
    if (all.length !== old.length) vocab.push(['vocab', all.join(VOCAB_SEP), p]);
  });
  let since = performance.now();
  for (let t = 0; t < terms.length; t++) {
    const edits = terms[t]!;
    const puts: Put[] = [];
    let papers = 0;
    edits.forEach((e, i) => {
      const { chunk, papers: added } = appended(e.term, chunks[t]![i], e.add);
      if (chunk) puts.push(['postings', chunk, [e.term, e.chunk]]);
      papers += added;
    });
    // Each word's paper count grows by the papers this merge adds to it, beside its postings.
    if (papers > 0 && relatableWord(edits[0]!.term)) puts.push(['termCounts', (counts[t] ?? 0) + papers, edits[0]!.term]);
    if (puts.length) words.push(puts);
    if (performance.now() - since > YIELD_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    }
  }

  // A vocabulary row may land before or after its words' chunks: readers take pending words too.
  if (!(await writeSlices(db, slicesOf([...vocab.map((v) => [v]), ...words], slicePuts), maxSlices))) return 0;
  const merged = await removeRows(db, state, keys, rows.length, pairs);
  if (merged > 0) await packVocabulary(db);
  return merged;
}

/**
 * Writes every `vocab` row again as one value (PackedVocabulary), and their keys as another,
 * both stamped with `main` as it is now. Run under the merge lock: no merge, rebuild or clearing
 * changes the rows meanwhile, and digest writes never touch them. A merge that stops before this
 * leaves the copies of an older `main`, which readers pass over for the rows and keys themselves,
 * until the next merge writes them again.
 */
export async function packVocabulary(db: DB): Promise<void> {
  const read = db.transaction(['meta', 'vocab']);
  const [state, keys, rows] = await Promise.all([
    read.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>,
    read.objectStore('vocab').getAllKeys(vocabRowKeys()),
    read.objectStore('vocab').getAll(vocabRowKeys()) as Promise<string[]>,
  ]);
  const tx = db.transaction('vocab', 'readwrite', RELAXED);
  const main = state?.main ?? 0;
  const packed: PackedVocabulary = { main, keys, rows };
  const keysAlone: VocabularyKeys = { main, keys };
  await Promise.all([tx.store.put(packed, VOCAB_PACKED), tx.store.put(keysAlone, VOCAB_KEYS), tx.done]);
}

/** Writes each slice in its own transaction; false when it stopped after `maxSlices`. */
async function writeSlices(db: DB, slices: readonly Put[][], maxSlices: number): Promise<boolean> {
  for (let s = 0; s < slices.length; s++) {
    if (s >= maxSlices) return false;
    const t0 = performance.now();
    const tx = db.transaction(MERGED_STORES, 'readwrite', RELAXED);
    await issueAll((add) => {
      for (const [store, value, key] of slices[s]!) add(tx.objectStore(store).put(value as never, key as never));
    });
    await tx.done;
    mergeStats.writeMs += performance.now() - t0;
  }
  return true;
}

/**
 * The merged rows leave `pending`, counted out of the state, and `main` moves on. Returns how many
 * rows that was: 0 when the index is not the one the rows were read from.
 */
async function removeRows(db: DB, state: SearchStateRecord | undefined, keys: readonly number[], rows: number, pairs: number): Promise<number> {
  const t0 = performance.now();
  const tx = db.transaction(['pending', 'meta'], 'readwrite', RELAXED);
  const pending = tx.objectStore('pending');
  const meta = tx.objectStore('meta');
  const last = keys.at(-1)!;
  const [now, stillThere] = await Promise.all([meta.get('search') as Promise<SearchStateRecord | undefined>, pending.getAllKeys(IDBKeyRange.upperBound(last))]);
  // Clearing and rebuilding wait for this merge; anything else that emptied the index under it
  // leaves its rows to no index.
  if (!sameIndex(state, now) || stillThere.length !== keys.length || stillThere[0] !== keys[0]) {
    await tx.done;
    return 0;
  }
  await issueAll((add) => {
    add(pending.delete(IDBKeyRange.upperBound(last)));
    // Writes may have appended rows since: they stay pending, counted.
    const left = { pendingRows: Math.max(0, (now?.pendingRows ?? 0) - rows), pendingPairs: Math.max(0, (now?.pendingPairs ?? 0) - pairs) };
    add(meta.put({ ...(now ?? { stamp: NO_STAMP, nextId: 0 }), ...left, main: (now?.main ?? 0) + 1 }, 'search'));
  });
  await tx.done;
  mergeStats.writeMs += performance.now() - t0;
  return rows;
}

/** Puts in slices of about `size`, a word's never split. */
function slicesOf(words: readonly Put[][], size: number): Put[][] {
  const slices: Put[][] = [];
  let slice: Put[] = [];
  for (const puts of words) {
    if (slice.length > 0 && slice.length + puts.length > size) {
      slices.push(slice);
      slice = [];
    }
    slice.push(...puts);
  }
  if (slice.length) slices.push(slice);
  return slices;
}

let merging: Promise<void> | undefined;

function mergeInBackground(db: DB, options: MergeOptions = {}): Promise<void> {
  merging = mergePending(db, options)
    .then(() => undefined)
    .catch((e: unknown) => {
      // A database closed under it (a test's teardown, a reset) is not worth a report.
      if ((e as { name?: string })?.name !== 'InvalidStateError')
        console.warn('Digest Lens: merging the search index failed; it is retried after the next write', e);
    })
    .finally(() => (merging = undefined));
  return merging;
}

/**
 * After a write: merges in the background when enough is pending (one merge at a time per
 * context). A merge cut short by a stopped worker changes nothing; the next write retries it.
 */
export function mergeSoon(db: DB, state: SearchStateRecord | undefined): Promise<void> {
  if (!wantsMerge(state) || merging) return merging ?? Promise.resolve();
  return mergeInBackground(db);
}

/**
 * When a sync or an import has written its digests: merges whatever still waits, however few
 * rows (after the merge this context may be running), so the next popup or worker to open reads
 * no pending rows (each one a digest's lists, read and combined by every fresh reader).
 */
export async function mergeWaiting(db: DB): Promise<void> {
  while (merging) await merging;
  const state = (await db.get('meta', 'search')) as SearchStateRecord | undefined;
  if ((state?.pendingRows ?? 0) === 0) return;
  // A merge a write started meanwhile reads the rows when it starts: it takes these too.
  await (merging ?? mergeInBackground(db, { slicePuts: IDLE_SLICE_PUTS }));
}
