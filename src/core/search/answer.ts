/** The popup's search answer as plain display data. */

/** One row of the popup's results: a paper or a digest. */
export interface SearchResult {
  readonly kind: 'paper' | 'digest';
  /** Paper key or digest id. */
  readonly key: string;
  readonly title: string;
  /** A paper's short name, when it differs from the title. */
  readonly name?: string;
  readonly arxivId?: string;
  readonly topic: string;
  readonly date: string;
  readonly hasCode: boolean;
  /** Where Enter goes: the arXiv abstract page, else the (newest) digest's address; absent when neither is http(s). */
  readonly href?: string;
  /** Title-keyed words that matched, for highlighting. */
  readonly matched: readonly string[];
  /** Why it matched when its title does not show it: a short text ("institution", "Aarhus University"). */
  readonly why?: { readonly label: string; readonly text: string };
  /** Named by the arXiv id or address pasted. */
  readonly pasted?: boolean;
}

export interface SearchAnswer {
  readonly results: readonly SearchResult[];
  /** Time the background spent answering (ms), for the latency measurement. */
  readonly tookMs: number;
  /**
   * Results in all: when not `exact` an upper bound (phrases are checked only on those read), or
   * with `atLeast` a lower one (the newest documents held every result shown).
   */
  readonly total?: number;
  readonly exact?: boolean;
  readonly atLeast?: boolean;
  /** The id or address pasted, as it reads ("arXiv 2602.22544"), and how many papers it named. */
  readonly reference?: { readonly label: string; readonly found: number };
  /** Read by the popup itself (its worker was stopped as it opened), not by the background. */
  readonly inPage?: boolean;
  /** What the query itself needs to know ("c: takes no word…"). */
  readonly notes?: readonly string[];
}
