import type { ArxivId } from '../ids/arxiv-id.ts';

/** Bumped whenever parsing changes what a post yields; stored digests with a lower one are re-parsed. */
export const PARSER_VERSION = 2;

export type Section = 'bigIdeas' | 'underTheHood' | 'impact';
export type CodeKind = 'repo' | 'org' | 'site';
export type SourceFormat = 'wordpress' | 'rss' | 'html' | 'text';

export interface CodeLink {
  /** http(s) only, cleaned of a trailing full stop or `)`; GitHub links without `.git` or a trailing `/`. */
  readonly url: string;
  readonly kind: CodeKind;
  /** GitHub `owner/repo` (kind 'repo') or `owner` (kind 'org'), lower case; absent for other hosts. */
  readonly github?: string;
}

export interface Theme {
  /** A short name (theme-name.ts): the framing's key phrase (Big Ideas), or the category bullet's name (Under the Hood). */
  readonly title: string;
  /** Big Ideas: the paragraph's framing sentences, whole (empty when every sentence is about a paper). Under the Hood: the category's bullets joined. */
  readonly summary: string;
  /** Big Ideas: the whole paragraph. */
  readonly text?: string;
  readonly section: 'bigIdeas' | 'underTheHood';
  /** `<strong>` phrases of a Big Ideas paragraph, when the HTML has them. */
  readonly keyPhrases?: readonly string[];
}

export interface MentionContext {
  readonly section: Section;
  /** Index into Digest.themes, when the mention sits inside a theme. */
  readonly theme?: number;
  /** The sentence(s) about this paper, plain text. */
  readonly text: string;
}

export interface PaperMention {
  /** Short name or title as written ("HADS-Net", "Plug-in Losses for Evidential Deep Learning"). */
  readonly name: string;
  /** Full title when the post gives one (link text, quoted title, "(Paper: …)"). */
  readonly title?: string;
  readonly arxivId?: ArxivId;
  readonly codeUrls: readonly CodeLink[];
  readonly datasets: readonly string[];
  readonly institutions: readonly string[];
  readonly authors: readonly string[];
  /** True when the authors are placeholders ("John Doe", "Author One et al.", "[various affiliations]"). */
  readonly placeholderAuthors: boolean;
  /** Index into Digest.themes of the first theme that mentions it. */
  readonly theme?: number;
  /** First section it appears in; `sections` lists all, in order. */
  readonly section: Section;
  readonly sections: readonly Section[];
  /** First context, plain text; `contexts` keeps every section's. */
  readonly context: string;
  readonly contexts: readonly MentionContext[];
}

export interface Digest {
  /** `<source host>:<post id>` when the post id is known, else the canonical address. */
  readonly id: string;
  readonly url: string;
  /** The WordPress post id, when the route that brought it knows one (identity.ts). */
  readonly postId?: string;
  /** Host of the site it came from (e.g. `scipapermill.com`). */
  readonly source: string;
  readonly format: SourceFormat;
  readonly title: string;
  /** From the header line, lower case ("deep learning"). */
  readonly topic: string;
  /** `YYYY-MM-DD` from the header line. */
  readonly date: string;
  /** ISO timestamp when the source gives one. */
  readonly modified?: string;
  /** The N in "Latest N papers on …". */
  readonly paperCount?: number;
  readonly intro: string;
  readonly themes: readonly Theme[];
  readonly papers: readonly PaperMention[];
  readonly warnings: readonly string[];
  readonly parserVersion: number;
}
