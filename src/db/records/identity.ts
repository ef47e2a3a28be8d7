/**
 * Copies of one post stored before digests had an identity (database version 8): the upgrade
 * notes each group of ids (`identityMerges`); here each group becomes one digest, its best
 * version (core/digest/identity.ts compareVersions), in a transaction of its own with the
 * counters, the search index and the posts that named a removed copy.
 */
import { bestVersion, keepVersion } from '../../core/index/add-digest.ts';
import type { DigestRecord } from '../../core/index/types.ts';
import type { DB, PostRecord } from '../schema.ts';
import { changeRecordsIn, countersAfter } from './write.ts';

/** Merges every group the upgrade noted; returns how many copies went. Safe to run again after a crash. */
export async function mergeDuplicateDigestsIn(db: DB): Promise<number> {
  if (!db.objectStoreNames.contains('digests')) return 0;
  let removed = 0;
  for (;;) {
    const groups = (await db.get('meta', 'identityMerges')) as string[][] | undefined;
    const group = groups?.[0];
    if (!group) return removed;
    await changeRecordsIn(
      db,
      'merging copies of one post',
      async (store, counters, tx) => {
        const found = (await Promise.all(group.map((id) => store.digestWithPapers(id)))).filter((d): d is DigestRecord => d !== undefined);
        const best = bestVersion(found);
        const meta = tx.objectStore('meta');
        const rest = groups.slice(1);
        await (rest.length > 0 ? meta.put(rest, 'identityMerges') : meta.delete('identityMerges'));
        if (!best || found.length < 2) return undefined;
        const losers = found.filter((d) => d !== best);
        const report = await keepVersion(store, best, losers);
        removed += losers.length;
        // A synced post whose digest was a removed copy now stands for the one kept.
        const posts = tx.objectStore('posts');
        for (const d of losers) {
          const post = (await posts.get(d.id)) as PostRecord | undefined;
          if (post?.digestId === d.id) await posts.put({ ...post, digestId: best.id });
        }
        return countersAfter(counters, report);
      },
      ['posts'],
    );
  }
}
