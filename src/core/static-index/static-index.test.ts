import { describe, expect, it } from 'vitest';
import { digest } from '../../../tests/support/make-digest.ts';
import { buildStaticIndex } from './build.ts';
import { missingShards, parseManifest, readShard, StaticIndexError } from './read.ts';
import { sha256Hex } from './sha256.ts';

const digests = [
  digest('site:1', '2026-05-23', [{ name: 'A', arxiv: '2605.00001' }]),
  digest('site:2', '2026-05-23', [{ name: 'B' }, { name: 'C' }]),
  digest('site:3', '2026-05-30', [{ name: 'D' }]),
];

describe('static index', () => {
  it('makes one shard per batch date, newest first, named by the sha256 of its bytes', async () => {
    const { manifest, shards } = await buildStaticIndex(digests, { source: 'https://scipapermill.com' });
    expect(manifest.shards.map((s) => s.batch)).toEqual(['2026-05-30', '2026-05-23']);
    expect(manifest.shards[1]!.digests).toEqual(['site:1', 'site:2']);
    expect(manifest.digestCount).toBe(3);
    expect(manifest.mentionCount).toBe(4);
    for (const ref of manifest.shards) {
      expect(ref.file).toBe(`shards/${ref.sha256}.json`);
      expect(await sha256Hex(shards.get(ref.file)!)).toBe(ref.sha256);
    }
  });

  it('gives an unchanged batch the same shard name on every build', async () => {
    const a = await buildStaticIndex(digests, { source: 'x', now: new Date(0) });
    const b = await buildStaticIndex([...digests].reverse(), { source: 'x', now: new Date(1e12) });
    expect(b.manifest.shards.map((s) => s.sha256)).toEqual(a.manifest.shards.map((s) => s.sha256));
    const c = await buildStaticIndex([...digests, digest('site:4', '2026-05-30', [{ name: 'E' }])], { source: 'x' });
    expect(c.manifest.shards[1]!.sha256).toBe(a.manifest.shards[1]!.sha256);
    expect(c.manifest.shards[0]!.sha256).not.toBe(a.manifest.shards[0]!.sha256);
    expect(missingShards(c.manifest, new Set(a.manifest.shards.map((s) => s.sha256))).map((s) => s.batch)).toEqual(['2026-05-30']);
  });

  it('round-trips through the manifest and verified shards', async () => {
    const { manifest, shards } = await buildStaticIndex(digests, { source: 'x' });
    const back = parseManifest(JSON.stringify(manifest));
    expect(back).toEqual(manifest);
    const read = await Promise.all(back.shards.map((r) => readShard(r, shards.get(r.file)!)));
    expect(
      read
        .flatMap((s) => s.digests)
        .map((d) => d.id)
        .sort(),
    ).toEqual(['site:1', 'site:2', 'site:3']);
    expect(read[1]!.digests[0]).toEqual(digests[0]);
  });

  it('rejects a shard whose bytes do not match its hash, and malformed manifests, with the reason', async () => {
    const { manifest, shards } = await buildStaticIndex(digests, { source: 'x' });
    const ref = manifest.shards[0]!;
    await expect(readShard(ref, shards.get(ref.file)!.replace('"D"', '"E"'))).rejects.toThrow(/does not match its sha256/);
    expect(() => parseManifest('{')).toThrow(StaticIndexError);
    expect(() => parseManifest('{"formatVersion": 99, "shards": []}')).toThrow(/unsupported formatVersion 99/);
    const evil = { ...manifest, shards: [{ ...ref, file: '../../etc/passwd' }] };
    expect(() => parseManifest(JSON.stringify(evil))).toThrow(/unexpected file name/);
  });
});
