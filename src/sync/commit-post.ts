/**
 * One post from fetch to storage: skip it when nothing changed, else parse it and commit the raw
 * post with its digest (or its failure) in one transaction.
 */
import type { Digest } from '../core/digest/types.ts';
import type { RawPost } from './raw-post.ts';
import type { PostRecord, SyncStore } from './store.ts';

export type ParseOutcome = { readonly digest: Digest } | { readonly error: string };
export type ParsePost = (post: RawPost) => ParseOutcome;
export type CommitResult = 'added' | 'updated' | 'unchanged' | 'failed' | 'filtered';

export interface CommitOptions {
  readonly sourceId: string;
  readonly parserVersion: number;
  /** Lower-case topics to keep; empty keeps all. */
  readonly topics: ReadonlySet<string>;
  readonly parse: ParsePost;
  readonly now: number;
}

export const topicKept = (topics: ReadonlySet<string>, topic: string | undefined) =>
  topics.size === 0 || (topic !== undefined && topics.has(topic.toLowerCase()));

/**
 * Whether a stored post already stands for this version of it. A failure is not retried until the
 * parser changes; a post filtered out by topic is looked at again when the topics now keep it.
 */
export function isCurrent(stored: PostRecord | undefined, modified: string, o: Pick<CommitOptions, 'parserVersion' | 'topics'>, raw?: string): boolean {
  if (!stored || stored.modified !== modified) return false;
  // Feeds carry no modification time: a changed body is an edit (when the store kept the body).
  if (raw !== undefined && stored.format === 'rss' && stored.raw !== '' && stored.raw !== raw) return false;
  if (stored.parserVersion < o.parserVersion) return false;
  if (stored.status === 'filtered') return !topicKept(o.topics, stored.topic);
  return true;
}

export async function commitPost(store: SyncStore, post: RawPost, o: CommitOptions): Promise<{ result: CommitResult; reason?: string }> {
  const stored = await store.getPost(post.key);
  if (isCurrent(stored, post.modified, o, post.raw)) return { result: 'unchanged' };
  return parseAndSave(store, post, o);
}

/** Parses and saves regardless of what is stored (the re-parse path uses it directly). */
export async function parseAndSave(store: SyncStore, post: RawPost, o: CommitOptions): Promise<{ result: CommitResult; reason?: string }> {
  const outcome = o.parse(post);
  const at = new Date(o.now).toISOString();
  const base = {
    key: post.key,
    sourceId: o.sourceId,
    url: post.url,
    title: post.title,
    date: post.date,
    modified: post.modified,
    format: post.format,
    raw: post.raw,
    parserVersion: o.parserVersion,
    fetched: at,
  };
  if ('error' in outcome) {
    const record: PostRecord = { ...base, status: 'failed' };
    await store.savePostWithoutDigest(record, {
      key: post.key,
      sourceId: o.sourceId,
      url: post.url,
      title: post.title,
      reason: outcome.error,
      modified: post.modified,
      parserVersion: o.parserVersion,
      at,
    });
    return { result: 'failed', reason: outcome.error };
  }
  const { digest } = outcome;
  if (!topicKept(o.topics, digest.topic)) {
    await store.savePostWithoutDigest({ ...base, status: 'filtered', topic: digest.topic });
    return { result: 'filtered' };
  }
  const report = await store.savePostWithDigest({ ...base, status: 'indexed', digestId: digest.id, topic: digest.topic }, digest);
  // Another route's better copy of this post is held (say, a saved page with a later edit): nothing new.
  if (report.heldAs) return { result: report.learnt || report.replaced?.length ? 'updated' : 'unchanged' };
  return { result: report.digestsAdded > 0 ? 'added' : 'updated' };
}
