/**
 * Per-source sync state and the one sync lock, both in `meta`. The lock lives in IndexedDB, not in
 * memory: the popup, options page and service worker are separate contexts, and a service worker
 * killed mid-sync never releases it, hence the expiry.
 */
import type { DB, SourceSyncState, SyncLockRecord } from '../schema.ts';

export async function getSyncStatesIn(db: DB): Promise<Record<string, SourceSyncState>> {
  return ((await db.get('meta', 'syncStates')) as Record<string, SourceSyncState> | undefined) ?? {};
}

/** Replaces one source's state; the others are read and written in the same transaction. */
export async function putSyncStateIn(db: DB, sourceId: string, state: SourceSyncState): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const all = ((await tx.store.get('syncStates')) as Record<string, SourceSyncState> | undefined) ?? {};
  await Promise.all([tx.store.put({ ...all, [sourceId]: state }, 'syncStates'), tx.done]);
}

/**
 * Takes the lock when it is free, expired, or already ours (a renewal). Read and write happen in
 * one readwrite transaction, which IndexedDB runs alone, so two contexts cannot both win.
 */
export async function acquireSyncLockIn(db: DB, owner: string, ttlMs: number, now: number): Promise<{ acquired: boolean; holder?: SyncLockRecord }> {
  const tx = db.transaction('meta', 'readwrite');
  const held = (await tx.store.get('syncLock')) as SyncLockRecord | undefined;
  if (held && held.owner !== owner && held.expires > now) {
    await tx.done;
    return { acquired: false, holder: held };
  }
  const lock: SyncLockRecord = { owner, acquired: held?.owner === owner ? held.acquired : now, expires: now + ttlMs };
  await Promise.all([tx.store.put(lock, 'syncLock'), tx.done]);
  return { acquired: true };
}

/** Releases the lock if `owner` still holds it (a taken-over stale lock is not ours to drop). */
export async function releaseSyncLockIn(db: DB, owner: string): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const held = (await tx.store.get('syncLock')) as SyncLockRecord | undefined;
  await Promise.all([held?.owner === owner ? tx.store.delete('syncLock') : undefined, tx.done]);
}

export async function getSyncLockIn(db: DB): Promise<SyncLockRecord | undefined> {
  return (await db.get('meta', 'syncLock')) as SyncLockRecord | undefined;
}

export async function putLastSyncIn(db: DB, report: unknown): Promise<void> {
  await db.put('meta', report, 'lastSync');
}

export async function getLastSyncIn(db: DB): Promise<unknown> {
  return db.get('meta', 'lastSync');
}
