import * as db from '../db/index.ts';
import type { SyncStore } from './store.ts';

/** The extension's store: every call opens (once) and uses the shared IndexedDB database. */
export const idbSyncStore: SyncStore = {
  getPost: db.getPost,
  savePostWithDigest: db.savePostWithDigest,
  savePostWithoutDigest: db.savePostWithoutDigest,
  writeDigest: db.writeDigest,
  stalePostKeys: db.stalePostKeys,
  postKeysWithStatus: db.postKeysWithStatus,
  getSyncStates: db.getSyncStates,
  putSyncState: db.putSyncState,
  acquireLock: db.acquireSyncLock,
  releaseLock: db.releaseSyncLock,
  putLastSync: db.putLastSync,
  getLastSync: db.getLastSync,
};
