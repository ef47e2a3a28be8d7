import type { CodeLink, Digest, PaperMention, Theme } from '../digest/types.ts';
import type { ArxivId } from '../ids/arxiv-id.ts';

/** Where a paper sits in one digest theme: "paper k of n in this theme". */
export interface Placement {
  readonly theme: number;
  readonly k: number;
  readonly n: number;
}

/**
 * One digest's word on a paper. A paper record keeps one per digest that mentions it: the
 * mention's own fields as the parser gave them, with its digest's header and its placements.
 */
export interface MentionRecord
  extends Pick<PaperMention, 'name' | 'title' | 'theme' | 'sections' | 'contexts' | 'codeUrls' | 'datasets' | 'institutions' | 'authors'> {
  readonly digestId: string;
  readonly digestDate: string;
  readonly digestTitle: string;
  readonly digestUrl: string;
  readonly topic: string;
  readonly themeTitle?: string;
  readonly placements: readonly Placement[];
}

/**
 * A paper as stored: keyed by arXiv id when known, else `t:` + title key, else (a short name alone)
 * `n:` + digest id + `#` + name key — short names are not unique across digests.
 */
export interface PaperRecord {
  readonly key: string;
  readonly arxivId?: ArxivId;
  readonly title?: string;
  readonly titleKey?: string;
  readonly names: readonly string[];
  readonly nameKeys: readonly string[];
  /** GitHub `owner/repo` keys whose code this is. */
  readonly repos: readonly string[];
  /** GitHub `owner/repo` keys given as code but that are upstream libraries ("cited as code"). */
  readonly citedRepos: readonly string[];
  /** GitHub organisations: org-only links and the owners of `repos`. */
  readonly orgs: readonly string[];
  readonly codeUrls: readonly CodeLink[];
  readonly datasets: readonly string[];
  readonly institutions: readonly string[];
  readonly authors: readonly string[];
  /** Newest digest first. */
  readonly mentions: readonly MentionRecord[];
  readonly firstDate: string;
  readonly lastDate: string;
  /** The id of its search document, given when the database indexes it (never exported). */
  readonly searchId?: number;
}

export interface ThemeRecord extends Theme {
  /** Paper keys in the order the digest names them. */
  readonly paperKeys: readonly string[];
}

/** A digest as stored: its header, themes (with their papers in order) and every paper key. */
export interface DigestRecord
  extends Pick<Digest, 'id' | 'url' | 'postId' | 'source' | 'title' | 'topic' | 'date' | 'modified' | 'paperCount' | 'intro' | 'warnings' | 'parserVersion'> {
  /** Every name of its post (core/digest/identity.ts), indexed: how another route's copy finds it. Absent only in records from before identity. */
  readonly identity?: readonly string[];
  readonly themes: readonly ThemeRecord[];
  /** Every paper the digest mentions, in order of first mention. */
  readonly paperKeys: readonly string[];
  /** The id of its search document, given when the database indexes it (never exported). */
  readonly searchId?: number;
}

/**
 * What building records needs of storage. Async so one implementation can sit on an IndexedDB
 * transaction (awaiting only its requests) and another on Maps.
 */
export interface RecordStore {
  getPaper(key: string): Promise<PaperRecord | undefined>;
  papersByTitleKey(titleKey: string): Promise<PaperRecord[]>;
  papersByRepo(repo: string): Promise<PaperRecord[]>;
  getDigest(id: string): Promise<DigestRecord | undefined>;
  /** Stored digests known by this identity key. */
  digestsByIdentity(key: string): Promise<DigestRecord[]>;
  putPaper(paper: PaperRecord): Promise<void>;
  deletePaper(key: string): Promise<void>;
  putDigest(digest: DigestRecord): Promise<void>;
  deleteDigest(id: string): Promise<void>;
}

/** How many records are stored, kept beside them by every write; `updated` stamps the last write. */
export interface CountersRecord {
  readonly digests: number;
  readonly papers: number;
  readonly mentions: number;
  readonly updated?: string;
}

/** What a write changed, for counters kept beside the records. */
export interface WriteReport {
  readonly digestsAdded: number;
  readonly papersAdded: number;
  readonly papersRemoved: number;
  /** Mentions (a digest's paper keys) written minus those removed. */
  readonly mentionsDelta: number;
  /** Set when a better version of the same post was already stored under this id: nothing of this digest was written. */
  readonly heldAs?: string;
  /** With `heldAs`: the stored version learnt a name of its post (an address, a post id) from this one. */
  readonly learnt?: boolean;
  /** Ids of other versions of the same post this write replaced. */
  readonly replaced?: readonly string[];
  /** Keys of papers written or removed (for badges and search index updates). */
  readonly touched: readonly string[];
}
