/**
 * Re-parsing stored raw posts when the parser version rose, or when the kept topics widened: no
 * network at all. Posts that failed before get their one new try here too.
 */
import { type CommitOptions, type CommitResult, parseAndSave, topicKept } from './commit-post.ts';
import { SyncAbortedError } from './errors.ts';
import type { SyncStore } from './store.ts';

export async function reparseStored(
  store: SyncStore,
  o: Omit<CommitOptions, 'sourceId'> & {
    signal?: AbortSignal;
    topicsWidened?: boolean;
    onPost?: (done: number, total: number, result: CommitResult) => Promise<void> | void;
  },
): Promise<Record<CommitResult, number>> {
  const counts: Record<CommitResult, number> = { added: 0, updated: 0, unchanged: 0, failed: 0, filtered: 0 };
  const stale = await store.stalePostKeys(o.parserVersion);
  // Posts filtered out by topic are kept raw: widening the topics indexes them without the network.
  const filtered = o.topicsWidened ? await store.postKeysWithStatus('filtered') : [];
  const keys = [...new Set([...stale, ...filtered])];
  let done = 0;
  for (const key of keys) {
    if (o.signal?.aborted) throw new SyncAbortedError();
    const post = await store.getPost(key);
    // A store that keeps no bodies (the command-line tool's) has nothing to re-parse locally.
    if (!post || post.raw === '') continue;
    const due = post.parserVersion < o.parserVersion || (post.status === 'filtered' && topicKept(o.topics, post.topic));
    if (!due) continue;
    const { result } = await parseAndSave(store, post, { ...o, sourceId: post.sourceId });
    counts[result]++;
    await o.onPost?.(++done, keys.length, result);
  }
  return counts;
}
