import { DigestsByPost } from '../digest/identity.ts';
import type { Digest } from '../digest/types.ts';
import { PARSER_VERSION } from '../digest/types.ts';
import { FORMAT_VERSION, type Manifest, type Shard, type ShardRef } from './format.ts';
import { sha256Hex } from './sha256.ts';

export interface StaticIndex {
  readonly manifest: Manifest;
  /** Shard files by their path relative to the manifest. */
  readonly shards: ReadonlyMap<string, string>;
}

export interface BuildOptions {
  readonly source: string;
  readonly generator?: string;
  readonly now?: Date;
}

/**
 * Groups digests into batch shards. Shard bytes depend only on their digests (sorted by id, stable
 * JSON), so rebuilding an unchanged batch yields the same name and clients keep their copy.
 */
export async function buildStaticIndex(digests: readonly Digest[], options: BuildOptions): Promise<StaticIndex> {
  // One digest per post, whatever route brought each copy; among equals a later copy (say, a re-parse) wins.
  const posts = new DigestsByPost<Digest>();
  for (const d of digests) posts.add(d);
  const byBatch = new Map<string, Digest[]>();
  for (const d of posts.values()) (byBatch.get(d.date) ?? byBatch.set(d.date, []).get(d.date)!).push(d);
  const shards = new Map<string, string>();
  const refs: ShardRef[] = [];
  for (const batch of [...byBatch.keys()].sort().reverse()) {
    const list = byBatch.get(batch)!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const shard: Shard = { formatVersion: FORMAT_VERSION, batch, digests: list };
    const text = JSON.stringify(shard);
    const sha256 = await sha256Hex(text);
    const file = `shards/${sha256}.json`;
    shards.set(file, text);
    refs.push({
      file,
      sha256,
      bytes: new TextEncoder().encode(text).length,
      batch,
      digests: list.map((d) => d.id),
      papers: list.reduce((n, d) => n + d.papers.length, 0),
    });
  }
  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    generator: options.generator ?? 'digest-lens',
    generated: (options.now ?? new Date()).toISOString(),
    source: options.source,
    parserVersion: PARSER_VERSION,
    digestCount: refs.reduce((n, r) => n + r.digests.length, 0),
    mentionCount: refs.reduce((n, r) => n + r.papers, 0),
    shards: refs,
  };
  return { manifest, shards };
}
