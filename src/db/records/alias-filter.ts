/**
 * The lookups a digest write can skip. A write reads, for each paper it names, the paper by key,
 * the papers of its title and of its repositories, nearly all of them for values no record holds
 * (a digest names mostly new papers), and each read is an IndexedDB request whatever it finds.
 * This Bloom filter (src/core/bloom) holds every stored paper's key, title key and repositories
 * (own and cited) and every digest's id: a lookup it says is absent is absent, and is not read.
 * A "maybe" (every stored value, and a few absent ones) is read as before.
 *
 * It is kept in the records' own transaction: each write appends its values as one row (`delta`)
 * and moves the filter's stamp with the counters'; every 64 rows (or 30,000 values) the write
 * folds them into the filter's bit arrays (layers of doubling capacity, stored in chunks under
 * 64 KB). A context keeps the filter it loaded in memory, checked against a token that every
 * write changes. A filter whose stamp is not the counters' (a write that bypassed it, a database
 * from before it) is used for nothing: writes read everything, as before, while it is rebuilt from
 * the records in the background (`rebuildAliasFilter`), and the writes made meanwhile, which
 * append their rows all the same, join the rebuilt filter when their stamps chain from where the
 * rebuild started to where the counters are.
 */
import { BloomFilter, hashesOf, type LayerSize, layerWords } from '../../core/bloom/bloom-filter.ts';
import { decodePaper } from '../../core/index/paper-codec.ts';
import type { PaperRecord } from '../../core/index/types.ts';
import { type AliasState, type CountersRecord, type DB, freshAliasState, newAliasToken as newToken, stampOf } from '../schema.ts';
import type { RecordTx } from '../tx.ts';

/** 15,000 words: 60 KB, under the 64 KB above which Chromium stores a value as a separate file. */
const CHUNK_WORDS = 15_000;
export const FOLD_ROWS = 64;
export const FOLD_VALUES = 30_000;

export const keyAlias = (key: string): string => `k ${key}`;
export const titleAlias = (titleKey: string): string => `t ${titleKey}`;
export const repoAlias = (repo: string): string => `r ${repo}`;
export const digestAlias = (id: string): string => `d ${id}`;

/** Every value a write may look this paper up by. */
export function paperAliases(p: PaperRecord): string[] {
  const out = [keyAlias(p.key)];
  if (typeof p.titleKey === 'string') out.push(titleAlias(p.titleKey));
  for (const r of p.repos) out.push(repoAlias(r));
  for (const r of p.citedRepos) out.push(repoAlias(r));
  return out;
}

/** A filter from its stored layers' sizes and their chunks, in key order. */
export function filterFrom(sizes: readonly LayerSize[], chunks: readonly Uint32Array[]): BloomFilter {
  let c = 0;
  const layers = sizes.map((s) => {
    const words = new Uint32Array(layerWords(s.capacity));
    for (let at = 0; at < words.length; at += CHUNK_WORDS) {
      const chunk = chunks[c++];
      if (!chunk || chunk.length !== Math.min(CHUNK_WORDS, words.length - at))
        throw new Error('The alias filter is damaged: a chunk is missing or has the wrong size.');
      words.set(chunk, at);
    }
    return { ...s, words };
  });
  if (c !== chunks.length) throw new Error('The alias filter is damaged: it has chunks no layer holds.');
  return BloomFilter.fromLayers(layers);
}

/** The filter's layers in stored chunks, in key order: [0, layer, chunk]. */
export function chunksOf(filter: BloomFilter): { key: [0, number, number]; words: Uint32Array }[] {
  const out: { key: [0, number, number]; words: Uint32Array }[] = [];
  filter.words().forEach((words, n) => {
    for (let at = 0, c = 0; at < words.length; at += CHUNK_WORDS, c++) out.push({ key: [0, n, c], words: words.slice(at, at + CHUNK_WORDS) });
  });
  return out;
}

// Stored keys: [0, layer, chunk] → a layer's words; [1, seq] → one write's values.
const chunkRange = () => IDBKeyRange.bound([0], [0, Infinity]);
const deltasFrom = (seq: number) => IDBKeyRange.bound([1, seq], [1, Infinity]);

/** The filter this context last loaded or kept up to date, per database, and the state token it matches. */
const cache = new WeakMap<object, { token: string; filter: BloomFilter }>();

/** What tests and the benchmark read: lookups skipped, loads from the database, folds, rebuilds. */
export const aliasStats = { skipped: 0, loads: 0, folds: 0, rebuilds: 0 };

/** Forgets the filters kept in memory (a test's "another context"). */
export function forgetAliasFilters(db: DB): void {
  cache.delete(db);
}

export interface AliasWrite {
  /** Undefined when the filter does not hold every stored value: then every lookup is read. */
  readonly absent: ((alias: string) => boolean) | undefined;
  /** The filter does not agree with the records: it wants rebuilding. */
  readonly stale: boolean;
  /** Issues the row of this transaction's values and the new state (and a fold when due). */
  finish(add: (request: Promise<unknown>) => void, written: readonly string[], stamps: { before: string; after: string }): void;
}

const NONE: AliasWrite = { stale: false, absent: undefined, finish: () => undefined };

export const hasAliasStore = (tx: { objectStoreNames: DOMStringList }): boolean => tx.objectStoreNames.contains('aliases');

/**
 * The filter for one write transaction: its state read beside the counters; loaded (when `load`
 * and this context's copy is out of date) only if it agrees with the records as they stand.
 */
export async function openAliases(tx: RecordTx, countersRead: Promise<CountersRecord | undefined>, load = true): Promise<AliasWrite> {
  if (!hasAliasStore(tx)) return NONE;
  const meta = tx.objectStore('meta');
  const [state, counters] = await Promise.all([meta.get('aliases') as Promise<AliasState | undefined>, countersRead]);
  const agrees = state !== undefined && state.stamp === stampOf(counters);
  const cached = cache.get(tx.db);
  let kept = state && cached?.token === state.token ? cached : undefined;
  if (agrees && !kept && load) {
    const store = tx.objectStore('aliases');
    const [chunks, deltas] = await Promise.all([
      store.getAll(chunkRange()) as Promise<Uint32Array[]>,
      store.getAll(deltasFrom(state.firstSeq)) as Promise<AliasDelta[]>,
    ]);
    const filter = filterFrom(state.sizes, chunks);
    for (const d of deltas) filter.addHashes(d.hashes);
    kept = { token: state.token, filter };
    cache.set(tx.db, kept);
    aliasStats.loads++;
  }
  const filter = agrees ? kept?.filter : undefined;
  return {
    stale: !agrees,
    absent: filter
      ? (alias) => {
          const no = !filter.mayHold(alias);
          if (no) aliasStats.skipped++;
          return no;
        }
      : undefined,
    finish(add, written, stamps) {
      const store = tx.objectStore('aliases');
      const hashes = hashesOf(written);
      const base = state ?? freshAliasState('none');
      const seq = base.nextSeq;
      const next: AliasState = {
        ...base,
        token: newToken(),
        stamp: agrees && base.stamp === stamps.before ? stamps.after : base.stamp,
        nextSeq: seq + 1,
        rows: base.rows + 1,
        values: base.values + written.length,
      };
      const fold = agrees && kept !== undefined && (next.rows >= FOLD_ROWS || next.values >= FOLD_VALUES);
      if (kept && agrees) {
        kept.filter.addHashes(hashes);
        // Once committed, the copy in memory is this state's; an abort leaves the stored token apart, so it is loaded again.
        kept.token = next.token;
      } else if (kept) {
        cache.delete(tx.db);
      }
      if (fold) {
        aliasStats.folds++;
        add(store.delete(IDBKeyRange.bound([0], [1, Infinity])));
        for (const c of chunksOf(kept!.filter)) add(store.put(c.words, c.key));
        add(tx.objectStore('meta').put({ ...next, sizes: kept!.filter.sizes(), firstSeq: next.nextSeq, rows: 0, values: 0 } satisfies AliasState, 'aliases'));
        return;
      }
      add(store.put({ before: stamps.before, after: stamps.after, hashes } satisfies AliasDelta, [1, seq]));
      add(tx.objectStore('meta').put(next, 'aliases'));
    },
  };
}

/** One write's values, and the counters' stamps it moved between (a rebuild follows the chain). */
export interface AliasDelta {
  readonly before: string;
  readonly after: string;
  readonly hashes: Uint32Array;
}

let rebuilding: Promise<boolean> | undefined;

/**
 * Builds the filter again from every record, batch by batch (writes go on meanwhile), and stores
 * it if the counters' stamp moved since its start only through writes that appended their values.
 * Resolves whether it stored the filter. One at a time per context.
 */
export function rebuildAliasFilter(db: DB): Promise<boolean> {
  rebuilding ??= rebuild(db).finally(() => (rebuilding = undefined));
  return rebuilding;
}

const BATCH = 2000;

async function rebuild(db: DB): Promise<boolean> {
  const start = db.transaction('meta');
  const [state, counters] = await Promise.all([
    start.store.get('aliases') as Promise<AliasState | undefined>,
    start.store.get('counters') as Promise<CountersRecord | undefined>,
  ]);
  const fromStamp = stampOf(counters);
  const fromSeq = state?.nextSeq ?? 0;
  const filter = new BloomFilter();
  let after: string | undefined;
  for (;;) {
    const papers = await db.getAll('papers', after === undefined ? null : IDBKeyRange.lowerBound(after, true), BATCH);
    if (papers.length === 0) break;
    // Aliases are keys, title keys and repositories: nothing of a digest's header, so none is read.
    filter.addHashes(hashesOf(papers.flatMap((row) => paperAliases(decodePaper(row, () => undefined)))));
    after = papers.at(-1)!.key;
  }
  filter.addHashes(hashesOf(((await db.getAllKeys('digests')) as string[]).map(digestAlias)));

  const tx = db.transaction(['aliases', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const store = tx.objectStore('aliases');
  const [now, nowCounters, deltas] = await Promise.all([
    meta.get('aliases') as Promise<AliasState | undefined>,
    meta.get('counters') as Promise<CountersRecord | undefined>,
    store.getAll(deltasFrom(fromSeq)) as Promise<AliasDelta[]>,
  ]);
  const target = stampOf(nowCounters);
  const moves = new Map(deltas.filter((d) => d.before !== d.after).map((d) => [d.before, d.after]));
  let at = fromStamp;
  for (let steps = 0; at !== target && moves.has(at) && steps <= deltas.length; steps++) at = moves.get(at)!;
  if (at !== target || (now?.nextSeq ?? 0) < fromSeq) {
    // Something wrote records without appending its values (or the filter was cleared): try again later.
    tx.abort();
    await tx.done.catch(() => undefined);
    return false;
  }
  for (const d of deltas) filter.addHashes(d.hashes);
  const next: AliasState = {
    token: newToken(),
    stamp: target,
    sizes: filter.sizes(),
    firstSeq: now?.nextSeq ?? 0,
    nextSeq: now?.nextSeq ?? 0,
    rows: 0,
    values: 0,
  };
  await Promise.all([store.clear(), ...chunksOf(filter).map((c) => store.put(c.words, c.key)), meta.put(next, 'aliases'), tx.done]);
  cache.set(db, { token: next.token, filter });
  aliasStats.rebuilds++;
  return true;
}
