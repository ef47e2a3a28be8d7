import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDigestDocument } from '../../src/core/digest/index.ts';
import type { Digest } from '../../src/core/digest/types.ts';
import { buildStaticIndex } from '../../src/core/static-index/build.ts';
import { getSyncStates } from '../../src/db/index.ts';
import type { SourceConfig } from '../../src/sync/types.ts';
import { generatePosts } from '../server/generate-posts.ts';
import { wpJson } from '../server/wp-post.ts';
import { startWpServer, type WpServer } from '../server/wp-server.ts';
import { duplicates, freshDb, snapshot, sync } from './helpers.ts';

let server: WpServer;
const digests: Digest[] = generatePosts({ count: 36, perBatch: 12, firstBatch: '2026-06-20', papers: 6 }).map(
  (p) => parseDigestDocument(wpJson(p), { format: 'wordpress' }).digests[0]!,
);
const source = (): SourceConfig => ({ id: 'mirror', kind: 'static', url: `${server.url}/index/` });
const shardRequests = () => server.log.filter((r) => r.path.startsWith('/index/shards/'));

beforeEach(async () => {
  await freshDb();
  server = await startWpServer({ staticIndex: await buildStaticIndex(digests.slice(0, 24), { source: 'test' }) });
});
afterEach(async () => {
  await server.close();
});

describe('static index source', () => {
  it('loads every shard, then revalidates the manifest with one request', async () => {
    const first = await sync(server, { sources: [source()] });
    expect(first).toMatchObject({ status: 'ok', added: 24, requests: 3 });
    const s = await snapshot();
    expect(s.digests).toHaveLength(24);
    expect(s.counters).toEqual(s.real);
    server.log.length = 0;
    const again = await sync(server, { sources: [source()] });
    expect(again).toMatchObject({ status: 'ok', added: 0, requests: 1, bytes: 0 });
    expect(server.log.map((r) => r.status)).toEqual([304]);
  });

  it('fetches only the shards it lacks', async () => {
    await sync(server, { sources: [source()] });
    const next = await buildStaticIndex(digests, { source: 'test' });
    server.setStaticIndex(next);
    server.log.length = 0;
    const report = await sync(server, { sources: [source()] });
    expect(report).toMatchObject({ status: 'ok', added: 12 });
    expect(shardRequests().map((r) => r.path)).toEqual([`/index/${next.manifest.shards[0]!.file}`]);
    expect((await getSyncStates()).mirror?.shards).toHaveLength(3);
  });

  it('rejects a corrupted shard before writing any of it, and recovers on the next run', async () => {
    const index = await buildStaticIndex(digests, { source: 'test' });
    server.setStaticIndex(index);
    const bad = index.manifest.shards[1]!;
    server.corruptShards.add(bad.file);
    const report = await sync(server, { sources: [source()] });
    expect(report.status).toBe('failed');
    expect(report.sources[0]!.error).toMatchObject({ kind: 'format', message: expect.stringMatching(/does not match its sha256/) });
    const mid = await snapshot();
    expect(mid.digests.map((d) => d.id).filter((id) => bad.digests.includes(id))).toEqual([]);
    expect(mid.digests).toHaveLength(24);
    expect(mid.counters).toEqual(mid.real);

    server.corruptShards.clear();
    server.log.length = 0;
    const recovered = await sync(server, { sources: [source()] });
    expect(recovered).toMatchObject({ status: 'ok', added: 12 });
    expect(shardRequests().map((r) => r.path)).toEqual([`/index/${bad.file}`]);
    const s = await snapshot();
    expect(s.digests).toHaveLength(36);
    expect(duplicates(s)).toEqual([]);
  });

  it('recognises an index.json address given as auto', async () => {
    const report = await sync(server, { sources: [{ id: 'auto', kind: 'auto', url: `${server.url}/index/index.json` }] });
    expect(report).toMatchObject({ status: 'ok', added: 24 });
    expect(report.sources[0]!.kind).toBe('static');
  });

  it('writes the sound digests of a shard and counts each malformed one as failed, with its reason', async () => {
    const { sha256Hex } = await import('../../src/core/static-index/sha256.ts');
    const batch = digests.slice(0, 3).map((d) => ({ ...d, date: '2026-06-20' }));
    // The cases: a mention without a name (a raw TypeError before), themes: [null], a date that is markup.
    const bad = [
      { ...batch[0]!, id: 'bad:1', papers: [{ ...batch[0]!.papers[0]!, name: undefined }] },
      { ...batch[1]!, id: 'bad:2', themes: [null] },
      { ...batch[2]!, id: 'bad:3', date: '<script>' },
    ];
    const text = JSON.stringify({ formatVersion: 1, batch: '2026-06-20', digests: [...batch, ...bad] });
    const sha = await sha256Hex(text);
    const ref = { file: `shards/${sha}.json`, sha256: sha, bytes: text.length, batch: '2026-06-20', digests: [...batch, ...bad].map((d) => d.id), papers: 0 };
    server.setStaticIndex({
      manifest: { formatVersion: 1, generator: 'hand', generated: '', source: 'x', parserVersion: 1, digestCount: 6, mentionCount: 0, shards: [ref] },
      shards: new Map([[ref.file, text]]),
    });
    const report = await sync(server, { sources: [source()] });
    expect(report).toMatchObject({ status: 'ok', added: 3, failed: 3 });
    expect(report.failures.map((f) => f.reason)).toEqual([
      'not a valid digest: digest.papers[0].name is not text',
      'not a valid digest: digest.themes[0] is not an object',
      'not a valid digest: digest.date is not a YYYY-MM-DD date',
    ]);
    const s = await snapshot();
    expect(s.digests.map((d) => d.id).sort()).toEqual(batch.map((d) => d.id).sort());
    expect(s.counters).toEqual(s.real);
  });
});
