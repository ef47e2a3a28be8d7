import { type DB, EMPTY_STAMP, freshAliasState, type SearchStateRecord } from '../schema.ts';
import { restarted, SEARCH_STORES, underMergeLock } from '../search/index.ts';

/**
 * Empties every store (the schema stays); the empty search index and alias filter agree with the
 * empty records. A running merge finishes first (it writes the index in slices).
 */
export function clearAllIn(db: DB): Promise<void> {
  return underMergeLock(() => clearAll(db));
}

async function clearAll(db: DB): Promise<void> {
  const stores = ['digests', 'papers', 'meta', 'posts', 'failures', 'aliases', ...SEARCH_STORES] as const;
  const tx = db.transaction([...stores], 'readwrite');
  const meta = tx.objectStore('meta');
  const old = (await meta.get('search')) as SearchStateRecord | undefined;
  await Promise.all([
    ...stores.map((s) => tx.objectStore(s).clear()),
    meta.put(restarted(old, EMPTY_STAMP), 'search'),
    meta.put(freshAliasState(), 'aliases'),
    tx.done,
  ]);
}
