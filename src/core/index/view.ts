import type { PaperRecord, ThemeRecord } from './types.ts';

/** A digest as a page shows it: header and themes (without paper lists). */
export interface DigestSummary {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly topic: string;
  readonly date: string;
  readonly paperCount?: number;
  readonly themes: readonly Pick<ThemeRecord, 'title' | 'summary' | 'section'>[];
}

export interface RelatedPaper {
  readonly key: string;
  readonly name: string;
  readonly title?: string;
  readonly arxivId?: string;
  /** Why it is related, for the reader: "same theme: Robust uncertainty…". */
  readonly reason: string;
  readonly digestId: string;
  /** Of the same theme in the same digest (listed with that digest); else found across digests. */
  readonly sameTheme: boolean;
}

export interface PaperView {
  readonly paper: PaperRecord;
  readonly related: readonly RelatedPaper[];
}

/** Everything a page needs about what the index holds for one paper reference. */
export interface LookupResult {
  readonly status: 'found' | 'not-indexed';
  /** The paper(s): an arXiv paper; a repository's own paper(s); an organisation's papers. */
  readonly papers: readonly PaperView[];
  /** On a repository page: papers that give it as code but only cite it (an upstream library). */
  readonly cited: readonly PaperView[];
  /** Every digest the papers' mentions name, by id. */
  readonly digests: Readonly<Record<string, DigestSummary>>;
  /** Distinct digests mentioning the paper(s): the badge number. */
  readonly digestCount: number;
}
