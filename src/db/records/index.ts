/**
 * The paper records' storage, its one way in: writing digests (with the search index kept in
 * step), the record stores, lookups, raw posts and sync state, export and import, retention.
 */

export type { IndexExport } from '../../core/index/export-format.ts';
export { type AnswerOptions, answerQuery, type PopupAnswer, searchAnswerIn } from './answer.ts';
export { clearAllIn } from './clear.ts';
export { compactPapersIn } from './compact-papers.ts';
export { StorageFullError } from './errors.ts';
export { exportIndexFrom, importRecordsTo } from './export-import.ts';
export { mergeDuplicateDigestsIn } from './identity.ts';
export { type ImportResult, importDigestTo } from './import-digest.ts';
export { latestBatchesFrom } from './latest.ts';
export { digestCountOf, findPapersIn, lookupIn, lookupKeyIn, type PaperMatch, viewPapersInDb } from './lookup.ts';
export { papersFor, type Selection } from './paper-list.ts';
export { getPostIn, listFailuresIn, postKeysWithStatusIn, savePostWithDigestIn, savePostWithoutDigestIn, stalePostKeysIn } from './posts.ts';
export { dropDigestsBeforeIn } from './retention.ts';
export { type FetchText, loadStarterInto } from './starter.ts';
export { countersIn, statsFrom } from './stats.ts';
export { acquireSyncLockIn, getLastSyncIn, getSyncLockIn, getSyncStatesIn, putLastSyncIn, putSyncStateIn, releaseSyncLockIn } from './sync-state.ts';
export { RECORD_STORES, rememberArxivIdIn, writeDigestsTo, writeDigestTo, writeInOneTx, writeStats } from './write.ts';
