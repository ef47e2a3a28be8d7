/**
 * The vocabulary's two copies, each stamped with the `main` it copies (layout.ts): every row as
 * one value (VOCAB_PACKED) and the rows' keys alone (VOCAB_KEYS), both with the merged void ids.
 * Merges write them; readers and merges read them when they are the index's `main`'s, and the
 * rows, keys or void ids themselves otherwise (a merge stopped before writing them, a database
 * from before them).
 */
import { unpackIds } from '../../core/search/postings-codec.ts';
import { termStarts } from '../../core/search/sorted-terms.ts';
import type { DB, PackedVocabulary, VocabularyKeys } from '../schema.ts';
import { RELAXED } from '../tx.ts';
import { VOCAB_KEYS, VOCAB_PACKED, VOCAB_SEP, VOID_TERM, vocabRowKeys } from './layout.ts';

type VocabValue = string | PackedVocabulary | VocabularyKeys;

/** The `vocab` store as a reader's or a merge's transaction holds it. */
interface VocabStore {
  get(key: string): Promise<VocabValue | undefined>;
  getAllKeys(range: IDBKeyRange): Promise<string[]>;
  getAll(range: IDBKeyRange): Promise<VocabValue[]>;
}

/** The packed copy's keys, rows and term starts when it is `main`'s. */
export function packedRows(value: VocabValue | undefined, main: number): [keys: string[], rows: string[], starts: Uint32Array | undefined] | undefined {
  return typeof value === 'object' && 'rows' in value && value.main === main ? [value.keys, value.rows, value.starts] : undefined;
}

/**
 * Every row's key and row as of `main`, and where their terms start when the packed copy says.
 * `stored`: the packed copy's read, if issued already.
 */
export function allVocabularyRows(
  store: VocabStore,
  main: number,
  stored?: Promise<VocabValue | undefined>,
): Promise<[keys: string[], rows: string[], starts: Uint32Array | undefined]> {
  return (stored ?? store.get(VOCAB_PACKED)).then(
    (packed) => packedRows(packed, main) ?? Promise.all([store.getAllKeys(vocabRowKeys()), store.getAll(vocabRowKeys()) as Promise<string[]>, undefined]),
  );
}

/** The `postings` store as a reader's or a merge's transaction holds it. */
interface PostingsStore {
  getAll(range: IDBKeyRange): Promise<Uint8Array[]>;
}

/**
 * The merged void ids as of `main` (each at least once): from `copy` (either copy's read) when it
 * is `main`'s and holds them, else from VOID_TERM's chunks (at 1M mentions, 154 chunks read cold
 * took 40–60 ms, where the copy is read anyway).
 */
export function mergedVoids(postings: PostingsStore, main: number, copy?: Promise<VocabValue | undefined>): Promise<Uint32Array> {
  const chunks = () => postings.getAll(IDBKeyRange.bound([VOID_TERM, 0], [VOID_TERM, Infinity])).then((c) => Uint32Array.from(unpackIds(c)));
  if (!copy) return chunks();
  return copy.then((c) => (typeof c === 'object' && c.main === main && c.voids instanceof Uint32Array ? c.voids : chunks()));
}

/** The rows' keys as of `main`. `stored`: the keys copy's read, if issued already. */
export function vocabularyKeys(store: VocabStore, main: number, stored?: Promise<VocabValue | undefined>): Promise<string[]> {
  return (stored ?? store.get(VOCAB_KEYS)).then((copy) => (typeof copy === 'object' && copy.main === main ? copy.keys : store.getAllKeys(vocabRowKeys())));
}

/**
 * Writes both copies of `rows` (by key) and the merged `voids` (ids ascending) stamped with `main`.
 * Run under the merge lock, with `main` the index's now: no merge, rebuild or clearing changes
 * the rows or void ids meanwhile, and digest writes never touch them.
 */
export async function packVocabulary(db: DB, main: number, rows: ReadonlyMap<string, string>, voids: Uint32Array): Promise<void> {
  // Keys sort as IndexedDB sorts strings: by UTF-16 code units, as Array#sort does.
  const keys = [...rows.keys()].sort();
  const ordered = keys.map((k) => rows.get(k)!);
  const packed: PackedVocabulary = { main, keys, rows: ordered, voids, starts: termStarts(ordered, VOCAB_SEP) };
  const keysAlone: VocabularyKeys = { main, keys, voids };
  const tx = db.transaction('vocab', 'readwrite', RELAXED);
  await Promise.all([tx.store.put(packed, VOCAB_PACKED), tx.store.put(keysAlone, VOCAB_KEYS), tx.done]);
}
