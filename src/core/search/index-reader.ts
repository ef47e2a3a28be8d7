import type { SearchDoc } from './document.ts';
import type { SortedTerms } from './sorted-terms.ts';

/** A document's kind and key: what, after score and date, orders results (`compareHits`). */
export interface DocKey {
  readonly kind: 'paper' | 'digest';
  readonly key: string;
}

/**
 * What a search over the stored index reads: the sorted vocabulary (words and filter terms), each
 * term's postings (pairs of document id and info, every chunk of the term concatenated), and
 * documents by id. IndexedDB serves it in the extension; Maps serve it in tests.
 */
export interface IndexReader {
  /**
   * The vocabulary, or at least every term starting with a head `wanted` accepts: a reader may
   * hold the vocabulary in parts by terms' first characters and read only those asked for
   * (`whole`: the head is a whole term, shorter than the parts' heads). In sorted parts whose
   * union it is (the merged terms, those written since): a term may be in more than one.
   */
  vocabulary(wanted?: (head: string, whole: boolean) => boolean): Promise<readonly SortedTerms[]>;
  /**
   * `prefixes`: typed prefixes whose every completion in the vocabulary is among `terms`, so a
   * reader may read all of them as one key range instead of a request per term.
   */
  postings(terms: readonly string[], prefixes?: readonly string[]): Promise<Uint32Array[]>;
  docs(ids: readonly number[]): Promise<(SearchDoc | undefined)[]>;
  /**
   * What orders documents otherwise tied (kind, then key), without the documents: candidates tied
   * across a page's cut are chosen by it, and only those chosen are read whole.
   */
  keys(ids: readonly number[]): Promise<(DocKey | undefined)[]>;
  /** Document ids in use lie in [first, limit): a rebuilt index's start above all earlier ones. */
  idRange(): Promise<{ first: number; limit: number }>;
  /**
   * The newest documents alone, when the reader keeps them apart (undefined: it does not, or
   * they are all there is): a query whose best results all lie among them reads no other postings.
   */
  recent?(): Promise<RecentPart | undefined>;
}

/** The documents from id `first` on, and a bound on every older one. */
export interface RecentPart {
  readonly first: number;
  /** No document below `first` ranks above this (day·2 + is-a-paper; -1: there is none). */
  readonly olderRank: number;
  /** As `IndexReader.postings`, but only the pairs of ids from `first` on. */
  postings(terms: readonly string[], prefixes?: readonly string[]): Promise<Uint32Array[]>;
}
