/**
 * How the search index lies in its stores: which stores, the size of a postings chunk and of a
 * documents page, how the vocabulary is packed, the list of void ids, and a document's ref.
 */
import type { DocKey } from '../../core/search/index-reader.ts';

/**
 * A term's postings are its chunks, keyed [term, n] and read in key order, each stored packed
 * (src/core/search/postings-codec.ts). A merge writes one chunk per term it adds to, n =
 * MERGED_CHUNKS + the `main` it makes, and never reads or rewrites one. Databases written before
 * (up to 2026-12-07) keyed a chunk by its ids / 4096, always below this (ids are 32-bit), and a
 * merge appended to each term's last one: those chunks stay, read first.
 */
export const MERGED_CHUNKS = 2 ** 20;
/** The chunk number of the merge that makes `main`. */
export const mergedChunk = (main: number): number => MERGED_CHUNKS + main;
/** What a write indexes into: the documents' pages and one appended `pending` row. */
export const WRITE_SEARCH_STORES = ['docPages', 'pending'] as const;
/**
 * What only merges (and rebuilds, and clearing) write. A digest write's transaction leaves them
 * out of its scope, so a merge reads them while writes go on (merge.ts).
 */
export const MERGED_STORES = ['postings', 'recentPostings', 'vocab', 'termCounts'] as const;
/**
 * How many of the newest ids the recent window (`SearchStateRecord.recent`) covers at least: a
 * merge's chunk leaves it once the chunks after it hold this many. About 10 of the 154 merges of
 * 1M mentions, so a query that stops there reads a tenth of a common word's postings. (Tests
 * make it small.)
 */
export const RECENT = { ids: 65_536 };
export const SEARCH_STORES = [...WRITE_SEARCH_STORES, ...MERGED_STORES] as const;
/** Documents per page at most (`docPages`); a page never spans a multiple of it. */
export const DOC_PAGE = 8;

/** Terms are words and filter pseudo-terms: never a NUL. */
export const VOCAB_SEP = '\u0000';
/** A term's `vocab` row: its first two characters (a shorter term has a row of its own). */
export const VOCAB_PART = 2;
export const vocabPart = (term: string): string => term.slice(0, VOCAB_PART);
/**
 * The `vocab` key of the packed copy of every row (`PackedVocabulary`), which sorts after every
 * row's: no term starts with U+FFFF, a noncharacter.
 */
export const VOCAB_PACKED = '\uffff';
/**
 * The `vocab` key of the rows' keys alone (`VocabularyKeys`), written with the packed copy and
 * sorting just before it: one small value, where reading the ~1,300 keys costs per key.
 */
export const VOCAB_KEYS = '\ufffe';
/** The `vocab` rows' keys, the copies of the rows and of their keys left out. */
export const vocabRowKeys = (): IDBKeyRange => IDBKeyRange.upperBound(VOCAB_KEYS, true);
/** The postings "term" listing void ids (pairs id, 0): NUL-led, so no word or filter, never in `vocab`. */
export const VOID_TERM = `${VOCAB_SEP}void`;
/** The `recentPostings` key of a merge's terms ([RECENT_TERMS, chunk]): NUL-led, no term's. */
export const RECENT_TERMS = `${VOCAB_SEP}terms`;
/**
 * The `termCounts` key (no word's: NUL-led) of the `main` the latest merge to begin writing
 * makes: a merge that finds its own there was cut short, and counts no paper twice.
 */
export const MERGING = `${VOCAB_SEP}merging`;

/** A search document's ref: `p <paper key>` or `d <digest id>`. */
export const paperRef = (key: string): string => `p ${key}`;
export const digestRef = (id: string): string => `d ${id}`;
export const isPaperRef = (ref: string): boolean => ref.startsWith('p ');
/** The kind and key a document's ref names. */
export const refKey = (ref: string): DocKey => ({ kind: isPaperRef(ref) ? 'paper' : 'digest', key: ref.slice(2) });

/** The transaction spans the stores a write indexes into (a database of an older version may lack them). */
export function hasSearchStores(tx: { objectStoreNames: DOMStringList }): boolean {
  return WRITE_SEARCH_STORES.every((s) => tx.objectStoreNames.contains(s));
}
