/**
 * Rebuilding the search index from the records: after a migration, a crash mid-rebuild, or a
 * write that bypassed the index. Batches of records, each in its own transaction, so search stays
 * usable (answered from the records) while it runs; the stamp is set last.
 */

import { type CountersRecord, type DB, type SearchStateRecord, stampOf } from '../schema.ts';
import { RELAXED } from '../tx.ts';
import { SEARCH_STORES, WRITE_SEARCH_STORES } from './layout.ts';
import { mergePending, underMergeLock, wantsMerge } from './merge.ts';
import { indexInTx } from './plan.ts';
import { restarted } from './stamps.ts';

const BATCH = 500;
const REBUILDING = 'rebuilding';
// A batch indexes as a write does: merges read the merged stores beside it.
const STORES = ['digests', 'papers', 'meta', ...WRITE_SEARCH_STORES] as const;

let running: Promise<void> | undefined;

/** Starts a rebuild unless one runs in this context; resolves when it is done. */
export function rebuildSearchIndex(db: DB): Promise<void> {
  running ??= rebuild(db).finally(() => (running = undefined));
  return running;
}

async function rebuild(db: DB): Promise<void> {
  // A running merge finishes first: it writes the index in slices.
  await underMergeLock(async () => {
    const tx = db.transaction([...SEARCH_STORES, 'meta' as const], 'readwrite');
    const old = (await tx.objectStore('meta').get('search')) as SearchStateRecord | undefined;
    await Promise.all([...SEARCH_STORES.map((s) => tx.objectStore(s).clear()), tx.objectStore('meta').put(restarted(old, REBUILDING), 'search'), tx.done]);
  });
  for (const store of ['papers', 'digests'] as const) {
    let after: string | undefined;
    for (;;) {
      const tx = db.transaction([...STORES], 'readwrite', RELAXED);
      const keys = (await tx.objectStore(store).getAllKeys(after === undefined ? null : IDBKeyRange.lowerBound(after, true), BATCH)) as string[];
      if (keys.length === 0) break;
      const state = await indexInTx(tx, store === 'papers' ? keys : [], store === 'digests' ? keys : []);
      await tx.done;
      if (wantsMerge(state)) await mergePending(db);
      after = keys.at(-1);
    }
  }
  const tx = db.transaction('meta', 'readwrite');
  const [state, counters] = await Promise.all([
    tx.store.get('search') as Promise<SearchStateRecord | undefined>,
    tx.store.get('counters') as Promise<CountersRecord | undefined>,
  ]);
  // Writes during the rebuild indexed what they touched themselves; another rebuild may have restarted.
  if (state?.stamp === REBUILDING) await tx.store.put({ ...state, stamp: stampOf(counters) }, 'search');
  await tx.done;
  await mergePending(db);
}
