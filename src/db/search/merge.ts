/**
 * Merging: every `pending` row appended to the per-term `postings`, once enough rows or pairs
 * wait (`mergeSoon`, after a write). Postings only ever grow at their end, so a merge writes one
 * chunk of its own per term it adds to, and reads and rewrites none. Neither searches nor writes
 * wait for a whole merge: it reads beside them and writes in short slices (docs/search.md, "Writes").
 */
import { sortedUnion } from '../../core/search/expand.ts';
import { packPairs, unpackPairs } from '../../core/search/postings-codec.ts';
import { infoDay, infoIsPaper, relatableWord } from '../../core/search/terms.ts';
import type { DB, PendingRow, RecentRow, RecentWindow, SearchStateRecord } from '../schema.ts';
import { issueAll, RELAXED } from '../tx.ts';
import { DOC_PAGE, MERGED_STORES, MERGING, mergedChunk, RECENT, RECENT_TERMS, VOCAB_PACKED, VOCAB_SEP, VOID_TERM, vocabPart } from './layout.ts';
import { NO_STAMP } from './stamps.ts';
import { allVocabularyRows, mergedVoids, packVocabulary } from './vocab-copies.ts';

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

/** One put of a merge: a chunk (and its copy in the recent window), a word's paper count, or a vocabulary row. */
type Put =
  | readonly ['postings', Uint8Array, [string, number]]
  | readonly ['recentPostings', RecentRow | string, [string, number]]
  | readonly ['termCounts', number, string]
  | readonly ['vocab', string, string];

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
 * the index take too), in six steps: the rows are read (a short read of `meta` and `pending`);
 * the vocabulary and the counts of the words they add to are read beside writes and searches (no
 * digest write's scope holds `postings`, `vocab` or `termCounts`, and searches only read); one new
 * chunk per word, keyed by the `main` this merge makes, is built outside any transaction,
 * yielding to other tasks; the chunks are written in slices of a few hundred puts, each its own
 * transaction on those three stores; a transaction removes the rows and moves `main` on; and the
 * vocabulary is written again as one value. A merge cut short leaves pairs in both places, which
 * readers skip; the next merge writes the same chunks again, with the rows' since.
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

/** Per term, the pairs (id, info) `rows` add to it, in id order; void ids under VOID_TERM, sorted. */
function additionsOf(rows: readonly PendingRow[]): { terms: Map<string, number[]>; pairs: number } {
  // A row's new ids are all above the previous rows' (ids only grow).
  const terms = new Map<string, number[]>();
  let pairs = 0;
  for (const row of rows) {
    row.terms.forEach((term, i) => {
      const list = row.lists[i]!;
      let add = terms.get(term);
      if (!add) terms.set(term, (add = []));
      for (let j = 0; j < list.length; j++) add.push(list[j]!);
      pairs += list.length / 2;
    });
  }
  // Void ids may be old ones, and voided twice.
  const voided = [...new Set(rows.flatMap((r) => [...r.voided]))].sort((a, b) => a - b);
  if (voided.length)
    terms.set(
      VOID_TERM,
      voided.flatMap((id) => [id, 0]),
    );
  return { terms, pairs };
}

/** Void ids merged before and those a merge adds (pairs id, 0), each once, ascending. */
function allVoids(before: Uint32Array, added: readonly number[]): Uint32Array {
  const ids = new Set(before);
  for (let j = 0; j < added.length; j += 2) ids.add(added[j]!);
  return Uint32Array.from(ids).sort();
}

/** How many of pairs (id, info…) are papers'. */
function papersIn(pairs: ArrayLike<number>): number {
  let papers = 0;
  for (let j = 1; j < pairs.length; j += 2) if (infoIsPaper(pairs[j]!)) papers++;
  return papers;
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
  const { terms, pairs } = additionsOf(rows);
  const main = (state?.main ?? 0) + 1;

  // Read beside writes and searches: the vocabulary and the counts of the words it adds to. No
  // chunk is read: each word's pairs go into a chunk of this merge's own.
  const read = db.transaction(MERGED_STORES);
  const words = [...terms.keys()];
  const countStore = read.objectStore('termCounts');
  const packed = read.objectStore('vocab').get(VOCAB_PACKED);
  const [vocabulary, voidsBefore, counts, ranBefore] = await Promise.all([
    allVocabularyRows(read.objectStore('vocab'), main - 1, packed).then(([keys, rows]) => new Map(keys.map((k, i) => [k, rows[i]!]))),
    mergedVoids(read.objectStore('postings'), main - 1, packed),
    Promise.all(words.map((term) => (relatableWord(term) ? countStore.get(term) : undefined))),
    countStore.get(MERGING),
  ]);
  // This merge cut short before (a stopped worker) wrote some words' chunks, each with its count
  // in the same slice: their papers are counted once.
  const countedBefore =
    ranBefore === main
      ? await Promise.all(
          words.map((term, t) =>
            counts[t] === undefined
              ? undefined
              : read
                  .objectStore('postings')
                  .get([term, mergedChunk(main)])
                  .then((c) => (c ? papersIn(unpackPairs([c])) : 0)),
          ),
        )
      : [];

  // The recent window this merge's chunk joins: an index from before it (version 10) has none
  // until it is rebuilt, a new one starts it with its first merge.
  const window = state?.recent ?? (main === 1 ? { firstId: state?.firstId ?? 0, olderDay: -1, chunks: [] } : undefined);
  const chunk = window && chunkOf(terms);
  // Built outside any transaction, a few milliseconds at a time; a word's puts kept together. The
  // first slice marks this merge as begun, with the rows its chunk puts in the recent window.
  const first: Put[] = [['termCounts', main, MERGING]];
  const puts: Put[][] = [first];
  const packedPairsOf = new Map<string, Uint8Array>();
  // New words join their vocabulary rows (entries are only removed by a rebuild).
  const byPart = new Map<string, string[]>();
  for (const term of words) {
    if (term === VOID_TERM) continue;
    const part = vocabPart(term);
    const list = byPart.get(part);
    if (list) list.push(term);
    else byPart.set(part, [term]);
  }
  if (chunk) first.push(['recentPostings', [...byPart.keys()].join(VOCAB_SEP), [RECENT_TERMS, mergedChunk(main)]]);
  let since = performance.now();
  const pause = async () => {
    if (performance.now() - since <= YIELD_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
  for (const [part, added] of byPart) {
    const row = vocabulary.get(part);
    const old = row ? row.split(VOCAB_SEP) : [];
    const all = sortedUnion(old, added.sort());
    if (all.length !== old.length) {
      const joined = all.join(VOCAB_SEP);
      vocabulary.set(part, joined);
      puts.push([['vocab', joined, part]]);
    }
    await pause();
  }
  for (let t = 0; t < words.length; t++) {
    const term = words[t]!;
    const add = terms.get(term)!;
    const packedPairs = packPairs(add);
    if (chunk && term !== VOID_TERM) packedPairsOf.set(term, packedPairs);
    const word: Put[] = [['postings', packedPairs, [term, mergedChunk(main)]]];
    // Each word's paper count grows by the papers this merge adds to it, beside its postings.
    if (relatableWord(term)) {
      const papers = papersIn(add);
      if (papers > 0) word.push(['termCounts', (counts[t] ?? 0) - (countedBefore[t] ?? 0) + papers, term]);
    }
    puts.push(word);
    await pause();
  }

  // The recent window's copies, a row per vocabulary row: readers of the window take pending
  // pairs its rows do not hold yet, as readers of `postings` do.
  if (chunk) for (const [part, added] of byPart) puts.push([['recentPostings', recentRow(added, packedPairsOf), [part, mergedChunk(main)]]]);
  // A vocabulary row may land before or after its words' chunks: readers take pending words too.
  if (!(await writeSlices(db, slicesOf(puts, slicePuts), maxSlices))) return 0;
  const recent = chunk && window && movedOn(window, { main, firstId: chunk.firstId, day: chunk.day }, state?.nextId ?? 0);
  const merged = await removeRows(db, state, keys, rows.length, pairs, recent);
  if (merged > 0 && recent) {
    await dropOlderChunks(db, recent);
    // Only when the window moved past some pages (or a strip was cut short): the strip's
    // transaction holds `docPages`, which digest writes wait for.
    if (recent.docsFrom! < recent.firstId) await stripOlderDocs(db);
  }
  // A merge that stops before this leaves the copies of an older `main`, which readers pass over.
  if (merged > 0) await packVocabulary(db, main, vocabulary, allVoids(voidsBefore, terms.get(VOID_TERM) ?? []));
  return merged;
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
async function removeRows(
  db: DB,
  state: SearchStateRecord | undefined,
  keys: readonly number[],
  rows: number,
  pairs: number,
  recent: RecentWindow | undefined,
): Promise<number> {
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
    add(meta.put({ ...(now ?? { stamp: NO_STAMP, nextId: 0 }), ...left, main: (now?.main ?? 0) + 1, ...(recent ? { recent } : {}) }, 'search'));
  });
  await tx.done;
  mergeStats.writeMs += performance.now() - t0;
  return rows;
}

/**
 * A merge's chunk as the recent window holds it: its first id and newest day (VOID_TERM's ids
 * are older documents' and no document's).
 */
function chunkOf(terms: ReadonlyMap<string, readonly number[]>): { firstId: number; day: number } {
  let firstId = Infinity;
  let day = -1;
  for (const [term, pairs] of terms) {
    if (term === VOID_TERM) continue;
    if (pairs.length) firstId = Math.min(firstId, pairs[0]!);
    for (let j = 1; j < pairs.length; j += 2) day = Math.max(day, infoDay(pairs[j]!));
  }
  return { firstId: Number.isFinite(firstId) ? firstId : 0, day };
}

/** The packed pairs of a vocabulary row's terms (sorted), end to end. */
function recentRow(terms: readonly string[], packed: ReadonlyMap<string, Uint8Array>): RecentRow {
  const ends = new Uint32Array(terms.length);
  let size = 0;
  terms.forEach((t, i) => {
    size += packed.get(t)!.length;
    ends[i] = size;
  });
  const bytes = new Uint8Array(size);
  terms.forEach((t, i) => bytes.set(packed.get(t)!, i ? ends[i - 1]! : 0));
  return { terms: terms.join(VOCAB_SEP), ends, bytes };
}

/**
 * The window once a merge's chunk joins it: its oldest chunks leave while the newer ones still
 * cover RECENT.ids ids below `nextId`, their newest day becoming a bound on the older documents'.
 * A chunk with no document (only void ids) adds nothing.
 */
export function movedOn(window: RecentWindow, chunk: RecentWindow['chunks'][number], nextId: number): RecentWindow {
  const chunks = chunk.day < 0 ? [...window.chunks] : [...window.chunks, chunk];
  let { firstId, olderDay } = window;
  while (chunks.length > 1 && nextId - chunks[1]!.firstId >= RECENT.ids) {
    olderDay = Math.max(olderDay, chunks.shift()!.day);
    firstId = chunks[0]!.firstId;
  }
  return { firstId, olderDay, chunks, docsFrom: window.docsFrom ?? window.firstId };
}

/** Document pages stripped per transaction, each a few KB with its documents (tests make it small). */
export const STRIP = { pages: 256 };

/**
 * The document pages of ids that left the recent window keep only their refs: a reader makes
 * those documents from their records, as it does every older one. In transactions of a bounded
 * number of pages, each moving `docsFrom` on with them, so one cut short is taken up by the next.
 */
async function stripOlderDocs(db: DB): Promise<void> {
  for (;;) {
    const tx = db.transaction(['docPages', 'meta'], 'readwrite', RELAXED);
    const pages = tx.objectStore('docPages');
    const meta = tx.objectStore('meta');
    const state = (await meta.get('search')) as SearchStateRecord | undefined;
    const recent = state?.recent;
    const from = recent?.docsFrom;
    if (!state || !recent || from === undefined || from >= recent.firstId) {
      await tx.done;
      return;
    }
    const to = recent.firstId;
    // The page holding id n starts between n − n % DOC_PAGE and n: up to DOC_PAGE − 1 pages read
    // again, stripped already, so each transaction reads more than that.
    const range = IDBKeyRange.bound(from - (from % DOC_PAGE), to, false, true);
    const count = STRIP.pages + DOC_PAGE;
    const rows = await pages.getAll(range, count);
    const next = rows.length < count ? to : Math.min(to, rows.at(-1)!.at(-1)!.id + 1);
    await issueAll((add) => {
      for (const page of rows)
        if (page.some((d) => d.id < to && d.doc !== undefined))
          add(
            pages.put(
              page.map((d) => (d.id < to && d.doc !== undefined ? { id: d.id, ref: d.ref } : d)),
              page[0]!.id,
            ),
          );
      add(meta.put({ ...state, recent: { ...recent, docsFrom: next } }, 'search'));
    });
    await tx.done;
  }
}

/**
 * Deletes the copies of chunks that left the recent window (readers read it from its first
 * chunk on, so until then they are only space). Also those a merge stopped before this left.
 */
async function dropOlderChunks(db: DB, recent: RecentWindow): Promise<void> {
  const from = recent.chunks[0] ? mergedChunk(recent.chunks[0].main) : Infinity;
  const tx = db.transaction('recentPostings', 'readwrite', RELAXED);
  const older = IDBKeyRange.bound([RECENT_TERMS, 0], [RECENT_TERMS, from], false, true);
  const [keys, parts] = await Promise.all([tx.store.getAllKeys(older), tx.store.getAll(older)]);
  await issueAll((add) => {
    keys.forEach(([, chunk], i) => {
      for (const part of (parts[i] as string).split(VOCAB_SEP)) add(tx.store.delete([part, chunk]));
    });
    add(tx.store.delete(older));
  });
  await tx.done;
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
