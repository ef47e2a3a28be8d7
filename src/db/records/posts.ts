/**
 * Raw posts and parse failures, written in the same transaction as the digest they yield, so a
 * post is either fully indexed (post + digest + counters) or not at all.
 */
import type { Digest } from '../../core/digest/types.ts';
import type { WriteReport } from '../../core/index/types.ts';
import type { DB, FailureRecord, PostRecord } from '../schema.ts';
import { RECORD_STORES, writeInOneTx } from './write.ts';

export function getPostIn(db: DB, key: string): Promise<PostRecord | undefined> {
  return db.get('posts', key);
}

/** Stores the post with its digest; an edited post's digest replaces the earlier version by id. */
export function savePostWithDigestIn(db: DB, post: PostRecord, digest: Digest): Promise<WriteReport> {
  return writeInOneTx(db, [...RECORD_STORES, 'posts', 'failures'], digest, async (tx) => {
    await Promise.all([tx.objectStore('posts').put(post), tx.objectStore('failures').delete(post.key)]);
  });
}

/** Stores a post that yields no digest: failed (with its reason) or filtered out by topic. */
export async function savePostWithoutDigestIn(db: DB, post: PostRecord, failure?: FailureRecord): Promise<void> {
  const tx = db.transaction(['posts', 'failures'], 'readwrite');
  await Promise.all([
    tx.objectStore('posts').put(post),
    failure ? tx.objectStore('failures').put(failure) : tx.objectStore('failures').delete(post.key),
    tx.done,
  ]);
}

/** Keys of stored posts parsed by an older parser than `parserVersion`. */
export function stalePostKeysIn(db: DB, parserVersion: number): Promise<string[]> {
  return db.getAllKeysFromIndex('posts', 'by-parser', IDBKeyRange.upperBound(parserVersion, true));
}

/** Keys of stored posts with a status ('filtered' ones are looked at again when the topics widen). */
export function postKeysWithStatusIn(db: DB, status: PostRecord['status']): Promise<string[]> {
  return db.getAllKeysFromIndex('posts', 'by-status', status);
}

export function listFailuresIn(db: DB): Promise<FailureRecord[]> {
  return db.getAll('failures');
}
