import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSyncStates, listFailures } from '../../src/db/index.ts';
import type { SyncProgress } from '../../src/sync/types.ts';
import { generatePosts } from '../server/generate-posts.ts';
import { seedPosts } from '../server/seed-posts.ts';
import { startWpServer, type WpServer } from '../server/wp-server.ts';
import { duplicates, freshDb, snapshot, sync, testClock } from './helpers.ts';

let server: WpServer;

beforeEach(freshDb);
afterEach(async () => {
  await server?.close();
});

describe('WordPress sync', () => {
  it('syncs every post of the last 6 months, with counters equal to the real counts', async () => {
    server = await startWpServer({ posts: [...seedPosts(), ...generatePosts({ count: 120, firstBatch: '2026-03-07', perBatch: 40 })] });
    const progress: SyncProgress[] = [];
    const report = await sync(server, { onProgress: (p) => progress.push(p) });
    expect(report.status).toBe('ok');
    expect(report.added).toBe(125);
    expect(report.failed).toBe(0);
    const s = await snapshot();
    expect(s.digests).toHaveLength(125);
    expect(s.counters).toEqual(s.real);
    expect(duplicates(s)).toEqual([]);
    expect(s.digests.map((d) => d.id)).toContain('scipapermill.com:9003');
    const fetches = progress.filter((p) => p.phase === 'fetch');
    expect(fetches.at(-1)).toMatchObject({ sourceId: 'site', done: 125, total: 125 });
    // Discovery (home page), two listing pages, two content requests.
    expect(report.requests).toBe(5);
    expect(report.bytes).toBeGreaterThan(1_000_000);
  });

  it('reaches back only as far as asked, or everything', async () => {
    server = await startWpServer({ posts: seedPosts() });
    expect((await sync(server, { reachBack: 1 })).added).toBe(1);
    await freshDb();
    expect((await sync(server, { reachBack: 'all' })).added).toBe(5);
  });

  it('makes one small request when nothing is new, and fetches only new posts of a new batch', async () => {
    const posts = generatePosts({ count: 90, perBatch: 30, firstBatch: '2026-06-13' });
    server = await startWpServer({ posts: posts.slice(0, 60) });
    await sync(server);
    const before = await snapshot();
    server.log.length = 0;

    const again = await sync(server);
    expect(again).toMatchObject({ status: 'ok', added: 0, updated: 0, requests: 1 });
    expect(server.log).toHaveLength(1);
    expect(server.log[0]!.path).toContain('modified_after=');
    // The day of overlap lists the last batch again, as ids and dates only.
    expect(again.bytes).toBeLessThan(2_000);
    expect(await snapshot()).toEqual(before);

    server.addPosts(posts.slice(60));
    server.log.length = 0;
    const next = await sync(server);
    expect(next).toMatchObject({ status: 'ok', added: 30, updated: 0 });
    const content = server.log.filter((r) => r.path.includes('include='));
    expect(content).toHaveLength(1);
    const asked = new URL(content[0]!.path, server.url).searchParams.get('include')!.split(',').map(Number);
    expect(asked.sort()).toEqual(
      posts
        .slice(60)
        .map((p) => p.id)
        .sort(),
    );
    expect((await snapshot()).digests).toHaveLength(90);
  });

  it('replaces an edited post without duplicate mentions', async () => {
    const posts = generatePosts({ count: 20, perBatch: 20, firstBatch: '2026-07-11' });
    server = await startWpServer({ posts });
    const clock = testClock();
    await sync(server, { clock });
    const target = posts[3]!;
    server.editPost(
      target.id,
      (html) =>
        html.replace(
          '<h3 id="impact-the-road-ahead">',
          '<p>One more: <strong>EXTRA-Net</strong> (“<a href="https://arxiv.org/pdf/2607.99999">EXTRA-Net: an added paper</a>”) by <em>MIT</em> does more.</p>\n<h3 id="impact-the-road-ahead">',
        ),
      clock.t + 3600_000,
    );
    clock.t += 7200_000;
    const report = await sync(server, { clock });
    expect(report).toMatchObject({ status: 'ok', added: 0, updated: 1 });
    const s = await snapshot();
    expect(s.digests).toHaveLength(20);
    expect(s.counters).toEqual(s.real);
    expect(duplicates(s)).toEqual([]);
    expect(s.papers.find((p) => p.key === '2607.99999')?.mentions.map((m) => m.digestId)).toEqual([`scipapermill.com:${target.id}`]);
  });

  it('discovers the API under /index.php/wp-json/ when the page has no api.w.org link', async () => {
    server = await startWpServer({ posts: seedPosts(), indexPhpOnly: true, hideApiLink: true });
    const report = await sync(server, { reachBack: 'all' });
    expect(report).toMatchObject({ status: 'ok', added: 5 });
    expect((await getSyncStates()).site?.apiRoot).toBe(`${server.url}/index.php/wp-json/`);
  });

  it('records a post that fails to parse with its reason, and does not retry it', async () => {
    const posts = generatePosts({ count: 5, perBatch: 5, firstBatch: '2026-07-11' });
    posts[2] = { ...posts[2]!, content: { rendered: '<p>We are hiring! Join the SciPapermill team.</p>', protected: false } };
    server = await startWpServer({ posts });
    const first = await sync(server);
    expect(first).toMatchObject({ status: 'ok', added: 4, failed: 1 });
    expect(first.failures[0]).toMatchObject({ key: `scipapermill.com:${posts[2]!.id}`, reason: expect.stringMatching(/no digest/) });
    expect(await listFailures()).toHaveLength(1);
    server.log.length = 0;
    const second = await sync(server);
    expect(second).toMatchObject({ added: 0, failed: 0, requests: 1 });
  });

  it('keeps only the topics asked for, matching the digest header topic', async () => {
    server = await startWpServer({ posts: generatePosts({ count: 28, perBatch: 28, firstBatch: '2026-07-11' }) });
    const report = await sync(server, { topics: ['Federated Learning', 'llm agents'] });
    expect(report).toMatchObject({ added: 4, filtered: 24 });
    expect(new Set((await snapshot()).digests.map((d) => d.topic))).toEqual(new Set(['federated learning', 'llm agents']));
    // Widening the topics later needs no network: the raw posts are kept.
    server.log.length = 0;
    const wider = await sync(server, { topics: ['federated learning', 'llm agents', 'code generation'] });
    expect(wider).toMatchObject({ added: 2, reparsed: 2, requests: 1 });
    expect(server.log.filter((r) => r.path.includes('include='))).toHaveLength(0);
    expect((await sync(server)).added).toBe(22);
  });

  it('falls back to the feed for an address that is no WordPress API, and says what a feed lacks', async () => {
    server = await startWpServer({ posts: generatePosts({ count: 15, perBatch: 15, firstBatch: '2026-07-11' }) });
    const report = await sync(server, { sources: [{ id: 'feed', kind: 'feed', url: `${server.url}/feed/` }] });
    expect(report).toMatchObject({ status: 'ok', added: 10 });
    expect(report.sources[0]!.note).toMatch(/only its latest posts \(10 here\)/);
    const ids = (await snapshot()).digests.map((d) => d.id);
    expect(ids.every((id) => /^scipapermill\.com:\d+$/.test(id))).toBe(true);
    const again = await sync(server, { sources: [{ id: 'feed', kind: 'feed', url: `${server.url}/feed/` }] });
    expect(again).toMatchObject({ added: 0, updated: 0 });
  });
});
