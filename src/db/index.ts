/**
 * The extension's storage: small exported functions over one lazily opened database.
 * Nothing outside src/db sees the database handle.
 */
import type { PaperRef } from '../core/detect/index.ts';
import type { Digest } from '../core/digest/types.ts';
import type { ArxivId } from '../core/ids/arxiv-id.ts';
import type { DigestRecord, PaperRecord, WriteReport } from '../core/index/types.ts';
import type { DigestBatch, ImportOutcome, IndexStats, LookupResult, TextNeighbour } from '../core/index/view.ts';
import type { SearchAnswer } from '../core/search/answer.ts';
import {
  acquireSyncLockIn,
  clearAllIn,
  compactPapersIn,
  countersIn,
  dropDigestsBeforeIn,
  exportIndexFrom,
  type FetchText,
  findPapersIn,
  getLastSyncIn,
  getPostIn,
  getSyncLockIn,
  getSyncStatesIn,
  type ImportResult,
  type IndexExport,
  importDigestTo,
  importRecordsTo,
  latestBatchesFrom,
  listFailuresIn,
  loadStarterInto,
  lookupIn,
  lookupKeyIn,
  mergeDuplicateDigestsIn,
  type PaperMatch,
  papersFor,
  postKeysWithStatusIn,
  putLastSyncIn,
  putSyncStateIn,
  releaseSyncLockIn,
  rememberArxivIdIn,
  type Selection,
  savePostWithDigestIn,
  savePostWithoutDigestIn,
  searchAnswerIn,
  stalePostKeysIn,
  statsFrom,
  viewPapersInDb,
  writeDigestTo,
} from './records/index.ts';
import {
  type CountersRecord,
  type DB,
  DB_NAME,
  type FailureRecord,
  openDigestDb,
  type PostRecord,
  type SourceSyncState,
  type SyncLockRecord,
} from './schema.ts';
import { mergeWaiting, neighboursOfText } from './search/index.ts';

export { digestCountOf, type PaperMatch, StorageFullError } from './records/index.ts';
export type { CountersRecord, FailureRecord, PostRecord, SourceSyncState, SyncLockRecord } from './schema.ts';
export { forgetSearchCache } from './search/index.ts';
export type { ImportResult, IndexExport, Selection };

let opening: Promise<DB> | undefined;

export function openDb(): Promise<DB> {
  opening ??= openDigestDb()
    .then(async (db) => {
      // Copies of one post an upgrade found (database version 8): merged once, before any read.
      await mergeDuplicateDigestsIn(db).catch((e: unknown) => console.warn('Digest Lens: could not merge copies of one post', e));
      // Paper rows from before version 9 are packed in the background, a batch at a time.
      void compactPapersIn(db).catch((e: unknown) => console.warn('Digest Lens: could not pack older paper records', e));
      return db;
    })
    .catch((e: unknown) => {
      opening = undefined;
      throw e;
    });
  return opening;
}

/** Closes the handle (tests, and before deleting the database). */
export async function closeDb(): Promise<void> {
  const db = await opening?.catch(() => undefined);
  db?.close();
  opening = undefined;
}

export async function writeDigest(digest: Digest): Promise<WriteReport> {
  return writeDigestTo(await openDb(), digest);
}

export async function lookup(ref: PaperRef): Promise<LookupResult> {
  return lookupIn(await openDb(), ref);
}

/** The papers a reference names, with their mentions (no digests, no related papers). */
export async function findPapers(ref: PaperRef): Promise<PaperMatch> {
  return findPapersIn(await openDb(), ref);
}

export async function viewPapers(match: PaperMatch): Promise<LookupResult> {
  return viewPapersInDb(await openDb(), match);
}

/** The papers and digests closest to a page no digest names (its title and abstract). */
export async function neighboursOf(title: string, abstract: string, limit: number): Promise<TextNeighbour[]> {
  return neighboursOfText(await openDb(), title, abstract, limit);
}

export async function rememberArxivId(paperKey: string, arxivId: ArxivId): Promise<void> {
  return rememberArxivIdIn(await openDb(), paperKey, arxivId);
}

export async function getCounters(): Promise<CountersRecord> {
  return countersIn(await openDb());
}

export async function loadStarterIndex(fetchText: FetchText, options?: { force?: boolean }): Promise<{ loaded: boolean; digests: number }> {
  return loadStarterInto(await openDb(), fetchText, options);
}

/** Empties every store (the schema stays); the empty search index and alias filter agree with the empty records. */
export async function clearAll(): Promise<void> {
  return clearAllIn(await openDb());
}

// Sync: raw posts, failures, per-source state, the lock, retention.

export async function getPost(key: string): Promise<PostRecord | undefined> {
  return getPostIn(await openDb(), key);
}

export async function savePostWithDigest(post: PostRecord, digest: Digest): Promise<WriteReport> {
  return savePostWithDigestIn(await openDb(), post, digest);
}

export async function savePostWithoutDigest(post: PostRecord, failure?: FailureRecord): Promise<void> {
  return savePostWithoutDigestIn(await openDb(), post, failure);
}

export async function stalePostKeys(parserVersion: number): Promise<string[]> {
  return stalePostKeysIn(await openDb(), parserVersion);
}

export async function postKeysWithStatus(status: PostRecord['status']): Promise<string[]> {
  return postKeysWithStatusIn(await openDb(), status);
}

export async function listFailures(): Promise<FailureRecord[]> {
  return listFailuresIn(await openDb());
}

export async function getSyncStates(): Promise<Record<string, SourceSyncState>> {
  return getSyncStatesIn(await openDb());
}

export async function putSyncState(sourceId: string, state: SourceSyncState): Promise<void> {
  return putSyncStateIn(await openDb(), sourceId, state);
}

export async function acquireSyncLock(owner: string, ttlMs: number, now: number): Promise<{ acquired: boolean; holder?: SyncLockRecord }> {
  return acquireSyncLockIn(await openDb(), owner, ttlMs, now);
}

export async function releaseSyncLock(owner: string): Promise<void> {
  return releaseSyncLockIn(await openDb(), owner);
}

export async function getSyncLock(): Promise<SyncLockRecord | undefined> {
  return getSyncLockIn(await openDb());
}

export async function putLastSync(report: unknown): Promise<void> {
  return putLastSyncIn(await openDb(), report);
}

export async function getLastSync(): Promise<unknown> {
  return getLastSyncIn(await openDb());
}

/** Retention: drops digests dated before `date` (YYYY-MM-DD); returns how many. */
export async function dropDigestsBefore(date: string): Promise<number> {
  return dropDigestsBeforeIn(await openDb(), date);
}

/** A sync or an import has written its digests: the search index's waiting rows are merged (in the background). */
export async function settleSearchIndex(): Promise<void> {
  return mergeWaiting(await openDb());
}

/** The popup's answer to what the reader typed or pasted: ranked results, and the paper a pasted reference names. */
export async function answerSearch(text: string, limit: number): Promise<SearchAnswer> {
  return searchAnswerIn(await openDb(), text, limit);
}

/** One paper by record key, as the side panel shows a looked-up paper. */
export async function lookupKey(key: string): Promise<LookupResult> {
  return lookupKeyIn(await openDb(), key);
}

/** The newest batches of digests (at most maxDigests in all), older than `before` when given. */
export async function latestBatches(batches: number, maxDigests: number, before?: string): Promise<DigestBatch[]> {
  return latestBatchesFrom(await openDb(), batches, maxDigests, before);
}

/** What the index holds, per topic and per week. */
export async function indexStatistics(): Promise<IndexStats> {
  return statsFrom(await openDb());
}

/** A search result's or a theme's papers, with a heading for the export. */
export async function papersOf(selection: Selection): Promise<{ heading: string; papers: PaperRecord[] }> {
  return papersFor(await openDb(), selection);
}

/** Every digest and paper record, as stored. */
export async function exportIndexRecords(): Promise<IndexExport> {
  return exportIndexFrom(await openDb());
}

/** Records of an export file, one digest per transaction. */
export async function importIndexRecords(digests: readonly DigestRecord[], papers: readonly PaperRecord[]): Promise<ImportOutcome[]> {
  return importRecordsTo(await openDb(), digests, papers);
}

/** One parsed digest in its own transaction: added, updated, or unchanged (nothing written). */
export async function importDigest(digest: Digest): Promise<ImportResult> {
  return importDigestTo(await openDb(), digest);
}

export { DB_NAME };
