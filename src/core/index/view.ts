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
  /** How it relates: the same theme of a digest, a dataset, a code organisation, rare title words. */
  readonly via: 'theme' | 'dataset' | 'org' | 'terms';
  /**
   * Why it is there, for the reader: its one-line role in the theme ("Introduces a latent diffusion
   * model that …"), "same dataset: BUSI", "same code organisation: open-mmlab", "shared terms: …".
   */
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

/** A paper or digest of the index close to a text (a page's title and abstract), and the rare words they share. */
export interface TextNeighbour {
  readonly kind: 'paper' | 'digest';
  readonly key: string;
  readonly title: string;
  readonly name?: string;
  readonly arxivId?: string;
  /** A digest's address (a paper's without an arXiv id: its digest's). */
  readonly url?: string;
  readonly date: string;
  readonly terms: readonly string[];
}

/** What an arXiv page's own `citation_*` tags say of its paper (fuller than a digest). */
export interface PageCitation {
  /** "Last, First" as the tags write them, in order. */
  readonly authors: readonly string[];
  /** `YYYY-MM-DD` of the first version. */
  readonly date?: string;
  readonly doi?: string;
}
