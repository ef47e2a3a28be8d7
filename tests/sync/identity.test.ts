// A digest is its post, whatever route brought it: the starter index, a WordPress sync, a file
// import, an export re-imported; and copies stored before identity are merged by the upgrade.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFiles, SEEDS_DIR } from '../../scripts/cli.ts';
import { parseDigestDocument } from '../../src/core/digest/index.ts';
import type { Digest } from '../../src/core/digest/types.ts';
import type { DigestRecord, PaperRecord } from '../../src/core/index/types.ts';
import { buildStaticIndex } from '../../src/core/static-index/build.ts';
import { closeDb, loadStarterIndex, openDb } from '../../src/db/index.ts';
import { readAllPapers } from '../../src/db/paper-rows.ts';
import { exportIndexFrom, importDigestTo, importRecordsTo, mergeDuplicateDigestsIn, writeDigestTo } from '../../src/db/records/index.ts';
import { type DB, openDigestDb } from '../../src/db/schema.ts';
import { searchIndexReady, withSearchId } from '../../src/db/search/index.ts';
import { withStableIds } from '../../src/options/stable-id.ts';
import { seedPosts } from '../server/seed-posts.ts';
import { startWpServer, type WpServer } from '../server/wp-server.ts';
import { searchIdProblems } from '../support/search-ids.ts';
import { duplicates, freshDb, snapshot, sync } from './helpers.ts';

let server: WpServer | undefined;
beforeEach(freshDb);
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const silent = { out: () => undefined, err: () => undefined };
/** The seeds as the starter index holds them: parsed with their catalogue's addresses. */
const starterDigests = (): Digest[] => parseFiles([SEEDS_DIR], silent).digests;

async function loadStarter(): Promise<void> {
  const index = await buildStaticIndex(starterDigests(), { source: 'built-in starter index' });
  const files = new Map([['index.json', JSON.stringify(index.manifest)], ...index.shards]);
  await loadStarterIndex(async (p) => files.get(p) ?? Promise.reject(new Error(`404 ${p}`)), { force: true });
}

/** How many digests mention each arXiv paper (HARU-Net's chip said "In 2 digests" for one post). */
async function digestsPerPaper(): Promise<Map<string, number>> {
  const { papers } = await snapshot();
  return new Map(papers.map((p) => [p.key, new Set(p.mentions.map((m) => m.digestId)).size]));
}

async function expectOnePerPost(posts = 5): Promise<void> {
  const s = await snapshot();
  expect(s.digests).toHaveLength(posts);
  expect(s.counters).toEqual(s.real);
  expect(duplicates(s)).toEqual([]);
  // Five posts on four dates: no paper is in more digests than there are posts naming it.
  for (const [key, n] of await digestsPerPaper()) expect(n, key).toBeLessThanOrEqual(posts);
}

describe('one digest per post', () => {
  it('the starter index, then a sync of the same five posts: five digests, the synced versions', async () => {
    await loadStarter();
    await expectOnePerPost();
    server = await startWpServer({ posts: seedPosts() });
    const report = await sync(server, { reachBack: 'all' });
    expect(report.failed).toBe(0);
    await expectOnePerPost();
    const { digests } = await snapshot();
    // The synced copies carry the post id and a modification time: they are the better versions.
    expect(digests.map((d) => d.id).sort()).toEqual([
      'scipapermill.com:9001',
      'scipapermill.com:9002',
      'scipapermill.com:9003',
      'scipapermill.com:9004',
      'scipapermill.com:9005',
    ]);
    expect(digests.every((d) => d.postId && d.url.startsWith('https://scipapermill.com/'))).toBe(true);
  });

  it('a sync, then the starter index (reset, or a new build of it): the synced versions stay', async () => {
    server = await startWpServer({ posts: seedPosts() });
    await sync(server, { reachBack: 'all' });
    const before = await snapshot();
    await loadStarter();
    const after = await snapshot();
    expect(after.digests).toEqual(before.digests);
    expect(after.papers).toEqual(before.papers);
    await expectOnePerPost();
  });

  it('importing a seed file the index already holds changes nothing and says so', async () => {
    await loadStarter();
    const before = await snapshot();
    const text = readFileSync(join(SEEDS_DIR, '2026-05-30-deep-learning.txt'), 'utf8');
    const [digest] = await withStableIds(parseDigestDocument(text, { format: 'text', fileName: '2026-05-30-deep-learning.txt' }).digests, text);
    expect(digest!.id).toMatch(/^file:/);
    expect(await importDigestTo(await openDb(), digest!)).toBe('unchanged');
    const after = await snapshot();
    expect(after).toEqual(before);
  });

  it('an export re-imported into an index holding the same posts under other ids changes nothing', async () => {
    server = await startWpServer({ posts: seedPosts() });
    await sync(server, { reachBack: 'all' });
    const exported = await exportIndexFrom(await openDb());
    await freshDb();
    await loadStarter();
    const before = await snapshot();
    // The export's versions (synced, with a modification time) are the better ones: they replace the starter's.
    const outcomes = await importRecordsTo(await openDb(), exported.digests, exported.papers);
    expect(outcomes.map((o) => o.outcome)).toEqual(['updated', 'updated', 'updated', 'updated', 'updated']);
    await expectOnePerPost();
    expect((await snapshot()).digests.map((d) => d.id)).not.toEqual(before.digests.map((d) => d.id));
    // And once more: all unchanged.
    const again = await importRecordsTo(await openDb(), exported.digests, exported.papers);
    expect(again.map((o) => o.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    // The starter's copies are worse: importing them now is refused as held.
    const starterExport = { digests: before.digests, papers: before.papers };
    const held = await importRecordsTo(await openDb(), starterExport.digests, starterExport.papers);
    expect(held.map((o) => o.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    await expectOnePerPost();
  });
});

/** Records without what differs between two databases by construction: search ids and identity. */
const comparable = (r: { digests: DigestRecord[]; papers: PaperRecord[] }) => ({
  digests: r.digests.map((d) => {
    const { identity: _, ...rest } = withSearchId(d, undefined);
    return rest;
  }),
  papers: r.papers.map((p) => withSearchId(p, undefined)),
});

async function recordsOf(db: DB) {
  const digests = (await db.getAll('digests')).sort((a, b) => a.id.localeCompare(b.id));
  const papers = (await readAllPapers(db)).sort((a, b) => a.key.localeCompare(b.key));
  return { digests, papers, counters: await db.get('meta', 'counters'), posts: await db.getAll('posts') };
}

describe('migration from version 7', () => {
  it('merges the copies of one post a version 7 database holds: nothing lost, nothing twice', async () => {
    // What the synced posts alone give: the reference.
    server = await startWpServer({ posts: seedPosts() });
    await sync(server, { reachBack: 'all' });
    const reference = await recordsOf(await openDb());
    await closeDb();

    // A version 7 database holding the starter's five digests and the same five posts synced.
    const v7 = await openDigestDb('identity-v7', 7);
    for (const d of starterDigests()) await writeDigestTo(v7, d);
    for (const d of reference.digests) {
      const post = reference.posts.find((p) => p.digestId === d.id)!;
      const parsed = parseDigestDocument(post.raw, { format: 'wordpress' }).digests[0]!;
      await writeDigestTo(v7, parsed);
      await v7.put('posts', post);
    }
    // Version 7 records knew no identity.
    const tx = v7.transaction('digests', 'readwrite');
    for (const d of await tx.store.getAll()) {
      const { identity: _, ...old } = d;
      await tx.store.put(old);
    }
    await tx.done;
    const held = await recordsOf(v7);
    expect(held.digests).toHaveLength(10);
    v7.close();

    const v8 = await openDigestDb('identity-v7');
    expect(((await v8.get('meta', 'identityMerges')) as string[][]).map((g) => g.length)).toEqual([2, 2, 2, 2, 2]);
    expect(await mergeDuplicateDigestsIn(v8)).toBe(5);
    expect(await v8.get('meta', 'identityMerges')).toBeUndefined();
    const merged = await recordsOf(v8);
    // Nothing twice: five digests, every counter equal to what the records hold.
    expect(merged.digests).toHaveLength(5);
    const real = { digests: 5, papers: merged.papers.length, mentions: merged.digests.reduce((n, d) => n + d.paperKeys.length, 0) };
    expect(merged.counters).toMatchObject(real);
    // Nothing lost: exactly the records the synced posts alone give, and every post names its digest.
    expect(comparable(merged)).toEqual(comparable(reference));
    for (const p of merged.posts) expect(merged.digests.map((d) => d.id)).toContain(p.digestId);
    // Every digest knows every name of its post, and a second merge finds nothing to do.
    for (const d of merged.digests) expect(d.identity?.length).toBe(3);
    expect(await mergeDuplicateDigestsIn(v8)).toBe(0);
    // The search index followed the merge: every record's document is its own.
    await searchIndexReady(v8);
    expect(await searchIdProblems(v8)).toEqual([]);
    v8.close();
  });
});
