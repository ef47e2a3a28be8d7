import type { Digest } from '../digest/types.ts';
import { digestLabel, digestProblem } from '../validate/digest.ts';
import { FORMAT_VERSION, type Manifest, type Shard, type ShardRef } from './format.ts';
import { sha256Hex } from './sha256.ts';

export class StaticIndexError extends Error {
  override readonly name = 'StaticIndexError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SHA = /^[0-9a-f]{64}$/;

function shardRef(v: unknown, i: number): ShardRef {
  if (!isObject(v)) throw new StaticIndexError(`shard ${i} is not an object`);
  const { file, sha256, bytes, batch, digests, papers } = v;
  if (typeof sha256 !== 'string' || !SHA.test(sha256)) throw new StaticIndexError(`shard ${i} has no valid sha256`);
  // A shard path is always shards/<its hash>.json: nothing else is fetched, nothing outside the index.
  if (file !== `shards/${sha256}.json`) throw new StaticIndexError(`shard ${i} has an unexpected file name`);
  if (typeof batch !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(batch)) throw new StaticIndexError(`shard ${i} has no batch date`);
  if (!Array.isArray(digests) || !digests.every((d) => typeof d === 'string')) throw new StaticIndexError(`shard ${i} lists no digest ids`);
  return {
    file,
    sha256,
    batch,
    digests: digests as string[],
    bytes: typeof bytes === 'number' ? bytes : 0,
    papers: typeof papers === 'number' ? papers : 0,
  };
}

/** Validates a manifest's JSON text; throws StaticIndexError with the reason. */
export function parseManifest(text: string): Manifest {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new StaticIndexError('the manifest is not JSON');
  }
  if (!isObject(v)) throw new StaticIndexError('the manifest is not a JSON object');
  if (v.formatVersion !== FORMAT_VERSION)
    throw new StaticIndexError(`unsupported formatVersion ${String(v.formatVersion)} (this reader knows ${FORMAT_VERSION})`);
  if (!Array.isArray(v.shards)) throw new StaticIndexError('the manifest lists no shards');
  const shards = v.shards.map(shardRef);
  return {
    formatVersion: FORMAT_VERSION,
    generator: String(v.generator ?? ''),
    generated: String(v.generated ?? ''),
    source: String(v.source ?? ''),
    parserVersion: typeof v.parserVersion === 'number' ? v.parserVersion : 0,
    digestCount: typeof v.digestCount === 'number' ? v.digestCount : shards.reduce((n, s) => n + s.digests.length, 0),
    mentionCount: typeof v.mentionCount === 'number' ? v.mentionCount : 0,
    shards,
  };
}

/** A digest of a shard that failed the schema check: left out, said why. */
export interface RejectedDigest {
  readonly id: string;
  readonly reason: string;
}

/** A shard as read: its sound digests, and the malformed ones left out with the reason. */
export interface ReadShard extends Shard {
  readonly rejected: readonly RejectedDigest[];
}

/**
 * Checks a shard's bytes against its hash before anything reads them, then parses it and checks
 * every digest against the schema (core/validate): a malformed digest is left out with a reason,
 * the sound ones are kept. Hash first: a caller opens its write transaction only after this resolves.
 */
export async function readShard(ref: ShardRef, bytes: string | Uint8Array): Promise<ReadShard> {
  const actual = await sha256Hex(bytes);
  if (actual !== ref.sha256) throw new StaticIndexError(`shard ${ref.file} does not match its sha256 (got ${actual.slice(0, 12)}…)`);
  const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new StaticIndexError(`shard ${ref.file} is not JSON`);
  }
  if (!isObject(v) || v.formatVersion !== FORMAT_VERSION || !Array.isArray(v.digests))
    throw new StaticIndexError(`shard ${ref.file} is not a version ${FORMAT_VERSION} shard`);
  const digests: Digest[] = [];
  const rejected: RejectedDigest[] = [];
  for (const [i, d] of (v.digests as unknown[]).entries()) {
    const problem = digestProblem(d);
    if (problem) rejected.push({ id: digestLabel(d, `digest ${i + 1} of ${ref.file}`), reason: problem });
    else digests.push(d as Digest);
  }
  return { formatVersion: FORMAT_VERSION, batch: String(v.batch), digests, rejected };
}

/** The shards of `next` a client holding `have` (shard hashes) still has to fetch. */
export function missingShards(next: Manifest, have: ReadonlySet<string>): ShardRef[] {
  return next.shards.filter((s) => !have.has(s.sha256));
}
