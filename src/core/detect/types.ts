import type { ArxivRef } from '../ids/arxiv-id.ts';
import type { GithubOrgRef, GithubRepoRef } from '../ids/github-repo.ts';

export type PaperRef = ArxivRef | GithubRepoRef | GithubOrgRef | TitleRef;

/** A paper known only by its title, e.g. an arXiv-like page whose address carries no valid id. */
export interface TitleRef {
  kind: 'title';
  title: string;
  /** titleKey(title) */
  key: string;
}

/** The meta tags the content script reads from the page's <head>. */
export interface PageMeta {
  citation_arxiv_id?: string;
  citation_title?: string;
  /** arXiv's abstract, for the papers closest to a page no digest names. */
  citation_abstract?: string;
  /** `YYYY/MM/DD` of the first version. */
  citation_date?: string;
  citation_doi?: string;
  /** Every `citation_author` ("Last, First"), in order, joined by "; ". */
  citation_author?: string;
  'og:url'?: string;
  'octolytics-dimension-repository_nwo'?: string;
}

const MAX_TEXT = 2000;

/**
 * The tags the content script reads and the background keeps, each with the most characters kept
 * of it (an abstract and an author list run longer). Values come from a web page: nothing else is kept.
 */
export const PAGE_META_LIMITS = {
  citation_arxiv_id: MAX_TEXT,
  citation_title: MAX_TEXT,
  citation_abstract: 4000,
  citation_date: 40,
  citation_doi: 200,
  citation_author: 8000,
  'og:url': MAX_TEXT,
  'octolytics-dimension-repository_nwo': MAX_TEXT,
} as const satisfies Record<keyof PageMeta, number>;

export type PageKind = 'abs' | 'pdf' | 'html' | 'mirror' | 'other' | 'repo' | 'org';

export interface Detection {
  ref: PaperRef;
  pageKind: PageKind;
  title?: string;
}
