import type { Digest } from '../digest/types.ts';

/**
 * The static index: a small manifest plus immutable shards, one per publication batch (the
 * digests' header date). A shard is named by the sha256 of its bytes, so a CDN can cache it
 * forever and a client fetches only the shards it lacks. See docs/index-format.md.
 */
export const FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'index.json';

export interface ShardRef {
  /** Path relative to the manifest: `shards/<sha256>.json`. */
  readonly file: string;
  /** Lower-case hex sha256 of the shard file's bytes. */
  readonly sha256: string;
  readonly bytes: number;
  /** The batch: the `YYYY-MM-DD` date shared by its digests. */
  readonly batch: string;
  /** Ids of the digests it holds. */
  readonly digests: readonly string[];
  readonly papers: number;
}

export interface Manifest {
  readonly formatVersion: number;
  readonly generator: string;
  /** ISO timestamp of the build. */
  readonly generated: string;
  /** Where the digests came from: a site address or a free-form name. */
  readonly source: string;
  readonly parserVersion: number;
  readonly digestCount: number;
  /** Paper mentions across all digests (a paper in two digests counts twice). */
  readonly mentionCount: number;
  /** Newest batch first. */
  readonly shards: readonly ShardRef[];
}

export interface Shard {
  readonly formatVersion: number;
  readonly batch: string;
  readonly digests: readonly Digest[];
}
