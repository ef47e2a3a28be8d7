import type { Detection } from '../detect/types.ts';
import type { CountersRecord, PaperRecord, ThemeRecord } from './types.ts';

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

/** What the content script learns for its chip. */
export interface PageState {
  readonly status: 'found' | 'not-indexed' | 'not-a-paper';
  readonly digestCount: number;
  /** False when the reader turned the chip off (everywhere, on this site, or dismissed it for this paper). */
  readonly chip?: boolean;
}

/** What the side panel shows for a window's active tab. */
export interface TabView {
  readonly tabId?: number;
  /** Undefined when the extension may not read the tab's address (no host access). */
  readonly url?: string;
  readonly access: 'granted' | 'none';
  readonly detection?: Detection;
  readonly lookup?: LookupResult;
  /** The page's own title (citation_title or the document title) when the content script sent one. */
  readonly pageTitle?: string;
  /** An arXiv page's own citation tags (authors, date, DOI) for the paper it shows. */
  readonly citation?: PageCitation;
  /** A page no digest names: the papers and digests of the index closest to its title and abstract. */
  readonly closest?: readonly TextNeighbour[];
  /** Host patterns of the manifest the user has not granted (Chrome's "on click", or removed). */
  readonly missingHosts: readonly string[];
}

export interface ThemeBrief {
  readonly title: string;
  readonly papers: number;
}

/** A digest as lists show it: header, paper count and its themes' titles with their sizes. */
export interface DigestBrief {
  readonly id: string;
  readonly title: string;
  readonly topic: string;
  readonly date: string;
  readonly url: string;
  readonly papers: number;
  readonly themes: readonly ThemeBrief[];
}

/** Digests published together (one header date). */
export interface DigestBatch {
  readonly date: string;
  readonly digests: readonly DigestBrief[];
}

/** One bar of a chart: a label and how many. */
export interface CountBy {
  readonly label: string;
  readonly count: number;
}

/** What the options page shows of the index. */
export interface IndexStats {
  readonly counters: CountersRecord;
  /** Digests per topic, most first. */
  readonly perTopic: readonly CountBy[];
  /** Digests per week (label: the Monday, YYYY-MM-DD), oldest first, empty weeks included. */
  readonly perWeek: readonly CountBy[];
  readonly parserVersion: number;
  /** Parser versions the stored digests were parsed with. */
  readonly storedParserVersions: readonly number[];
  /** Every digest, newest first, for choosing a theme to export. */
  readonly digests: readonly DigestBrief[];
}

export type ImportOutcomeKind = 'added' | 'updated' | 'unchanged' | 'failed';

/** One digest of an import, and what became of it. */
export interface ImportOutcome {
  readonly id: string;
  readonly title: string;
  readonly outcome: ImportOutcomeKind;
  readonly reason?: string;
}

/** Which papers an export lists: a search's results, or a digest's (one theme's) papers. */
export type PaperSelection = { readonly query: string } | { readonly digestId: string; readonly theme?: number };

export interface PaperListExport {
  readonly heading: string;
  readonly count: number;
  readonly text: string;
}
