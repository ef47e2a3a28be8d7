/**
 * The papers store's rows, read and written as records: every read of `papers` decodes here and
 * every write encodes here (core/index/paper-codec.ts), whichever room and transaction it is in.
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import { decodePaper, encodePaper, keyHash, LIST_OF, type ListIndex } from '../core/index/paper-codec.ts';
import type { PaperRecord } from '../core/index/types.ts';
import type { DigestLensDB } from './schema.ts';

/** The papers store in any transaction that holds it. */
export type PapersStore = IDBPObjectStore<DigestLensDB, ArrayLike<StoreNames<DigestLensDB>>, 'papers', IDBTransactionMode>;

/** The paper stored under `key`. */
export async function readPaper(papers: PapersStore, key: string): Promise<PaperRecord | undefined> {
  const row = await papers.get(key);
  return row && decodePaper(row);
}

/** Papers whose title key is `tk` (at most `count`): by its hash, and in rows from before version 9 by the key itself. */
export async function readPapersByTitle(papers: PapersStore, tk: string, count?: number): Promise<PaperRecord[]> {
  const [rows, legacy] = await Promise.all([
    papers.index('by-title').getAll(keyHash(tk), count),
    papers.indexNames.contains('by-title-key') ? papers.index('by-title-key').getAll(tk, count) : [],
  ]);
  const found = [...rows, ...legacy].map(decodePaper).filter((p) => p.titleKey === tk);
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
  const found = [...rows, ...old].map(decodePaper).filter((p) => p[list].includes(value));
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

/** Puts a paper as its packed row. */
export function writePaper(papers: IDBPObjectStore<DigestLensDB, ArrayLike<StoreNames<DigestLensDB>>, 'papers', 'readwrite'>, p: PaperRecord): Promise<string> {
  return papers.put(encodePaper(p));
}
