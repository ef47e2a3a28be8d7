/**
 * The search index's storage, its one way in: keeping the index in step inside a records
 * transaction (`planIndex`), merging, rebuilding, and the queries that read it.
 */
export { DOC_PAGE, digestRef, hasSearchStores, isPaperRef, paperRef, SEARCH_STORES, VOID_TERM } from './layout.ts';
export { mergePending, mergeSoon, mergeStats } from './merge.ts';
export { type IndexPlan, indexInTx, type KnownRecords, planIndex, withSearchId } from './plan.ts';
export { IndexMoved, openIndexReader } from './reader.ts';
export { rebuildSearchIndex } from './rebuild.ts';
export { neighboursOfText, relativesByTerms, type TermRelative, wordsToRead } from './related-terms.ts';
export { forgetSearchCache, indexState, linearSearchIn, searchIn, searchIndexReady, searchPageIn } from './search.ts';
export { restarted } from './stamps.ts';
