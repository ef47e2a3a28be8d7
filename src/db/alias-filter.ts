/**
 * The lookups a digest write can skip. A write reads, for each paper it names, the paper by key,
 * the papers of its title and of its repositories: ~300 reads for a 100-paper digest, nearly all
 * of them for values no record holds (a digest names mostly new papers). Each read is an IndexedDB
 * request (~0.2–0.5 ms, whatever it finds). This Bloom filter holds every stored paper's key,
 * title key and repositories (own and cited) and every digest's id: a lookup it says is absent is
 * absent, and is not read. A "maybe" (every stored value, and ~1% of absent ones) is read as before.
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
import type { PaperRecord } from '../core/index/types.ts';
import { type AliasState, type CountersRecord, type DB, freshAliasState, newAliasToken as newToken } from './schema.ts';
import { stampOf } from './search-write.ts';
import type { RecordTx } from './write.ts';

const PROBES = 7;
const BITS_PER_VALUE = 10; // with 7 probes: ~1% of absent values read anyway
const FIRST_CAPACITY = 1 << 15;
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

/** Two independent 32-bit hashes of a string (the second odd): probe i is h1 + i·h2. */
export function hashPair(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return [mix(a) >>> 0, (mix(b ^ 0x9e3779b9) | 1) >>> 0];
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

interface Layer {
  readonly capacity: number;
  count: number;
  readonly words: Uint32Array;
}

const wordsFor = (capacity: number) => Math.ceil((capacity * BITS_PER_VALUE) / 32);

/** A Bloom filter that grows by adding layers of twice the capacity; it never says "absent" of a value it was given. */
export class AliasFilter {
  readonly layers: Layer[] = [];

  static from(sizes: readonly { capacity: number; count: number }[], chunks: readonly Uint32Array[]): AliasFilter {
    const f = new AliasFilter();
    let c = 0;
    for (const s of sizes) {
      const words = new Uint32Array(wordsFor(s.capacity));
      for (let at = 0; at < words.length; at += CHUNK_WORDS) {
        const chunk = chunks[c++];
        if (!chunk || chunk.length !== Math.min(CHUNK_WORDS, words.length - at))
          throw new Error('The alias filter is damaged: a chunk is missing or has the wrong size.');
        words.set(chunk, at);
      }
      f.layers.push({ capacity: s.capacity, count: s.count, words });
    }
    if (c !== chunks.length) throw new Error('The alias filter is damaged: it has chunks no layer holds.');
    return f;
  }

  mayHold(alias: string): boolean {
    const [h1, h2] = hashPair(alias);
    return this.mayHoldHashes(h1, h2);
  }

  private mayHoldHashes(h1: number, h2: number): boolean {
    return this.layers.some((l) => holds(l, h1, h2));
  }

  /** Adds hash pairs (h1, h2, h1, h2, …), each to the last layer unless some layer may hold it already. */
  addHashes(pairs: Uint32Array): void {
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const h1 = pairs[i]!;
      const h2 = pairs[i + 1]!;
      if (this.mayHoldHashes(h1, h2)) continue;
      let last = this.layers.at(-1);
      if (!last || last.count >= last.capacity) {
        const capacity = last ? last.capacity * 2 : FIRST_CAPACITY;
        last = { capacity, count: 0, words: new Uint32Array(wordsFor(capacity)) };
        this.layers.push(last);
      }
      const bits = last.words.length * 32;
      for (let p = 0; p < PROBES; p++) {
        const bit = ((h1 + Math.imul(p, h2)) >>> 0) % bits;
        last.words[bit >>> 5]! |= 1 << (bit & 31);
      }
      last.count++;
    }
  }

  sizes(): { capacity: number; count: number }[] {
    return this.layers.map((l) => ({ capacity: l.capacity, count: l.count }));
  }

  /** The layers' words in stored chunks, in key order: [0, layer, chunk]. */
  chunks(): { key: [0, number, number]; words: Uint32Array }[] {
    const out: { key: [0, number, number]; words: Uint32Array }[] = [];
    this.layers.forEach((l, n) => {
      for (let at = 0, c = 0; at < l.words.length; at += CHUNK_WORDS, c++) out.push({ key: [0, n, c], words: l.words.slice(at, at + CHUNK_WORDS) });
    });
    return out;
  }
}

function holds(l: Layer, h1: number, h2: number): boolean {
  const bits = l.words.length * 32;
  for (let p = 0; p < PROBES; p++) {
    const bit = ((h1 + Math.imul(p, h2)) >>> 0) % bits;
    if ((l.words[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

export function hashesOf(aliases: readonly string[]): Uint32Array {
  const out = new Uint32Array(aliases.length * 2);
  aliases.forEach((a, i) => out.set(hashPair(a), i * 2));
  return out;
}

// Stored keys: [0, layer, chunk] → a layer's words; [1, seq] → one write's values.
const chunkRange = () => IDBKeyRange.bound([0], [0, Infinity]);
const deltasFrom = (seq: number) => IDBKeyRange.bound([1, seq], [1, Infinity]);

/** The filter this context last loaded or kept up to date, per database, and the state token it matches. */
const cache = new WeakMap<object, { token: string; filter: AliasFilter }>();

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
    const filter = AliasFilter.from(state.sizes, chunks);
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
        for (const c of kept!.filter.chunks()) add(store.put(c.words, c.key));
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
  const filter = new AliasFilter();
  let after: string | undefined;
  for (;;) {
    const papers = await db.getAll('papers', after === undefined ? null : IDBKeyRange.lowerBound(after, true), BATCH);
    if (papers.length === 0) break;
    filter.addHashes(hashesOf(papers.flatMap(paperAliases)));
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
  await Promise.all([store.clear(), ...filter.chunks().map((c) => store.put(c.words, c.key)), meta.put(next, 'aliases'), tx.done]);
  cache.set(db, { token: next.token, filter });
  aliasStats.rebuilds++;
  return true;
}
