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

export type PageKind = 'abs' | 'pdf' | 'html' | 'mirror' | 'other' | 'repo' | 'org';

export interface Detection {
  ref: PaperRef;
  pageKind: PageKind;
  title?: string;
}
