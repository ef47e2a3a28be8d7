/**
 * The vocabulary's two copies, each stamped with the `main` it copies (layout.ts): every row as
 * one value (VOCAB_PACKED) and the rows' keys alone (VOCAB_KEYS). Merges write them; readers and
 * merges read them when they are the index's `main`'s, and the rows or keys themselves otherwise
 * (a merge stopped before writing them, a database from before them).
 */
import type { DB, PackedVocabulary, VocabularyKeys } from '../schema.ts';
import { RELAXED } from '../tx.ts';
import { VOCAB_KEYS, VOCAB_PACKED, vocabRowKeys } from './layout.ts';

type VocabValue = string | PackedVocabulary | VocabularyKeys;

/** The `vocab` store as a reader's or a merge's transaction holds it. */
interface VocabStore {
  get(key: string): Promise<VocabValue | undefined>;
  getAllKeys(range: IDBKeyRange): Promise<string[]>;
  getAll(range: IDBKeyRange): Promise<VocabValue[]>;
}

/** Every row's key and row as of `main`. `stored`: the packed copy's read, if issued already. */
export function allVocabularyRows(store: VocabStore, main: number, stored?: Promise<VocabValue | undefined>): Promise<[string[], string[]]> {
  return (stored ?? store.get(VOCAB_PACKED)).then((packed): Promise<[string[], string[]]> | [string[], string[]] =>
    typeof packed === 'object' && 'rows' in packed && packed.main === main
      ? [packed.keys, packed.rows]
      : Promise.all([store.getAllKeys(vocabRowKeys()), store.getAll(vocabRowKeys()) as Promise<string[]>]),
  );
}

/** The rows' keys as of `main`. `stored`: the keys copy's read, if issued already. */
export function vocabularyKeys(store: VocabStore, main: number, stored?: Promise<VocabValue | undefined>): Promise<string[]> {
  return (stored ?? store.get(VOCAB_KEYS)).then((copy) => (typeof copy === 'object' && copy.main === main ? copy.keys : store.getAllKeys(vocabRowKeys())));
}

/**
 * Writes both copies of `rows` (by key) stamped with `main`. Run under the merge lock, with `main`
 * the index's now: no merge, rebuild or clearing changes the rows meanwhile, and digest writes
 * never touch them.
 */
export async function packVocabulary(db: DB, main: number, rows: ReadonlyMap<string, string>): Promise<void> {
  // Keys sort as IndexedDB sorts strings: by UTF-16 code units, as Array#sort does.
  const keys = [...rows.keys()].sort();
  const packed: PackedVocabulary = { main, keys, rows: keys.map((k) => rows.get(k)!) };
  const keysAlone: VocabularyKeys = { main, keys };
  const tx = db.transaction('vocab', 'readwrite', RELAXED);
  await Promise.all([tx.store.put(packed, VOCAB_PACKED), tx.store.put(keysAlone, VOCAB_KEYS), tx.done]);
}
