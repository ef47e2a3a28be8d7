import type { SearchDoc } from './document.ts';

/**
 * What a search over the stored index reads: the sorted vocabulary (words and filter terms), each
 * term's postings (pairs of document id and info, every chunk of the term concatenated), and
 * documents by id. IndexedDB serves it in the extension; Maps serve it in tests.
 */
export interface IndexReader {
  vocabulary(): Promise<readonly string[]>;
  postings(terms: readonly string[]): Promise<Uint32Array[]>;
  docs(ids: readonly number[]): Promise<(SearchDoc | undefined)[]>;
  /** One more than the highest document id in use. */
  idLimit(): Promise<number>;
}
