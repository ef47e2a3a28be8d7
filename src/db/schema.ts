/**
 * The one IndexedDB schema: stores, indexes and the stepwise migrations between versions.
 * Every later change is a new `if (oldVersion < N)` step here, tested from each earlier version.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames, unwrap } from 'idb';
import { identityKeys } from '../core/digest/identity.ts';
import type { PaperRow } from '../core/index/paper-codec.ts';
import type { CountersRecord, DigestRecord } from '../core/index/types.ts';
import type { SearchDoc, StoredDoc, TextDoc } from '../core/search/document.ts';
import type { RawPost } from '../core/sync/raw-post.ts';

export const DB_NAME = 'digest-lens';
export const DB_VERSION = 10;

export type { CountersRecord };

/**
 * The counters' next `updated` stamp: now, or just after the last one if the clock has not moved
 * past it (two writes in one millisecond, a clock set back). Stamps never repeat, so one that
 * matches the search index's or the alias filter's means no write came between.
 */
export function nextUpdated(c: CountersRecord | undefined): string {
  const last = Date.parse(c?.updated ?? '');
  const now = Date.now();
  return new Date(Number.isFinite(last) && last >= now ? last + 1 : now).toISOString();
}

/** The counters' stamp: what the search index's and the alias filter's stamps are compared with. */
export const stampOf = (c: CountersRecord | undefined): string => c?.updated ?? EMPTY_STAMP;

export interface StarterRecord {
  /** Hashes of the starter index shards loaded, so a reload knows there is nothing to do. */
  readonly shards: readonly string[];
  readonly loaded: string;
}

/** A fetched post, kept raw so a newer parser can re-parse it without the network. */
export interface PostRecord extends RawPost {
  readonly sourceId: string;
  /** indexed: its digest is stored; failed: see the failures store; filtered: not a kept topic. */
  readonly status: 'indexed' | 'failed' | 'filtered';
  readonly digestId?: string;
  readonly topic?: string;
  /** The parser version that produced `status`: a higher PARSER_VERSION re-parses it. */
  readonly parserVersion: number;
  readonly fetched: string;
}

/** A post the parser could not read, with the reason (shown in options). */
export interface FailureRecord {
  readonly key: string;
  readonly sourceId: string;
  readonly url: string;
  readonly title: string;
  readonly reason: string;
  readonly modified: string;
  readonly parserVersion: number;
  readonly at: string;
}

/** Where one source's sync stands. Cursors move only after the posts they cover are committed. */
export interface SourceSyncState {
  /** What the source turned out to be, when it was configured as 'auto'. */
  readonly kind?: 'wordpress' | 'feed' | 'static';
  /** WordPress: the discovered REST API root, so later runs skip discovery. */
  readonly apiRoot?: string;
  /** WordPress: the host of the posts' addresses (keys are `<host>:<id>`), so listings can omit links. */
  readonly postHost?: string;
  /** WordPress: the reach-back chosen on the first sync (ISO UTC), or absent for everything. */
  readonly since?: string;
  /** WordPress: the newest `modified_gmt` (ISO UTC) of a completed run. */
  readonly cursor?: string;
  /** Feeds and static indexes: the last ETag / Last-Modified seen. */
  readonly etag?: string;
  readonly lastModified?: string;
  /** Static index: shard hashes already written. */
  readonly shards?: readonly string[];
  /** ISO time of the last run that finished without a source error. */
  readonly lastOk?: string;
  readonly lastError?: string;
}

export interface SyncLockRecord {
  /** Who holds it: a random id per runner. */
  readonly owner: string;
  readonly acquired: number;
  /** Epoch ms after which anyone may take it over (a killed service worker never releases it). */
  readonly expires: number;
}

/**
 * A search document under its numeric id (postings hold 32-bit ids, not paper keys). The record
 * it is made from carries the id (`searchId`), so a write finds a record's document without a read.
 * Stored by pages (`docPages`): the documents of consecutive ids that one write made.
 */
export interface SearchDocRow {
  readonly id: number;
  /** `p <paper key>` or `d <digest id>`. */
  readonly ref: string;
  /**
   * Held while the id is among the newest (from `RecentWindow.docsFrom` on), where most results
   * lie: a query reads its page and nothing else. Older rows keep none (version 9 on): the
   * document is made from its record when read (the record still carries this id: an id's
   * document never changes). Rows written before version 9 hold it, in one of the earlier shapes.
   */
  readonly doc?: StoredDoc | TextDoc | SearchDoc;
}

/**
 * Where the search index stands. `stamp` equals the counters' `updated` when the index holds
 * exactly what the records hold; anything else (a crash mid-rebuild, a write that bypassed the
 * index, a migrated database) makes search rebuild it and answer from the records meanwhile.
 */
export interface SearchStateRecord {
  readonly stamp: string;
  readonly nextId: number;
  /**
   * The first id of this index: a rebuild starts above every id given before (ids are never
   * reused, across rebuilds too), so a record's `searchId` below it is one of an index since cleared.
   */
  readonly firstId?: number;
  /** The key of the next `pending` row. */
  readonly nextSeq?: number;
  /** `pending` rows not merged yet, and their postings (pairs): what triggers a merge. */
  readonly pendingRows?: number;
  readonly pendingPairs?: number;
  /** Moves on whenever `postings`/`vocab` change (a merge, a rebuild): readers' caches follow it. */
  readonly main?: number;
  /** Moves on when ids start again from 0 (a rebuild, clearing the data); until then an id's document never changes. */
  readonly epoch?: number;
  /**
   * The newest merges, whose postings `recentPostings` also holds (absent: an index from before
   * version 10 until its rebuild, or a new one with nothing merged yet).
   */
  readonly recent?: RecentWindow;
}

/** One merge's postings of the terms of one vocabulary row: term i's packed pairs are bytes[ends[i − 1] … ends[i]). */
export interface RecentRow {
  /** Sorted, joined by VOCAB_SEP. */
  readonly terms: string;
  readonly ends: Uint32Array;
  readonly bytes: Uint8Array;
}

/**
 * The newest documents: every id at or above `firstId` is in one of `chunks` (the merges whose
 * postings `recentPostings` copies) or still pending; every id below is older, and its day is at
 * most `olderDay`. A query for the newest best results may stop there (docs/search.md).
 */
export interface RecentWindow {
  readonly firstId: number;
  /** The newest day of a document below `firstId` (-1: there is none). */
  readonly olderDay: number;
  /** In `main` order: each merge's first id and its newest document's day. */
  readonly chunks: readonly { readonly main: number; readonly firstId: number; readonly day: number }[];
  /**
   * `docPages` rows below this id keep no document (SearchDocRow.doc); from it on they may. It
   * trails `firstId` until a merge's strip of the pages that left the window commits (absent:
   * a window written by an earlier version, whose rows kept none).
   */
  readonly docsFrom?: number;
}

/**
 * Every `vocab` row as one value, written after each merge: a query that needs them all (a word
 * with two typos) reads one value, where 1,311 rows took ~200 ms at 1M mentions (docs/search.md).
 * Trusted only while `main` is the index's: otherwise the rows are read.
 */
export interface PackedVocabulary {
  readonly main: number;
  /** The rows' keys, in order, and the rows. */
  readonly keys: string[];
  readonly rows: string[];
  /**
   * The merged void ids as of `main` (VOID_TERM's chunks' ids, ascending, each once), so a fresh
   * reader need not read them from `postings`. Copies written before 2026-12-07 lack it.
   */
  readonly voids?: Uint32Array;
  /** Where each term starts in the rows joined by VOCAB_SEP (`termStarts`); packed copy only. */
  readonly starts?: Uint32Array;
}

/** The `vocab` rows' keys, in order, and the void ids, as of `main` (under VOCAB_KEYS, written with the packed copy). */
export type VocabularyKeys = Omit<PackedVocabulary, 'rows' | 'starts'>;

/**
 * What one write added to the search index, appended as one row (docs/search.md): the postings of
 * every term it touched, and the documents it re-indexed or removed, whose earlier postings no
 * longer count. A merge later folds rows into `postings`, the per-term store queries read.
 */
export interface PendingRow {
  /** Sorted terms; `lists[i]` holds the (id, info) pairs of `terms[i]`. */
  readonly terms: string[];
  readonly lists: Uint32Array[];
  /** Ids made void by this write (their documents changed or went; ids are never reused). */
  readonly voided: Uint32Array;
}

/**
 * Where the alias filter stands (src/db/records/alias-filter.ts). `stamp` equals the counters' `updated`
 * when the filter holds every stored record's lookup values; `token` changes with every write, so
 * a context's copy in memory is known to be current or not.
 */
export interface AliasState {
  readonly token: string;
  readonly stamp: string;
  /** The stored layers ([0, layer, chunk] rows), in order. */
  readonly sizes: readonly { readonly capacity: number; readonly count: number }[];
  /** Rows of values ([1, seq]) not folded into the layers: seq from firstSeq to nextSeq − 1. */
  readonly firstSeq: number;
  readonly nextSeq: number;
  readonly rows: number;
  readonly values: number;
}

/** A new token for an alias state: random, so two contexts never make the same one. */
export const newAliasToken = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** An empty alias filter's state, agreeing with records of `stamp` (by default: none yet). */
export const freshAliasState = (stamp: string = EMPTY_STAMP): AliasState => ({
  token: newAliasToken(),
  stamp,
  sizes: [],
  firstSeq: 0,
  nextSeq: 0,
  rows: 0,
  values: 0,
});

export interface MetaValues {
  counters: CountersRecord;
  starter: StarterRecord;
  syncStates: Record<string, SourceSyncState>;
  syncLock: SyncLockRecord;
  /** The last sync's report, as the runner made it (plain data). */
  lastSync: unknown;
  search: SearchStateRecord;
  aliases: AliasState;
  /** Groups of digest ids found to be one post by the version 8 migration, not merged yet (src/db/records/identity.ts). */
  identityMerges: string[][];
  /** The last paper key `compactPapersIn` packed; absent when every row is packed. */
  papersToPack: string;
}

export interface DigestLensDB extends DBSchema {
  digests: {
    key: string;
    value: DigestRecord;
    indexes: { 'by-date': string; 'by-topic': string; 'by-identity': string };
  };
  papers: {
    key: string;
    /** Packed (core/index/paper-codec.ts); a whole record in rows written before version 9. */
    value: PaperRow;
    indexes: {
      /** A title key's hash (`keyHash`). */
      'by-title': number;
      /** Hashes (`keyHash`) of repositories, cited repositories, organisations, datasets. */
      'by-repo': number;
      'by-cited': number;
      'by-org': number;
      'by-dataset': number;
      /** The values themselves, in rows written before version 9, until `compactPapersIn` has packed them all. */
      'by-title-key': string;
      'by-repo-key': string;
      'by-cited-key': string;
      'by-org-key': string;
      'by-dataset-key': string;
    };
  };
  meta: {
    key: keyof MetaValues;
    value: MetaValues[keyof MetaValues];
  };
  posts: {
    key: string;
    value: PostRecord;
    indexes: { 'by-source': string; 'by-parser': number; 'by-status': string };
  };
  failures: {
    key: string;
    value: FailureRecord;
    indexes: { 'by-source': string };
  };
  /**
   * Search documents by pages: under the first id of the page, the documents of consecutive ids
   * one write made, never across a multiple of DOC_PAGE (so the page of id n starts at or after
   * n − n % DOC_PAGE). A write puts a page per few documents, not one per document; documents made
   * void stay in their page (their ids are never read again) until a rebuild.
   */
  docPages: {
    key: number;
    value: SearchDocRow[];
  };
  /** [term, chunk] → pairs of (document id, info) for the documents of that id range, packed (src/core/search/postings-codec.ts). */
  postings: {
    key: [string, number];
    value: Uint8Array;
  };
  /**
   * The postings of the merges of `SearchStateRecord.recent` again, one row per vocabulary row's
   * key and merge ([vocabPart, chunk]: a typed prefix's terms in one row per merge, a merge's
   * copies in ~1,300 puts, not one per term), and under [RECENT_TERMS, chunk] the keys a merge
   * wrote, so its rows are deleted once it leaves the window.
   */
  recentPostings: {
    key: [string, number];
    value: RecentRow | string;
  };
  /**
   * Every term with postings (words and filter pseudo-terms), for prefix and typo expansion:
   * packed by their first two characters, each row the sorted terms joined by VOCAB_SEP — one
   * read of a few hundred strings instead of a key per term.
   */
  vocab: {
    key: string;
    /** A row; under VOCAB_PACKED (src/db/search/layout.ts), every row at once; under VOCAB_KEYS, their keys. */
    value: string | PackedVocabulary | VocabularyKeys;
  };
  /** Writes not merged into `postings` yet, one row per write transaction, by sequence number. */
  pending: {
    key: number;
    value: PendingRow;
  };
  /**
   * word → how many papers merges have added to its postings (void ones included: an upper bound
   * of its document frequency), for the words related papers may share (`relatableWord`).
   */
  termCounts: {
    key: string;
    value: number;
  };
  /** The alias filter: [0, layer, chunk] → a layer's bits; [1, seq] → one write's values (AliasDelta). */
  aliases: {
    key: number[];
    value: Uint32Array | { readonly before: string; readonly after: string; readonly hashes: Uint32Array };
  };
}

export type DB = IDBPDatabase<DigestLensDB>;
export type UpgradeTx = IDBPTransaction<DigestLensDB, StoreNames<DigestLensDB>[], 'versionchange'>;

/**
 * Migrations, one step per version. Data already stored is kept by every step. Steps above
 * `newVersion` are skipped, so a test can build an old version's database exactly.
 */
export function upgrade(db: DB, oldVersion: number, tx: UpgradeTx, newVersion = DB_VERSION): void {
  const step = (n: number) => oldVersion < n && newVersion >= n;
  if (step(1)) {
    const digests = db.createObjectStore('digests', { keyPath: 'id' });
    digests.createIndex('by-date', 'date');
    digests.createIndex('by-topic', 'topic');
    const papers = db.createObjectStore('papers', { keyPath: 'key' });
    // Version 1's two indexes that version 4 drops: typed no more, so made on the unwrapped store.
    const v1Only = unwrap(papers);
    v1Only.createIndex('by-arxiv', 'arxivId');
    papers.createIndex('by-title', 'titleKey');
    papers.createIndex('by-repo', 'repos', { multiEntry: true });
    papers.createIndex('by-cited', 'citedRepos', { multiEntry: true });
    papers.createIndex('by-org', 'orgs', { multiEntry: true });
    v1Only.createIndex('by-name', 'nameKeys', { multiEntry: true });
    db.createObjectStore('meta');
  }
  if (step(2)) {
    // Sync: raw posts (re-parsed locally when the parser improves) and posts that failed to parse.
    const posts = db.createObjectStore('posts', { keyPath: 'key' });
    posts.createIndex('by-source', 'sourceId');
    posts.createIndex('by-parser', 'parserVersion');
    posts.createIndex('by-status', 'status');
    const failures = db.createObjectStore('failures', { keyPath: 'key' });
    failures.createIndex('by-source', 'sourceId');
  }
  if (step(3)) {
    // Search: an inverted index read per query term (docs/search.md), and related papers by dataset.
    // Version 3's by-ref index, which version 5 drops: typed no more.
    // Version 3's documents, one row each (version 6 stores them by pages): typed no more.
    unwrap(db).createObjectStore('searchDocs', { keyPath: 'id' }).createIndex('by-ref', 'ref', { unique: true });
    db.createObjectStore('postings');
    db.createObjectStore('vocab');
    db.createObjectStore('pending');
    tx.objectStore('papers').createIndex('by-dataset', 'datasets', { multiEntry: true });
    // A new database's empty index agrees with its empty records; an upgraded one is built on first search.
    if (oldVersion === 0) void tx.objectStore('meta').put({ stamp: EMPTY_STAMP, nextId: 0 } satisfies SearchStateRecord, 'search');
  }
  if (step(4)) {
    // Per-word paper counts, kept by merges. A version 3 index has none: it is rebuilt (search
    // answers from the records meanwhile), as a database from before the index is built.
    db.createObjectStore('termCounts');
    // Every paper write kept two indexes nothing reads: by-name (names are matched in memory) and
    // by-arxiv (a paper with an arXiv id is keyed by it: a get finds it).
    const papers = unwrap(tx.objectStore('papers'));
    for (const name of ['by-arxiv', 'by-name']) if (papers.indexNames.contains(name)) papers.deleteIndex(name);
    if (oldVersion === 3) outdateSearchIndex(tx);
  }
  if (step(5)) {
    // Each record carries its search document's id (`searchId`): a write re-indexes a paper without
    // looking its document up by ref, and putting a document keeps no unique index. Records of a
    // version 4 database carry none: its index is rebuilt, which gives them theirs.
    const docs = unwrap(tx).objectStore('searchDocs');
    if (docs.indexNames.contains('by-ref')) docs.deleteIndex('by-ref');
    if (oldVersion === 4) outdateSearchIndex(tx);
  }
  if (step(6)) {
    // The alias filter, which lets a write skip reading values no record holds. A new database's
    // empty filter agrees with its empty records; an upgraded one has none until it is rebuilt
    // (writes read everything meanwhile, as before).
    db.createObjectStore('aliases');
    if (oldVersion === 0) void tx.objectStore('meta').put(freshAliasState(), 'aliases');
    // Search documents by pages, a put per page instead of one per document: the index of an
    // older database is rebuilt into them (search answers from the records meanwhile).
    const raw = unwrap(db);
    if (raw.objectStoreNames.contains('searchDocs')) raw.deleteObjectStore('searchDocs');
    db.createObjectStore('docPages');
    if (oldVersion >= 3) outdateSearchIndex(tx);
  }
  if (step(7)) {
    // Postings packed as variable-length bytes, not two 32-bit words a pair: the index of an older
    // database is rebuilt (search answers from the records meanwhile). Its chunks go now, so no
    // merge before the rebuild appends packed pairs to an unpacked chunk.
    if (oldVersion >= 3) {
      void tx.objectStore('postings').clear();
      outdateSearchIndex(tx);
    }
  }
  if (step(8)) {
    // A digest is its post, whatever route brought it: other routes' copies are found by its
    // identity keys. Stored digests get theirs; copies of one post are merged after the upgrade.
    tx.objectStore('digests').createIndex('by-identity', 'identity', { multiEntry: true });
    if (oldVersion > 0) void nameStoredDigests(tx);
  }
  if (step(9)) {
    // Papers stored packed (core/index/paper-codec.ts), found by title, repository, organisation
    // and dataset through hashes: numbers, not keys of twice the text's length. Rows written before are packed after
    // the upgrade, a batch at a time (`compactPapersIn`): rewriting a large store here would hold
    // the upgrade for minutes. Until then their values stay in the old indexes, renamed.
    const papers = tx.objectStore('papers');
    const hashed = [
      ['by-title', 'th', false],
      ['by-repo', 'rh', true],
      ['by-cited', 'ch', true],
      ['by-org', 'oh', true],
      ['by-dataset', 'dh', true],
    ] as const;
    for (const [name, keyPath, multiEntry] of hashed) {
      if (oldVersion > 0) unwrap(papers.index(name)).name = `${name}-key`;
      else papers.deleteIndex(name);
      papers.createIndex(name, keyPath, { multiEntry });
    }
    if (oldVersion > 0) void tx.objectStore('meta').put('', 'papersToPack');
  }
  if (step(10)) {
    // The newest merges' postings again, in a store of their own (`recentPostings`): a query for
    // the best results reads them first and often stops there. Which documents are older, and
    // how new the newest of them is, only a rebuild knows, so an older index is rebuilt.
    db.createObjectStore('recentPostings');
    if (oldVersion >= 3) outdateSearchIndex(tx);
  }
}

/**
 * Gives every stored digest its identity keys (core/digest/identity.ts) and notes the groups of
 * digests that turn out to be one post, for `mergeDuplicateDigestsIn` to merge once the database
 * is open (merging rewrites papers and the search index: a normal write, not an upgrade's).
 */
async function nameStoredDigests(tx: UpgradeTx): Promise<void> {
  const owner = new Map<string, string>();
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  for (let cursor = await tx.objectStore('digests').openCursor(); cursor; cursor = await cursor.continue()) {
    const d = cursor.value;
    const identity = identityKeys(d);
    parent.set(d.id, d.id);
    for (const k of identity) {
      const other = owner.get(k);
      if (other === undefined) owner.set(k, d.id);
      else parent.set(find(d.id), find(other));
    }
    await cursor.update({ ...d, identity });
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) (groups.get(find(id)) ?? groups.set(find(id), []).get(find(id))!).push(id);
  const merges = [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort());
  if (merges.length > 0) await tx.objectStore('meta').put(merges, 'identityMerges');
}

/** Marks the stored index as one of an older format: search rebuilds it (answering from the records meanwhile). */
function outdateSearchIndex(tx: UpgradeTx): void {
  const meta = tx.objectStore('meta');
  void meta.get('search').then((s) => s && meta.put({ ...(s as SearchStateRecord), stamp: OUTDATED_STAMP }, 'search'));
}

/** The stamp of an index whose format is older than this code's: it agrees with no records. */
export const OUTDATED_STAMP = 'outdated';

/** The stamp of a database with no counters yet (new, or just cleared). */
export const EMPTY_STAMP = 'empty';

export function openDigestDb(name = DB_NAME, version = DB_VERSION): Promise<DB> {
  return openDB<DigestLensDB>(name, version, {
    upgrade: (db, oldVersion, newVersion, tx) => upgrade(db, oldVersion, tx, newVersion ?? version),
    // Another context (an old worker) holding the database open must not block an upgrade forever.
    blocking: (_cur, _next, event) => (event.target as IDBDatabase).close(),
  });
}
