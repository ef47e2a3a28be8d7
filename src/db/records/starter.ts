import { MANIFEST_FILE } from '../../core/static-index/format.ts';
import { parseManifest, readShard } from '../../core/static-index/read.ts';
import type { DB, StarterRecord } from '../schema.ts';
import { writeDigestTo } from './write.ts';

export type FetchText = (path: string) => Promise<string>;

/**
 * Loads the built-in starter index (shipped inside the extension) once: on install and on
 * "reset". Shards are verified before any write; each digest is written in its own transaction;
 * the marker goes in last, so an interrupted load simply runs again (digests replace by id).
 */
export async function loadStarterInto(db: DB, fetchText: FetchText, options: { force?: boolean } = {}): Promise<{ loaded: boolean; digests: number }> {
  const manifest = parseManifest(await fetchText(MANIFEST_FILE));
  const marker = (await db.get('meta', 'starter')) as StarterRecord | undefined;
  const hashes = manifest.shards.map((s) => s.sha256);
  if (!options.force && marker && hashes.every((h) => marker.shards.includes(h))) return { loaded: false, digests: 0 };
  let digests = 0;
  for (const ref of manifest.shards) {
    const shard = await readShard(ref, await fetchText(ref.file));
    for (const digest of shard.digests) {
      await writeDigestTo(db, digest);
      digests++;
    }
  }
  await db.put('meta', { shards: hashes, loaded: new Date().toISOString() } satisfies StarterRecord, 'starter');
  return { loaded: true, digests };
}
