/**
 * What the runner needs of storage. IndexedDB in the extension (idb-store.ts); Maps in the
 * command-line tool, which then writes a static index directory (memory-store.ts).
 */
import type { Digest } from '../core/digest/types.ts';
import type { WriteReport } from '../core/index/types.ts';
import type { FailureRecord, PostRecord, SourceSyncState, SyncLockRecord } from '../db/index.ts';

export type { FailureRecord, PostRecord, SourceSyncState, SyncLockRecord };

export interface SyncStore {
  getPost(key: string): Promise<PostRecord | undefined>;
  /** The post and its digest, committed together (an edit replaces the digest by id). */
  savePostWithDigest(post: PostRecord, digest: Digest): Promise<WriteReport>;
  savePostWithoutDigest(post: PostRecord, failure?: FailureRecord): Promise<void>;
  /** A digest from a static index shard (already parsed; no raw post). */
  writeDigest(digest: Digest): Promise<WriteReport>;
  stalePostKeys(parserVersion: number): Promise<string[]>;
  postKeysWithStatus(status: PostRecord['status']): Promise<string[]>;
  getSyncStates(): Promise<Record<string, SourceSyncState>>;
  putSyncState(sourceId: string, state: SourceSyncState): Promise<void>;
  acquireLock(owner: string, ttlMs: number, now: number): Promise<{ acquired: boolean; holder?: SyncLockRecord }>;
  releaseLock(owner: string): Promise<void>;
  putLastSync(report: unknown): Promise<void>;
  getLastSync(): Promise<unknown>;
}
