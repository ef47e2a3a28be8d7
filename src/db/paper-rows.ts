/**
 * The papers store's rows, read and written as records: every read of `papers` decodes here and
 * every write encodes here (core/index/paper-codec.ts), whichever room and transaction it is in.
 * A row's mentions may join their digest's header: reading one reads its digest in the same
 * transaction, which therefore holds `digests` too.
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import {
  type DigestHeader,
  type DigestHeaders,
  decodePaper,
  encodePaper,
  headerOf,
  headersOf,
  joinedDigests,
  keyHash,
  LIST_OF,
  type ListIndex,
  type PaperRow,
} from '../core/index/paper-codec.ts';
import type { DigestRecord, PaperRecord } from '../core/index/types.ts';
import type { DB, DigestLensDB } from './schema.ts';

/** The papers store in any transaction that holds it (and `digests`). */
export type PapersStore = IDBPObjectStore<DigestLensDB, ArrayLike<StoreNames<DigestLensDB>>, 'papers', IDBTransactionMode>;
type AnyTx = IDBPTransaction<DigestLensDB, ArrayLike<StoreNames<DigestLensDB>>, IDBTransactionMode>;

// Headers read in a read-only transaction, kept for its other reads (nothing can change them
// there): as promises, so reads issued together ask for each digest once.
const readOnlyHeaders = new WeakMap<AnyTx, Map<string, Promise<DigestHeader | undefined>>>();

/** Digest headers by id, as promises, that a caller keeps while it knows no digest changed. */
export type KeptHeaders = Map<string, Promise<DigestHeader | undefined>>;

/**
 * The headers `rows` join, read from the `digests` store of the transaction `papers` is in (or
 * taken from `kept`, which the caller vouches for: it keeps what is read here too).
 */
async function headersFor(papers: PapersStore, rows: readonly (PaperRow | undefined)[], kept?: KeptHeaders): Promise<DigestHeaders> {
  const ids = new Set(rows.flatMap((r) => (r ? joinedDigests(r) : [])));
  if (ids.size === 0) return () => undefined;
  const tx = papers.transaction as AnyTx;
  let known = kept ?? (tx.mode === 'readonly' ? readOnlyHeaders.get(tx) : undefined);
  if (!known) {
    known = new Map();
    if (tx.mode === 'readonly') readOnlyHeaders.set(tx, known);
  }
  const digests = tx.objectStore('digests');
  for (const id of ids)
    if (!known.has(id)) {
      const read = digests.get(id).then((d) => d && headerOf(d));
      // A read that failed (its transaction aborted) is not kept.
      read.catch(() => known.get(id) === read && known.delete(id));
      known.set(id, read);
    }
  const found = new Map(await Promise.all([...ids].map(async (id) => [id, await known.get(id)] as const)));
  return (id) => found.get(id);
}

/** Rows of `papers` as records. */
export async function decodeRows(papers: PapersStore, rows: readonly PaperRow[]): Promise<PaperRecord[]> {
  const headers = await headersFor(papers, rows);
  return rows.map((r) => decodePaper(r, headers));
}

/**
 * The papers stored under `keys` (undefined where none), read at once, their digests' headers
 * once each (`kept`: headers the caller keeps between transactions, see headersFor).
 */
export async function readPapers(papers: PapersStore, keys: readonly string[], kept?: KeptHeaders): Promise<(PaperRecord | undefined)[]> {
  const rows = await Promise.all(keys.map((k) => papers.get(k)));
  const headers = await headersFor(papers, rows, kept);
  return rows.map((r) => r && decodePaper(r, headers));
}

/** The paper stored under `key`. */
export async function readPaper(papers: PapersStore, key: string): Promise<PaperRecord | undefined> {
  const row = await papers.get(key);
  return row && decodePaper(row, await headersFor(papers, [row]));
}

/** The paper stored under `key`, in a transaction of its own. */
export function paperIn(db: DB, key: string): Promise<PaperRecord | undefined> {
  return readPaper(db.transaction(['papers', 'digests']).objectStore('papers'), key);
}

/** Every paper stored, with its mentions' headers (exports, checks and tests: reads the whole store). */
export async function readAllPapers(db: DB): Promise<PaperRecord[]> {
  const tx = db.transaction(['papers', 'digests']);
  const [rows, digests] = await Promise.all([tx.objectStore('papers').getAll(), tx.objectStore('digests').getAll()]);
  const headers = headersOf(digests);
  return rows.map((r) => decodePaper(r, headers));
}

/** Papers whose title key is `tk` (at most `count`): by its hash, and in rows from before version 9 by the key itself. */
export async function readPapersByTitle(papers: PapersStore, tk: string, count?: number): Promise<PaperRecord[]> {
  const [rows, legacy] = await Promise.all([
    papers.index('by-title').getAll(keyHash(tk), count),
    papers.indexNames.contains('by-title-key') ? papers.index('by-title-key').getAll(tk, count) : [],
  ]);
  const found = (await decodeRows(papers, [...rows, ...legacy])).filter((p) => p.titleKey === tk);
  return count === undefined ? found : found.slice(0, count);
}

/** Papers an index of lists names `value` in (at most `count`): by its hash, and in rows from before version 9 by the value itself. */
export async function readPapersBy(papers: PapersStore, index: ListIndex, value: string, count?: number): Promise<PaperRecord[]> {
  const legacy = `${index}-key` as const;
  const [rows, old] = await Promise.all([
    papers.index(index).getAll(keyHash(value), count),
    papers.indexNames.contains(legacy) ? papers.index(legacy).getAll(value, count) : [],
  ]);
  const list = LIST_OF[index];
  const found = (await decodeRows(papers, [...rows, ...old])).filter((p) => p[list].includes(value));
  return count === undefined ? found : found.slice(0, count);
}

/**
 * Keys of papers an index of lists names `value` in (at most `count`, nothing else read). A key
 * here may, about once in ten million stores, be one whose own value shares the hash.
 */
export async function readPaperKeysBy(papers: PapersStore, index: ListIndex, value: string, count: number): Promise<string[]> {
  const legacy = `${index}-key` as const;
  const [keys, old] = await Promise.all([
    papers.index(index).getAllKeys(keyHash(value), count),
    papers.indexNames.contains(legacy) ? papers.index(legacy).getAllKeys(value, count) : [],
  ]);
  return [...new Set([...keys, ...old])].slice(0, count);
}

/**
 * The headers of the digests `papers` mention as the transaction will hold them when it commits:
 * `pending` gives what the caller itself will write (a record; null: a deletion; undefined: no
 * write of its own), and the rest is read from `digests` as stored.
 */
export async function headersForWrite(
  papers: PapersStore,
  records: Iterable<PaperRecord>,
  pending: (id: string) => DigestRecord | null | undefined = () => undefined,
): Promise<DigestHeaders> {
  const ids = new Set<string>();
  for (const p of records) for (const m of p.mentions) ids.add(m.digestId);
  const stored = [...ids].filter((id) => pending(id) === undefined);
  const digests = papers.transaction.objectStore('digests');
  const found = await Promise.all(stored.map((id) => digests.get(id)));
  const headers = new Map<string, DigestHeader | undefined>();
  stored.forEach((id, i) => headers.set(id, found[i] && headerOf(found[i])));
  return (id) => {
    if (!headers.has(id)) headers.set(id, pending(id) ? headerOf(pending(id)!) : undefined);
    return headers.get(id);
  };
}

/**
 * Puts a paper as its packed row. A mention joins its digest's header when `headers` gives that
 * digest as the transaction will hold it when it commits, and the mention carries that header.
 */
export function writePaper(
  papers: IDBPObjectStore<DigestLensDB, ArrayLike<StoreNames<DigestLensDB>>, 'papers', 'readwrite'>,
  p: PaperRecord,
  headers?: DigestHeaders,
): Promise<string> {
  return papers.put(encodePaper(p, headers));
}
