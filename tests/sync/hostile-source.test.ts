// A broken or hostile WordPress source against the real sync engine: endless listings, huge
// bodies, redirects to other sites, posts the listing names but the fetch leaves out, posts that
// are not valid UTF-8, a sync past its time. Each ends with a clear error or a counted failure,
// the index as it was (or with what was good), and a clean run afterwards equal to a sync that
// never saw the fault.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getSyncStates } from '../../src/db/index.ts';
import { generatePosts } from '../server/generate-posts.ts';
import { startWpServer, type WpServer } from '../server/wp-server.ts';
import { apiRequests, duplicates, freshDb, snapshot, sync, testClock } from './helpers.ts';

let server: WpServer;
let clean: Awaited<ReturnType<typeof snapshot>>;

const LIST = /_fields=id%2Cmodified_gmt/;
const CONTENT = 'include=';
const listRequests = () => apiRequests(server).filter((r) => LIST.test(r.path));

// 130 posts: two listing pages of 100, two content requests (100 and 30).
beforeAll(async () => {
  server = await startWpServer({ posts: generatePosts({ count: 130, perBatch: 45, firstBatch: '2026-06-06', papers: 8 }) });
  await freshDb();
  expect((await sync(server)).added).toBe(130);
  clean = await snapshot();
}, 60_000); // A whole sync of 130 posts: time enough on a loaded machine.
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await freshDb();
  server.faults.clear();
  server.log.length = 0;
});

/** The index without search ids, which follow the order digests were written in. */
const content = (s: Awaited<ReturnType<typeof snapshot>>) => JSON.parse(JSON.stringify(s, (k, v: unknown) => (k === 'searchId' ? undefined : v))) as unknown;

/** After the fault is gone, a sync brings the index to what a faultless sync gives. */
async function recovers(clock = testClock()): Promise<void> {
  server.faults.clear();
  const again = await sync(server, { clock });
  expect(again.status).toBe('ok');
  const after = await snapshot();
  expect(after.counters).toEqual(after.real);
  expect(duplicates(after)).toEqual([]);
  expect(content(after)).toEqual(content(clean));
}

describe('endless listings', () => {
  it('a listing that always says rel="next" stops at the first page that adds no new post', async () => {
    server.faults.add(LIST, { kind: 'endless-next' }, 1_000_000);
    const report = await sync(server);
    expect(report.status).toBe('ok');
    expect(report.added).toBe(130);
    // Pages 1 and 2, then page 3 repeats page 2: nothing new, stop.
    expect(listRequests()).toHaveLength(3);
  });

  it('X-WP-TotalPages: 1000000000 with empty pages stops at the first empty page', async () => {
    server.faults.add(LIST, { kind: 'endless-total' }, 1_000_000);
    const report = await sync(server);
    expect(report.status).toBe('ok');
    expect(report.added).toBe(130);
    expect(listRequests()).toHaveLength(3);
  });

  it('ever new made-up posts stop at the page ceiling with a clear error, nothing written', async () => {
    server.faults.add(LIST, { kind: 'endless-new' }, 1_000_000);
    const report = await sync(server, { limits: { maxPages: 25 } });
    expect(report.status).toBe('failed');
    expect(report.sources[0]!.error).toMatchObject({ kind: 'limit', message: expect.stringMatching(/listed more than 25 pages of posts: stopped/) });
    expect(listRequests()).toHaveLength(25);
    expect(apiRequests(server).filter((r) => r.path.includes(CONTENT))).toHaveLength(0);
    expect((await snapshot()).digests).toHaveLength(0);
    await recovers();
  });

  it('and at the item ceiling', async () => {
    server.faults.add(LIST, { kind: 'endless-new' }, 1_000_000);
    const report = await sync(server, { limits: { maxItems: 1000 } });
    expect(report.sources[0]!.error).toMatchObject({ kind: 'limit', message: expect.stringMatching(/more than 1000 posts/) });
    expect(listRequests().length).toBeLessThanOrEqual(11);
  });

  it('the default ceilings sit far above a real archive and far below the endless one', async () => {
    const { DEFAULT_SYNC_LIMITS } = await import('../../src/sync/runner.ts');
    // SciPapermill: ~100 posts a week, under 20k posts in years; the endless run passed 184,780 pages.
    expect(DEFAULT_SYNC_LIMITS.maxPages * 100).toBeGreaterThanOrEqual(10 * 20_000);
    expect(DEFAULT_SYNC_LIMITS.maxPages).toBeLessThan(184_780 / 50);
  });
});

describe('huge bodies', () => {
  it('a streamed body past the limit is stopped there, not retried, and reported as too large', async () => {
    server.faults.add(CONTENT, { kind: 'delay', ms: 0 }, 1);
    server.faults.add(CONTENT, { kind: 'huge-body', bytes: 40 * 1024 * 1024 }, 10);
    const report = await sync(server, { limits: { maxResponseBytes: 2 * 1024 * 1024 } });
    expect(report.status).toBe('failed');
    expect(report.sources[0]!.error).toMatchObject({ kind: 'too-large', message: expect.stringMatching(/sent more than 2 MB: stopped reading/) });
    // One try (no retry as a network fault), and no more read than the limit and a chunk or so.
    expect(apiRequests(server).filter((r) => r.path.includes(CONTENT))).toHaveLength(2);
    expect(report.retries).toBe(0);
    expect(report.bytes).toBeLessThan(2 * 1024 * 1024 + 2 * 1024 * 1024);
    // The first 100 posts were committed before it: kept.
    const mid = await snapshot();
    expect(mid.digests).toHaveLength(100);
    expect(mid.counters).toEqual(mid.real);
    await recovers();
  });

  it('a Content-Length past the limit is refused before the body is read', async () => {
    server.faults.add(LIST, { kind: 'huge-body', bytes: 8 * 1024 * 1024, declared: true }, 10);
    const report = await sync(server, { limits: { maxResponseBytes: 1024 * 1024 } });
    expect(report.sources[0]!.error).toMatchObject({ kind: 'too-large' });
    expect(listRequests()).toHaveLength(1);
    expect(report.bytes).toBeLessThan(1024 * 1024);
    await recovers();
  });
});

describe('redirects', () => {
  const elsewhere = () => server.url.replace('127.0.0.1', 'localhost');

  it('to another host: not followed, a clear error naming the new address', async () => {
    const to = `${elsewhere()}/elsewhere/wp-json/wp/v2/posts`;
    server.faults.add(LIST, { kind: 'redirect', to }, 1);
    const report = await sync(server);
    expect(report.status).toBe('failed');
    expect(report.sources[0]!.error).toMatchObject({ kind: 'redirect', message: expect.stringContaining(`redirected to ${to}`) });
    expect(server.log.filter((r) => r.path.startsWith('/elsewhere/'))).toHaveLength(0);
    expect((await snapshot()).digests).toHaveLength(0);
    await recovers();
  });

  it('to another host the reader granted: followed', async () => {
    server.faults.add(
      LIST,
      { kind: 'redirect', to: `${elsewhere()}/wp-json/wp/v2/posts?per_page=100&_fields=id%2Cmodified_gmt%2Clink&orderby=date&order=asc` },
      1,
    );
    const report = await sync(server, { http: { timeoutMs: 3000, baseDelayMs: 5, retries: 4, allowHost: (u) => u.hostname === 'localhost' } });
    expect(report.status).toBe('ok');
    expect(report.added).toBeGreaterThan(0);
  });

  it('on the same host: followed', async () => {
    // The home page moved within the same site: discovery follows it.
    server.faults.add(/^\/$/, { kind: 'redirect', to: `${server.url}/?moved=1` }, 1);
    const report = await sync(server);
    expect(report.status).toBe('ok');
    expect(report.added).toBe(130);
  });
});

describe('posts the fetch does not return as listed', () => {
  it('a post left out of the include= answer counts as failed, holds the cursor, and is fetched next time', async () => {
    const dropped = server.posts.slice(40, 58).map((p) => p.id);
    server.faults.add(CONTENT, { kind: 'drop', ids: dropped }, 1);
    const report = await sync(server);
    expect(report).toMatchObject({ added: 112, failed: 18 });
    expect(report.failures.map((f) => f.reason)).toEqual(
      Array(18).fill('listed by the site but not returned when its content was fetched: tried again next sync'),
    );
    // The cursor stays before the first dropped post.
    const state = (await getSyncStates()).site!;
    const firstDropped = server.posts.find((p) => p.id === dropped[0])!;
    expect(Date.parse(state.cursor!)).toBeLessThan(Date.parse(`${firstDropped.modified_gmt}Z`));
    server.log.length = 0;
    const next = await sync(server, { clock: testClock() });
    expect(next).toMatchObject({ status: 'ok', added: 18, failed: 0 });
    expect(content(await snapshot())).toEqual(content(clean));
  });

  it('a post sent as bytes that are not UTF-8 is refused with a clear reason, never stored with replacement characters', async () => {
    const bad = server.posts[110]!.id;
    server.faults.add(CONTENT, { kind: 'delay', ms: 0 }, 1);
    server.faults.add(CONTENT, { kind: 'bad-utf8', id: bad }, 1);
    const report = await sync(server);
    expect(report).toMatchObject({ added: 129, failed: 1 });
    expect(report.failures[0]!.reason).toMatch(/not valid UTF-8/);
    const mid = await snapshot();
    expect(JSON.stringify(mid.digests).includes('\uFFFD')).toBe(false);
    expect(JSON.stringify(mid.papers).includes('\uFFFD')).toBe(false);
    await recovers();
  });
});

describe('time', () => {
  it('a sync past its time limit stops with a clear error and keeps what it committed', async () => {
    server.faults.add(CONTENT, { kind: 'delay', ms: 0 }, 1);
    server.faults.add(CONTENT, { kind: 'rate-limit', retryAfter: '120' }, 10);
    const clock = testClock();
    const report = await sync(server, { clock, limits: { maxDurationMs: 60_000 } });
    expect(report.status).toBe('failed');
    expect(report.sources[0]!.error).toMatchObject({ kind: 'limit', message: expect.stringMatching(/ran out of time/) });
    expect((await snapshot()).digests).toHaveLength(100);
    await recovers(clock);
  });
});

describe('the reader first', () => {
  it('between posts the sync yields and waits while the extension answers a reader', async () => {
    let pauses = 0;
    let held = false;
    const report = await sync(server, {
      pause: async () => {
        pauses++;
        // One pause is held a while, as while a page lookup is answered: the sync waits for it.
        if (pauses === 50) {
          held = true;
          await new Promise((r) => setTimeout(r, 50));
          held = false;
        }
      },
      onProgress: () => expect(held).toBe(false),
    });
    expect(report).toMatchObject({ status: 'ok', added: 130 });
    expect(pauses).toBeGreaterThanOrEqual(130);
  });
});
