/**
 * The search index as stored in IndexedDB, read per query term (docs/search.md). A term's
 * postings are its merged `postings` chunks plus what `pending` rows added since, minus every
 * pair a later row voided. What a context reads is kept: the vocabulary and merged postings per
 * `main` (they change only on a merge or rebuild), pending rows by key (a row never changes).
 */
import type { SearchDoc } from '../core/search/document.ts';
import type { IndexReader } from '../core/search/index-reader.ts';
import type { CountersRecord, DB, PendingRow, SearchStateRecord } from './schema.ts';
import { agrees, VOCAB_SEP } from './search-write.ts';

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
  vocab?: Promise<string[]>;
  /** Merged postings by term. */
  readonly lists: Map<string, Uint32Array>;
  entries: number;
  readonly rows: Map<number, PendingRow>;
  /** Derived from `rows`, for the set of row keys in `rowsKey`. */
  rowsKey?: string;
  derived?: Pending;
}

interface Pending {
  /** For each voided id, the last row (sequence number) that voided it. */
  readonly voidedAt: Map<number, number>;
  readonly byTerm: Map<string, { seq: number; list: Uint32Array }[]>;
  /** Sorted merged vocabulary ∪ pending terms. */
  readonly vocab: string[];
  /** Postings of a term as queries see them (merged ∪ pending − voided), built on demand. */
  readonly combined: Map<string, Uint32Array>;
}

let cache: Cache | undefined;

export function forgetVocabulary(): void {
  cache = undefined;
}

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

/** Two sorted, duplicate-free string arrays as one. */
function union(a: readonly string[], b: readonly string[]): string[] {
  if (b.length === 0) return a as string[];
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

function derive(rows: readonly [number, PendingRow][], vocab: readonly string[]): Pending {
  const voidedAt = new Map<number, number>();
  const byTerm = new Map<string, { seq: number; list: Uint32Array }[]>();
  const terms = new Set<string>();
  for (const [seq, row] of rows) {
    for (const id of row.voided) voidedAt.set(id, seq);
    row.terms.forEach((t, i) => {
      const at = byTerm.get(t);
      const entry = { seq, list: row.lists[i]! };
      if (at) at.push(entry);
      else byTerm.set(t, [entry]);
      terms.add(t);
    });
  }
  return { voidedAt, byTerm, vocab: union(vocab, [...terms].sort()), combined: new Map() };
}

function combine(p: Pending, merged: Uint32Array, term: string): Uint32Array {
  const extra = p.byTerm.get(term);
  if (p.voidedAt.size === 0 && !extra) return merged;
  const parts: Uint32Array[] = [];
  const keep = (list: Uint32Array, seq: number) => {
    let n = 0;
    const out = new Uint32Array(list.length);
    for (let j = 0; j < list.length; j += 2) {
      const at = p.voidedAt.get(list[j]!);
      if (at !== undefined && at > seq) continue;
      out[n++] = list[j]!;
      out[n++] = list[j + 1]!;
    }
    parts.push(n === list.length ? list : out.subarray(0, n));
  };
  // Merged pairs predate every pending row.
  keep(merged, -1);
  for (const e of extra ?? []) keep(e.list, e.seq);
  return concat(parts);
}

/**
 * A reader on one snapshot of the index: the state, pending rows and vocabulary read in one
 * transaction. Postings read later check that `main` has not moved (else IndexMoved). Undefined
 * when the index does not agree with the records (its stamp is not the counters'): a rebuild's turn.
 */
export async function openIndexReader(db: DB): Promise<IndexReader | undefined> {
  const tx = db.transaction(['meta', 'pending', 'vocab']);
  const [state, counters] = await Promise.all([
    tx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>,
    tx.objectStore('meta').get('counters') as Promise<CountersRecord | undefined>,
  ]);
  if (!agrees(state, counters)) return undefined;
  const main = state?.main ?? 0;
  if (cache?.db !== db || cache.main !== main) cache = { db, main, lists: new Map(), entries: 0, rows: new Map() };
  const c = cache;
  // Rows in key order, each sorted: split and concatenated, the whole vocabulary sorted.
  const vocabRead = (c.vocab ??= tx.objectStore('vocab').getAll().then((rows) => rows.flatMap((r) => r.split(VOCAB_SEP))));
  vocabRead.catch(() => c === cache && (c.vocab = undefined));
  const keys = await tx.objectStore('pending').getAllKeys();
  const missing = keys.filter((k) => !c.rows.has(k));
  const fetched = await Promise.all(missing.map((k) => tx.objectStore('pending').get(k)));
  missing.forEach((k, i) => fetched[i] && c.rows.set(k, fetched[i]!));
  const live = new Set(keys);
  for (const k of [...c.rows.keys()]) if (!live.has(k)) c.rows.delete(k);
  const vocab = await vocabRead;
  const rowsKey = keys.join(',');
  if (c.rowsKey !== rowsKey || !c.derived) {
    c.derived = derive([...c.rows.entries()].sort((a, b) => a[0] - b[0]), vocab);
    c.rowsKey = rowsKey;
  }
  const pending = c.derived;
  const nextId = state?.nextId ?? 0;

  return {
    vocabulary: async () => pending.vocab,
    async postings(terms) {
      if (c.entries > POSTINGS_CACHE_ENTRIES) {
        c.lists.clear();
        c.entries = 0;
        pending.combined.clear();
      }
      const need = terms.filter((t) => !pending.combined.has(t));
      const read = need.filter((t) => !c.lists.has(t));
      if (need.length) {
        const ptx = db.transaction(['meta', 'postings']);
        // Every chunk of a term: keys [term, 0] … [term, +∞] are adjacent.
        const [now, lists] = await Promise.all([
          ptx.objectStore('meta').get('search') as Promise<SearchStateRecord | undefined>,
          Promise.all(read.map(async (t) => concat(await ptx.objectStore('postings').getAll(IDBKeyRange.bound([t, 0], [t, Infinity]))))),
        ]);
        if ((now?.main ?? 0) !== main) {
          forgetVocabulary();
          throw new IndexMoved();
        }
        read.forEach((t, i) => {
          c.lists.set(t, lists[i]!);
          c.entries += lists[i]!.length;
        });
        for (const t of need) pending.combined.set(t, combine(pending, c.lists.get(t) ?? new Uint32Array(0), t));
      }
      return terms.map((t) => pending.combined.get(t)!);
    },
    async docs(ids) {
      const dtx = db.transaction('searchDocs');
      const rows = await Promise.all(ids.map((id) => dtx.store.get(id)));
      return rows.map((r): SearchDoc | undefined => r?.doc);
    },
    idLimit: async () => nextId,
  };
}
