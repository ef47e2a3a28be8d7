import { DigestsByPost } from '../core/digest/identity.ts';
import type { Digest } from '../core/digest/types.ts';
import { addDigest } from '../core/index/add-digest.ts';
import { MemoryStore } from '../core/index/memory-store.ts';
import type { WriteReport } from '../core/index/types.ts';
import type { FailureRecord, PostRecord, SourceSyncState, SyncLockRecord, SyncStore } from './store.ts';

/**
 * A SyncStore on Maps, for the command-line tool (which then writes a static index) and for tests.
 * It keeps the parsed digests themselves, since a static index is built from digests.
 */
export class MemorySyncStore implements SyncStore {
  /** Paper records, built only when asked (the command-line tool needs only the digests). */
  readonly records: MemoryStore | undefined;
  /** One digest per post: another route's copy of a post replaces it or is dropped (core/digest/identity.ts). */
  readonly digests = new DigestsByPost<Digest>();
  readonly posts = new Map<string, PostRecord>();
  readonly failures = new Map<string, FailureRecord>();
  states: Record<string, SourceSyncState> = {};
  lock: SyncLockRecord | undefined;
  lastSync: unknown;

  constructor(options: { records?: boolean } = {}) {
    this.records = options.records === false ? undefined : new MemoryStore();
  }

  async getPost(key: string): Promise<PostRecord | undefined> {
    return this.posts.get(key);
  }

  async savePostWithDigest(post: PostRecord, digest: Digest): Promise<WriteReport> {
    const report = await this.writeDigest(digest);
    this.posts.set(post.key, post);
    this.failures.delete(post.key);
    return report;
  }

  async savePostWithoutDigest(post: PostRecord, failure?: FailureRecord): Promise<void> {
    this.posts.set(post.key, post);
    if (failure) this.failures.set(post.key, failure);
    else this.failures.delete(post.key);
  }

  async writeDigest(digest: Digest): Promise<WriteReport> {
    const before = this.digests.size;
    const kept = this.digests.add(digest);
    if (this.records) return addDigest(this.records, digest);
    return {
      digestsAdded: this.digests.size - before,
      papersAdded: 0,
      papersRemoved: 0,
      mentionsDelta: 0,
      touched: [],
      ...(kept !== digest ? { heldAs: kept.id } : {}),
    };
  }

  async stalePostKeys(parserVersion: number): Promise<string[]> {
    return [...this.posts.values()].filter((p) => p.parserVersion < parserVersion).map((p) => p.key);
  }

  async postKeysWithStatus(status: PostRecord['status']): Promise<string[]> {
    return [...this.posts.values()].filter((p) => p.status === status).map((p) => p.key);
  }

  async getLastSync(): Promise<unknown> {
    return this.lastSync;
  }

  async getSyncStates(): Promise<Record<string, SourceSyncState>> {
    return { ...this.states };
  }

  async putSyncState(sourceId: string, state: SourceSyncState): Promise<void> {
    this.states = { ...this.states, [sourceId]: state };
  }

  async acquireLock(owner: string, ttlMs: number, now: number): Promise<{ acquired: boolean; holder?: SyncLockRecord }> {
    if (this.lock && this.lock.owner !== owner && this.lock.expires > now) return { acquired: false, holder: this.lock };
    this.lock = { owner, acquired: this.lock?.owner === owner ? this.lock.acquired : now, expires: now + ttlMs };
    return { acquired: true };
  }

  async releaseLock(owner: string): Promise<void> {
    if (this.lock?.owner === owner) this.lock = undefined;
  }

  async putLastSync(report: unknown): Promise<void> {
    this.lastSync = report;
  }
}
