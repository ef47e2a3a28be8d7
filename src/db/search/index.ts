/**
 * The search index's storage, its one way in: keeping the index in step inside a records
 * transaction (`planIndex`), merging, and the queries that read it (which rebuild it when it
 * does not agree with the records).
 */
export { digestRef, hasSearchStores, isPaperRef, paperRef, SEARCH_STORES, VOID_TERM, WRITE_SEARCH_STORES } from './layout.ts';
export { mergePending, mergeSoon, mergeStats, mergeWaiting, underMergeLock } from './merge.ts';
export { type KnownRecords, planIndex, withSearchId } from './plan.ts';
export { neighboursOfText, relativesByTerms, type TermRelative } from './related-terms.ts';
export { forgetSearchCache, IndexNotCurrent, indexState, prepareSearchIn, searchIn, searchIndexReady, searchPageIn } from './search.ts';
export { restarted } from './stamps.ts';
