/**
 * The search index as stored in IndexedDB, read per query term (docs/search.md). A term's
 * postings are its merged `postings` chunks plus what `pending` rows added since (pairs a running
 * merge has written already skipped), minus every
 * void id (merged under VOID_TERM or voided by a pending row: ids are never reused). What a
 * context reads is kept: the vocabulary rows, void ids and merged postings per `main` (they change
 * only on a merge or rebuild), pending rows by key (a row never changes).
 */

import type { IDBPTransaction } from 'idb';
import type { DigestRecord, PaperRecord } from '../../core/index/types.ts';
import type { SearchDoc } from '../../core/search/document.ts';
import { sortedUnion } from '../../core/search/expand.ts';
import type { DocKey, IndexReader } from '../../core/search/index-reader.ts';
import { unpackPostings } from '../../core/search/postings-codec.ts';
import { arrayTerms, joinedTerms, type SortedTerms } from '../../core/search/sorted-terms.ts';
import { type KeptHeaders, readPapers } from '../paper-rows.ts';
import type { CountersRecord, DB, DigestLensDB, PendingRow, RecentRow, SearchDocRow, SearchStateRecord } from '../schema.ts';
import { mergedChunk, refKey, VOCAB_KEYS, VOCAB_PACKED, VOCAB_PART, VOCAB_SEP, vocabPart } from './layout.ts';
import { docOf, readDocs, rowDoc } from './pages.ts';
import { agrees } from './stamps.ts';
import { mergedVoids, packedRows, vocabularyKeys } from './vocab-copies.ts';

/**
 * Documents' records, by the documents' refs (undefined: none to read), read together; `headers`:
 * the papers' digests' headers kept for the index's stamp (keptHeaders).
 */
async function readRecords(t: ReaderTx, refs: readonly (string | undefined)[], headers: KeptHeaders): Promise<(PaperRecord | DigestRecord | undefined)[]> {
  const named = refs.map((ref) => (ref === undefined ? undefined : refKey(ref)));
  const paperAt = named.flatMap((n, i) => (n?.kind === 'paper' ? [i] : []));
  // Pages that keep their documents name no record to read.
  if (!named.some((n) => n)) return refs.map(() => undefined);
  const digests = t.objectStore('digests');
  const [papers, others] = await Promise.all([
    readPapers(
      t.objectStore('papers'),
      paperAt.map((i) => named[i]!.key),
      headers,
    ),
    Promise.all(named.map((n) => (n?.kind === 'digest' ? digests.get(n.key) : undefined))),
  ]);
  const out: (PaperRecord | DigestRecord | undefined)[] = others;
  paperAt.forEach((i, j) => (out[i] = papers[j]));
  return out;
}

/** The merged postings moved on (a merge or rebuild ran) between a query's reads: ask again. */
export class IndexMoved extends Error {
  constructor() {
    super('the search index was merged while a query read it');
  }
}

// Typing "s", "se", "seg"… asks for mostly the same terms again: a bounded number of pairs is kept.
const POSTINGS_CACHE_ENTRIES = 8_000_000;

interface Cache {
  readonly db: DB;
  readonly main: number;
  /** The merged vocabulary's row keys (`vocabPart`), in order. */
  vocabKeys?: Promise<string[]> | undefined;
  /** Rows asked for, by key: settled once read (a read that failed is forgotten). */
  readonly vocabAsked: Map<string, Promise<void>>;
  /** Rows read, by key: each the row's terms, sorted. */
  readonly vocabRows: Map<string, string[]>;
  /** The terms of every row read, in key order (so sorted), rebuilt when more rows come. */
  vocab?: { rows: number; terms: SortedTerms };
  /** Merged void ids. */
  voids?: Promise<Uint32Array> | undefined;
  /** Merged postings by term: every chunk, and the recent window's. */
  readonly lists: Map<string, Uint32Array>;
  readonly recentLists: Map<string, Uint32Array>;
  entries: number;
  /**
   * Pending rows by key, as reads: a row never changes, so one read in any snapshot that lists it
   * serves every reader of this `main` (two readers opened together read it once).
   */
  readonly rows: Map<number, Promise<PendingRow | undefined>>;
  /**
   * Every vocabulary row, read at once (the packed copy) by a reader whose query needs most of them
   * (a word with two typos), as one text: the rows are not split into terms.
   */
  wholeVocabulary?: SortedTerms | undefined;
  /** Derived from `rows`, for the row keys in `derivedKeys` (ascending). */
  derivedKeys?: readonly number[];
  derived?: Pending;
}

interface Pending {
  /** A bit per void id, merged or pending; undefined when none is void. */
  readonly voided: Uint8Array | undefined;
  readonly byTerm: Map<string, Uint32Array[]>;
  /** The pending rows' terms, sorted: as the vocabulary's part, and as strings (what a derive extends). */
  readonly terms: SortedTerms;
  readonly termList: string[];
  /** Postings of a term as queries see them (merged ∪ pending − voided), built on demand: all, and the recent window's. */
  readonly combined: Map<string, Uint32Array>;
  readonly recentCombined: Map<string, Uint32Array>;
}

let cache: Cache | undefined;

const READER_STORES = ['meta', 'pending', 'vocab', 'postings', 'recentPostings', 'docPages', 'papers', 'digests'] as const;
type ReaderTx = IDBPTransaction<DigestLensDB, typeof READER_STORES extends readonly (infer S)[] ? S[] : never, 'readonly'>;

// By id, for the epoch: an id's document never changes within an epoch (a changed one gets a new
// id), so results shown on one keystroke are not read again on the next; nor are the keys of the
// candidates tied at a query's cut (index-search.ts orders them by key), which the same query
// asked again (a popup opened again) would read from their document pages again, ~8 ms at 100k.
const DOCS_KEPT = 4096;
const KEYS_KEPT = 16_384;
let byId: { db: DB; epoch: number; docs: Map<number, SearchDoc>; keys: Map<number, DocKey> } | undefined;

// The digests' headers older documents' records join, for the index's stamp: the records are
// the same while it stays (every write moves it), and a keystroke's results share few digests
// (a digest names up to 100 papers), so its second wave of reads is mostly gone.
const HEADERS_KEPT = 4096;
let headersById: { db: DB; stamp: string; headers: KeptHeaders } | undefined;

function keptHeaders(db: DB, stamp: string): KeptHeaders {
  if (headersById?.db !== db || headersById.stamp !== stamp || headersById.headers.size > HEADERS_KEPT) headersById = { db, stamp, headers: new Map() };
  return headersById.headers;
}

/** What is kept by id for this database and epoch (emptied when it is another's, or a map is full). */
function keptById(db: DB, epoch: number): NonNullable<typeof byId> {
  if (byId?.db !== db || byId.epoch !== epoch) byId = { db, epoch, docs: new Map(), keys: new Map() };
  if (byId.docs.size > DOCS_KEPT) byId.docs = new Map();
  if (byId.keys.size > KEYS_KEPT) byId.keys = new Map();
  return byId;
}

/** Whether this context holds the whole vocabulary of `db` as one text. */
export function keepsWholeVocabulary(db: DB): boolean {
  return cache?.db === db && cache.wholeVocabulary !== undefined;
}

export function forgetVocabulary(): void {
  cache = undefined;
}

const startsWith = (keys: readonly number[], head: readonly number[]): boolean => head.length <= keys.length && head.every((k, i) => keys[i] === k);
const sameKeys = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && startsWith(a, b);

function concat(parts: readonly Uint32Array[]): Uint32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * What queries need from the pending rows: lists by term, the terms sorted, a bit per void id.
 * `from`: what the rows before these were derived into (the same merged state, rows only appended
 * since, as between two merges): it is extended, not rebuilt, and a word's combined postings that
 * the new rows leave alone are kept. `from` itself is left as it was (a reader may still use it).
 */
function derive(rows: readonly PendingRow[], voids: Uint32Array, from?: Pending): Pending {
  const byTerm = new Map(from?.byTerm);
  const touched = new Set<string>();
  let top = from?.voided ? from.voided.length * 8 - 1 : -1;
  if (!from) for (const id of voids) top = Math.max(top, id);
  let newVoids = false;
  for (const row of rows) {
    for (const id of row.voided) top = Math.max(top, id);
    if (row.voided.length) newVoids = true;
    row.terms.forEach((t, i) => {
      const at = byTerm.get(t);
      // A copy once per derive: `from`'s arrays stay as they were.
      if (at && !touched.has(t)) byTerm.set(t, [...at, row.lists[i]!]);
      else if (at) at.push(row.lists[i]!);
      else byTerm.set(t, [row.lists[i]!]);
      touched.add(t);
    });
  }
  let voided = from?.voided;
  if (top >= 0 && (!from || newVoids)) {
    voided = new Uint8Array((top >>> 3) + 1);
    if (from?.voided) voided.set(from.voided);
    else for (const id of voids) voided[id >>> 3]! |= 1 << (id & 7);
    for (const row of rows) for (const id of row.voided) voided[id >>> 3]! |= 1 << (id & 7);
  }
  const added = [...touched].filter((t) => !from?.byTerm.has(t)).sort();
  const termList = from ? (added.length ? sortedUnion(from.termList, added) : from.termList) : added;
  // The same list keeps the same view, and the expansions kept for it (index-search.ts).
  const terms = from && termList === from.termList ? from.terms : arrayTerms(termList);
  const combined = new Map<string, Uint32Array>();
  const recentCombined = new Map<string, Uint32Array>();
  // A new void id may be in any word's postings; otherwise only the words the rows touch change.
  if (from && !newVoids) {
    for (const [t, list] of from.combined) if (!touched.has(t)) combined.set(t, list);
    for (const [t, list] of from.recentCombined) if (!touched.has(t)) recentCombined.set(t, list);
  }
  return { voided, byTerm, terms, termList, combined, recentCombined };
}

/**
 * A pending list's pairs above `floor`: a merge writes a word's pending pairs into its postings
 * in one of its slices and removes the rows only after its last, so in between they are in both.
 */
function above(list: Uint32Array, floor: number): Uint32Array {
  if (list.length === 0 || list[0]! > floor) return list;
  let j = 0;
  while (j < list.length && list[j]! <= floor) j += 2;
  return list.subarray(j);
}

function combine(p: Pending, merged: Uint32Array, term: string): Uint32Array {
  const last = merged.length ? merged[merged.length - 2]! : -1;
  const parts = [merged, ...(p.byTerm.get(term) ?? []).map((l) => above(l, last))];
  const voided = p.voided;
  if (!voided) return concat(parts);
  const out = new Uint32Array(parts.reduce((n, l) => n + l.length, 0));
  let n = 0;
  for (const list of parts) {
    for (let j = 0; j < list.length; j += 2) {
      const id = list[j]!;
      if ((voided[id >>> 3] ?? 0) & (1 << (id & 7))) continue;
      out[n++] = id;
      out[n++] = list[j + 1]!;
    }
  }
  return n === out.length ? out : out.subarray(0, n);
}

/**
 * Adjacent keys of `keys` (in order) that are in `some`, one key range read each; rows `small`
 * accepts (a one-term row) are read along rather than split a range (the 36 of "a"–"z", "0"–"9"
 * would split the whole vocabulary into 36 reads).
 */
function runsOf(keys: readonly string[], some: ReadonlySet<string>, small: (key: string) => boolean): string[][] {
  const runs: string[][] = [];
  let run: string[] | undefined;
  let gap: string[] = [];
  for (const k of keys) {
    if (some.has(k)) {
      if (run) run.push(...gap, k);
      else runs.push((run = [k]));
      gap = [];
    } else if (run && small(k)) gap.push(k);
    else run = undefined;
  }
  return runs;
}

/**
 * A reader on one snapshot of the index: the state, pending rows and (unless `vocabulary` is
 * false: related papers never expand a word) the vocabulary's row keys read in one transaction;
 * the vocabulary rows a query needs come next, in it while it is active. Reads made later check
 * that `main` has not moved (else IndexMoved). Undefined when the index does not agree with the
 * records (its stamp is not the counters'): a rebuild's turn. A query needing most vocabulary rows
 * (a word with two typos) reads them as the packed copy, one value, once per context and `main`.
 */
export async function openIndexReader(db: DB, { vocabulary = true }: { vocabulary?: boolean } = {}): Promise<IndexReader | undefined> {
  const tx = db.transaction(READER_STORES);
  // A query's later reads use this transaction while it is still active: behind a running write a
  // keystroke then waits once, not once per read, and its reads see one state of the index.
  let snapshot: ReaderTx | undefined = tx;
  const reading = async <R>(use: (t: ReaderTx, inSnapshot: boolean) => Promise<R>): Promise<R> => {
    if (snapshot) {
      try {
        return await use(snapshot, true);
      } catch (e) {
        // It committed (the query awaited something else meanwhile): nothing was read in it.
        const name = (e as { name?: string } | null)?.name;
        if (name !== 'TransactionInactiveError' && name !== 'InvalidStateError') throw e;
        snapshot = undefined;
      }
    }
    return use(db.transaction(READER_STORES), false);
  };
  // The state first; with it the reads a context that keeps nothing for this database makes in
  // any case (a popup, a worker just started): one wave, not one after the state. What they read
  // is used only if it is this `main`'s. Kept things are always the current `main`'s or older.
  const first = Promise.all([
    tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>,
    tx.objectStore('meta').get('counters') as Promise<CountersRecord | undefined>,
    tx.objectStore('pending').getAllKeys(),
  ]);
  const known = cache?.db === db ? cache : undefined;
  const vocabStore = tx.objectStore('vocab');
  // The keys copy brings the void ids too (vocab-copies.ts): it is read for them alone when the
  // vocabulary is kept (or not wanted) but they are not.
  const keysCopy = (vocabulary && !known?.vocabKeys) || !known?.voids ? vocabStore.get(VOCAB_KEYS) : undefined;
  keysCopy?.catch(() => undefined);
  const [state, counters, keys] = await first;
  if (!agrees(state, counters)) return undefined;
  const main = state?.main ?? 0;
  if (cache?.db !== db || cache.main !== main)
    cache = { db, main, lists: new Map(), recentLists: new Map(), entries: 0, rows: new Map(), vocabAsked: new Map(), vocabRows: new Map() };
  const c = cache;
  const keepVocabKeys = (read: Promise<string[]>) => {
    c.vocabKeys = read;
    read.catch(() => c === cache && (c.vocabKeys = undefined));
    return read;
  };
  // The keys alone: ~1,300 short strings, where the rows hold every term.
  if (vocabulary && !c.vocabKeys) keepVocabKeys(vocabularyKeys(vocabStore, main, keysCopy));
  const voidsRead = (c.voids ??= mergedVoids(tx.objectStore('postings'), main, keysCopy ?? vocabStore.get(VOCAB_KEYS)));
  voidsRead.catch(() => c === cache && (c.voids = undefined));
  for (const k of keys) {
    if (c.rows.has(k)) continue;
    const read = tx.objectStore('pending').get(k);
    c.rows.set(k, read);
    read.catch(() => c.rows.get(k) === read && c.rows.delete(k));
  }
  const live = new Set(keys);
  for (const k of [...c.rows.keys()]) if (!live.has(k)) c.rows.delete(k);
  const rows = await Promise.all(keys.map((k) => c.rows.get(k)!));
  const [voids] = await Promise.all([voidsRead, c.vocabKeys]);
  if (!c.derived || !sameKeys(c.derivedKeys ?? [], keys)) {
    // Rows only appended since the last derive (writes between two merges): only they are added.
    const appended = c.derived && c.derivedKeys && startsWith(keys, c.derivedKeys);
    const from = appended ? c.derived : undefined;
    const added = appended ? rows.slice(c.derivedKeys!.length) : rows;
    c.derived = derive(
      added.filter((r) => r !== undefined),
      voids,
      from,
    );
    c.derivedKeys = keys;
  }
  const pending = c.derived;
  const nextId = state?.nextId ?? 0;
  /** Document pages' rows this reader has read, by id (a row never changes): `keys` reads them for `docs`. */
  const pageRows = new Map<number, SearchDocRow | undefined>();
  /** `reading`, and in another transaction than the snapshot's, a check that `main` has not moved. */
  const readingMain = <R>(use: (t: ReaderTx) => Promise<R>): Promise<R> =>
    reading(async (t, inSnapshot) => {
      // Issued at once, so an inactive transaction fails before anything is read in it.
      const reads = use(t);
      if (inSnapshot) return reads;
      const now = (await t.objectStore('meta').get('search')) as SearchStateRecord | undefined;
      if ((now?.main ?? 0) !== main) {
        reads.catch(() => undefined);
        forgetVocabulary();
        throw new IndexMoved();
      }
      return reads;
    });
  /** The merged vocabulary: the rows `wanted` accepts read (once per `main`), and every row read so far. */
  const mergedVocabulary = async (wanted?: (head: string, whole: boolean) => boolean): Promise<SortedTerms> => {
    if (c.wholeVocabulary) return c.wholeVocabulary;
    const keys = await (c.vocabKeys ?? keepVocabKeys(readingMain((t) => vocabularyKeys(t.objectStore('vocab'), main))));
    // Once every row is asked for there is nothing left to choose.
    const want = wanted && c.vocabAsked.size < keys.length ? keys.filter((k) => wanted(k, k.length < VOCAB_PART)) : keys;
    const missing = new Set(want.filter((k) => !c.vocabAsked.has(k)));
    // Most rows still to read (a word with two typos): the packed copy, one value, when it is this
    // `main`'s (at 1M 55–72 ms against 190–226 for the rows, docs/search.md).
    if (missing.size > keys.length / 2) {
      const packed = packedRows(await readingMain((t) => t.objectStore('vocab').get(VOCAB_PACKED)), main);
      if (packed) {
        const [, rows, starts] = packed;
        const whole = joinedTerms(rows, VOCAB_SEP, starts);
        if (c === cache) c.wholeVocabulary = whole;
        return whole;
      }
    }
    if (missing.size) {
      // Adjacent rows as one key range: a word with a budget of 2 reads the whole store at once.
      const runs = runsOf(keys, missing, (k) => k.length < VOCAB_PART && !c.vocabAsked.has(k));
      for (const k of runs.flat()) missing.add(k);
      const read = readingMain((t) => Promise.all(runs.map((run) => t.objectStore('vocab').getAll(IDBKeyRange.bound(run[0]!, run.at(-1)!)))));
      // A row's key is its terms' first two characters: told from the value, since a range may also
      // hold rows newer than the keys (a merge's slices add rows before it moves `main`).
      const done = read.then((values) =>
        values.flat().forEach((row) => {
          const terms = (row as string).split(VOCAB_SEP);
          c.vocabRows.set(vocabPart(terms[0]!), terms);
        }),
      );
      done.catch(() => c === cache && missing.forEach((k) => c.vocabAsked.delete(k)));
      for (const k of missing) c.vocabAsked.set(k, done);
    }
    await Promise.all(new Set(want.map((k) => c.vocabAsked.get(k))));
    // Rows in key order, each sorted: concatenated, sorted.
    if (c.vocab?.rows !== c.vocabRows.size) c.vocab = { rows: c.vocabRows.size, terms: arrayTerms(keys.flatMap((k) => c.vocabRows.get(k) ?? [])) };
    return c.vocab.terms;
  };

  /** Past POSTINGS_CACHE_ENTRIES pairs kept, everything read goes. */
  const bounded = () => {
    if (c.entries <= POSTINGS_CACHE_ENTRIES) return;
    c.lists.clear();
    c.recentLists.clear();
    c.entries = 0;
    pending.combined.clear();
    pending.recentCombined.clear();
  };
  const keep = (lists: Map<string, Uint32Array>, t: string, list: Uint32Array) => {
    lists.set(t, list);
    c.entries += list.length;
  };

  /** Terms' postings as queries see them (merged ∪ pending − void): every chunk, kept per `main`. */
  const readPostings = async (terms: readonly string[], prefixes: readonly string[] = []): Promise<Uint32Array[]> => {
    bounded();
    const need = terms.filter((t) => !pending.combined.has(t));
    let read = need.filter((t) => !c.lists.has(t));
    // A short prefix ("se") completes to hundreds of terms, adjacent in key order: when none of
    // them was read before, one key range reads them all (values and keys, to tell them apart).
    const ranged = prefixes.filter((p) => {
      const completions = read.filter((t) => t.startsWith(p));
      return completions.length >= 2 && terms.every((t) => !t.startsWith(p) || !c.lists.has(t));
    });
    if (ranged.length) read = read.filter((t) => !ranged.some((p) => t.startsWith(p)));
    if (need.length) {
      const [values, ranges] = await readingMain((ptx) => {
        const store = ptx.objectStore('postings');
        // Every chunk of a term: keys [term, 0] … [term, +∞] are adjacent.
        return Promise.all([
          Promise.all(read.map((t) => store.getAll(IDBKeyRange.bound([t, 0], [t, Infinity])).then(unpackPostings))),
          Promise.all(
            ranged.map((p) => {
              const range = IDBKeyRange.bound([p, 0], [`${p}\uffff`, Infinity]);
              return Promise.all([store.getAllKeys(range), store.getAll(range)]);
            }),
          ),
        ]);
      });
      read.forEach((t, i) => keep(c.lists, t, values[i]!));
      for (const [keys, rows] of ranges) {
        // Chunks come in key order: a term's chunks one after another.
        for (let i = 0; i < keys.length; ) {
          const term = keys[i]![0];
          let j = i;
          while (j < keys.length && keys[j]![0] === term) j++;
          keep(c.lists, term, unpackPostings(rows.slice(i, j)));
          i = j;
        }
      }
      // A completion with nothing merged yet (only pending) had no key in its range.
      for (const p of ranged) for (const t of need) if (t.startsWith(p) && !c.lists.has(t)) keep(c.lists, t, new Uint32Array(0));
      for (const t of need) pending.combined.set(t, combine(pending, c.lists.get(t) ?? new Uint32Array(0), t));
    }
    return terms.map((t) => pending.combined.get(t)!);
  };

  /**
   * The same for the recent window: its merges' rows (from chunk `from` on) of the vocabulary
   * rows holding the terms, one key range each (a typed prefix's terms are in one), kept per `main`.
   */
  const readRecent = async (from: number, terms: readonly string[]): Promise<Uint32Array[]> => {
    bounded();
    const need = terms.filter((t) => !pending.recentCombined.has(t));
    const read = need.filter((t) => !c.recentLists.has(t));
    if (read.length) {
      const parts = [...new Set(read.map(vocabPart))];
      const rows = await readingMain((ptx) => {
        const store = ptx.objectStore('recentPostings');
        return Promise.all(parts.map((part) => store.getAll(IDBKeyRange.bound([part, from], [part, Infinity])) as Promise<RecentRow[]>));
      });
      const wanted = new Set(read);
      const chunks = new Map<string, Uint8Array[]>(read.map((t) => [t, []]));
      // Rows in chunk order: each wanted term's packed pairs, merge after merge.
      for (const row of rows.flat()) {
        row.terms.split(VOCAB_SEP).forEach((t, i) => {
          if (wanted.has(t)) chunks.get(t)!.push(row.bytes.subarray(i ? row.ends[i - 1]! : 0, row.ends[i]!));
        });
      }
      for (const [t, packed] of chunks) keep(c.recentLists, t, unpackPostings(packed));
    }
    for (const t of need) pending.recentCombined.set(t, combine(pending, c.recentLists.get(t)!, t));
    return terms.map((t) => pending.recentCombined.get(t)!);
  };

  return {
    async vocabulary(wanted) {
      const merged = await mergedVocabulary(wanted);
      return pending.terms.length ? [merged, pending.terms] : [merged];
    },
    postings: readPostings,
    async recent() {
      // Nothing merged yet: every document is pending, none older to leave out. Or the window
      // holds no day after the older documents' (digests synced backwards): none can outrank them.
      const window = state?.recent;
      if (!window?.chunks.length || window.chunks.every((c) => c.day <= window.olderDay)) return undefined;
      const from = mergedChunk(window.chunks[0]!.main);
      return {
        first: window.firstId,
        olderRank: window.olderDay < 0 ? -1 : window.olderDay * 2 + 1,
        postings: (terms) => readRecent(from, terms),
      };
    },
    async docs(ids) {
      const kept = keptById(db, state?.epoch ?? 0).docs;
      const missing = ids.filter((id) => !kept.has(id));
      if (missing.length) {
        const docs = await reading(async (t, inSnapshot) => {
          const unread = missing.filter((id) => !pageRows.has(id));
          if (unread.length) {
            const read = await readDocs(t.objectStore('docPages'), unread);
            unread.forEach((id, i) => pageRows.set(id, read[i]));
          }
          const rows = missing.map((id) => pageRows.get(id));
          // A document is made from its record, read in the same transaction: one that no longer
          // carries the id was written since the snapshot (out of it), so the query asks again.
          const records = await readRecords(
            t,
            rows.map((r) => (r && r.doc === undefined ? r.ref : undefined)),
            keptHeaders(db, state?.stamp ?? ''),
          );
          return rows.map((row, i): SearchDoc | undefined => {
            if (!row) return undefined;
            if (row.doc !== undefined) return rowDoc({ ref: row.ref, doc: row.doc });
            const record = records[i];
            if (record?.searchId === row.id) return rowDoc({ ref: row.ref, doc: docOf(row.ref, record) });
            if (!inSnapshot) throw new IndexMoved();
            return undefined;
          });
        });
        missing.forEach((id, i) => docs[i] && kept.set(id, docs[i]!));
      }
      return ids.map((id) => kept.get(id));
    },
    async keys(ids) {
      // A document read already has them; the others' are in their document pages' refs.
      const { docs: kept, keys: known } = keptById(db, state?.epoch ?? 0);
      const missing = ids.filter((id) => !kept.has(id) && !known.has(id) && !pageRows.has(id));
      if (missing.length) {
        const rows = await reading((t) => readDocs(t.objectStore('docPages'), missing));
        missing.forEach((id, i) => pageRows.set(id, rows[i]));
      }
      return ids.map((id): DocKey | undefined => {
        const doc = kept.get(id);
        if (doc) return { kind: doc.kind, key: doc.key };
        const ref = pageRows.get(id)?.ref;
        if (ref !== undefined) known.set(id, refKey(ref));
        return known.get(id);
      });
    },
    idRange: async () => ({ first: Math.min(state?.firstId ?? 0, nextId), limit: nextId }),
  };
}
