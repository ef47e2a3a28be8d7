/**
 * Whether the search index agrees with the records: its stamp is the counters' `updated` when it
 * holds exactly what they hold, and anything else makes search rebuild it.
 */
import { type CountersRecord, type SearchStateRecord, stampOf } from '../schema.ts';

/** The stamp of an index with no state at all. */
export const NO_STAMP = 'none';

/**
 * The state of an index emptied to start again (a rebuild, clearing the data): a new `epoch` whose
 * ids start above every earlier one, and `main` moves on, so no context keeps answering from what it cached.
 */
export const restarted = (old: SearchStateRecord | undefined, stamp: string): SearchStateRecord => ({
  stamp,
  // Ids go on from the last index's: a record's id from before stays below firstId (stale).
  nextId: old?.nextId ?? 0,
  firstId: old?.nextId ?? 0,
  nextSeq: 0,
  pendingRows: 0,
  pendingPairs: 0,
  main: (old?.main ?? 0) + 1,
  epoch: (old?.epoch ?? 0) + 1,
  // Nothing merged yet, and no id below the first (nor a document page: they were cleared).
  recent: { firstId: old?.nextId ?? 0, olderDay: -1, chunks: [], docsFrom: old?.nextId ?? 0 },
});

/** The index holds exactly what the records hold. */
export const agrees = (state: SearchStateRecord | undefined, counters: CountersRecord | undefined): boolean => (state?.stamp ?? NO_STAMP) === stampOf(counters);
