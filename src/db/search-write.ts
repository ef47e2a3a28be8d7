/**
 * Keeping the search index in step with the records, inside the transaction that writes them:
 * each touched paper or digest is re-indexed from its stored record (or dropped when it is gone).
 */
import { digestDoc, paperDoc } from '../core/search/document.ts';
import { docInfo, docTerms, postingInfo } from '../core/search/terms.ts';
import type { IDBPTransaction, StoreNames } from 'idb';
import { EMPTY_STAMP, type CountersRecord, type DigestLensDB, type SearchDocRow, type SearchStateRecord } from './schema.ts';

/** Documents per postings chunk: a write rewrites only the chunks of the ids it touches. */
export const CHUNK = 2048;
export const SEARCH_STORES = ['searchDocs', 'postings', 'vocab'] as const;

type Tx = IDBPTransaction<DigestLensDB, StoreNames<DigestLensDB>[], 'readwrite'>;

export const paperRef = (key: string): string => `p ${key}`;
export const digestRef = (id: string): string => `d ${id}`;
export const stampOf = (c: CountersRecord | undefined): string => c?.updated ?? EMPTY_STAMP;
export const NO_STAMP = 'none';

export function hasSearchStores(tx: { objectStoreNames: DOMStringList }): boolean {
  return SEARCH_STORES.every((s) => tx.objectStoreNames.contains(s));
}

/** A chunk without the dropped ids, with the added pairs after: typed arrays, no per-entry allocation. */
function merged(before: Uint32Array | undefined, drop: ReadonlySet<number>, add: readonly number[]): Uint32Array {
  const out = new Uint32Array((before?.length ?? 0) + add.length);
  let n = 0;
  if (before) {
    if (drop.size === 0) {
      out.set(before);
      n = before.length;
    } else {
      for (let j = 0; j < before.length; j += 2) {
        if (drop.has(before[j]!)) continue;
        out[n++] = before[j]!;
        out[n++] = before[j + 1]!;
      }
    }
  }
  for (const x of add) out[n++] = x;
  return n === out.length ? out : out.slice(0, n);
}

interface ChunkEdit {
  readonly term: string;
  readonly chunk: number;
  readonly drop: Set<number>;
  readonly add: number[];
}

/**
 * Re-indexes papers and digests by key. `stamps` moves the index's stamp from the counters'
 * value before this transaction's writes to the one after, but only when the index agreed before:
 * an index already behind stays behind until a rebuild catches it up.
 */
export async function indexInTx(tx: Tx, paperKeys: Iterable<string>, digestIds: Iterable<string>, stamps?: { before: string; after: string }): Promise<void> {
  const docsStore = tx.objectStore('searchDocs');
  const meta = tx.objectStore('meta');
  const refs = [...new Set([...[...paperKeys].map(paperRef), ...[...digestIds].map(digestRef)])];
  const [state, olds, records] = await Promise.all([
    meta.get('search') as Promise<SearchStateRecord | undefined>,
    Promise.all(refs.map((r) => docsStore.index('by-ref').get(r))),
    Promise.all(refs.map((r) => (r.startsWith('p ') ? tx.objectStore('papers').get(r.slice(2)) : tx.objectStore('digests').get(r.slice(2))))),
  ]);
  let nextId = state?.nextId ?? 0;
  const edits = new Map<string, ChunkEdit>();
  const edit = (term: string, id: number): ChunkEdit => {
    const chunk = Math.floor(id / CHUNK);
    const k = `${term}\u0000${chunk}`;
    let e = edits.get(k);
    if (!e) edits.set(k, (e = { term, chunk, drop: new Set(), add: [] }));
    return e;
  };
  const writes: Promise<unknown>[] = [];
  refs.forEach((ref, i) => {
    const old = olds[i];
    const record = records[i];
    if (old) for (const term of docTerms(old.doc).keys()) edit(term, old.id).drop.add(old.id);
    if (!record) {
      if (old) writes.push(docsStore.delete(old.id));
      return;
    }
    const doc = ref.startsWith('p ') ? paperDoc(record as never) : digestDoc(record as never);
    const id = old?.id ?? nextId++;
    const info = docInfo(doc);
    for (const [term, mask] of docTerms(doc)) edit(term, id).add.push(id, postingInfo(mask, info));
    writes.push(docsStore.put({ id, ref, doc } satisfies SearchDocRow));
  });

  const postings = tx.objectStore('postings');
  const list = [...edits.values()];
  const chunks = await Promise.all(list.map((e) => postings.get([e.term, e.chunk])));
  list.forEach((e, i) => {
    const before = chunks[i];
    // Ids re-added here were dropped above with their old entries.
    const next = merged(before, e.drop, e.add);
    if (next.length) writes.push(postings.put(next, [e.term, e.chunk]));
    else if (before) writes.push(postings.delete([e.term, e.chunk]));
    // A term's first chunk is where it may be new; vocabulary entries are only removed by a rebuild.
    if (!before && next.length) writes.push(tx.objectStore('vocab').put(1, e.term));
  });
  const agreed = stamps !== undefined && (state?.stamp ?? NO_STAMP) === stamps.before;
  const stamp = agreed ? stamps.after : (state?.stamp ?? NO_STAMP);
  writes.push(meta.put({ stamp, nextId } satisfies SearchStateRecord, 'search'));
  await Promise.all(writes);
}
