import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PARSER_VERSION } from '../../src/core/digest/types.ts';
import { acquireSyncLock, getLastSync, getSyncLock, listFailures } from '../../src/db/index.ts';
import type { Clock } from '../../src/sync/clock.ts';
import { parseRawPost } from '../../src/sync/parse-post.ts';
import { applyRetention } from '../../src/sync/retention.ts';
import { generatePosts } from '../server/generate-posts.ts';
import { startWpServer, type WpServer } from '../server/wp-server.ts';
import { duplicates, freshDb, NOW, snapshot, sync, testClock } from './helpers.ts';

let server: WpServer;
let clean: Awaited<ReturnType<typeof snapshot>>;
const posts = generatePosts({ count: 60, perBatch: 30, firstBatch: '2026-06-27', papers: 8 });

beforeAll(async () => {
  server = await startWpServer({ posts });
  await freshDb();
  await sync(server);
  clean = await snapshot();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await freshDb();
  server.faults.clear();
  server.log.length = 0;
});

/** Real sleeps, with "now" moving with real time from NOW: for two runners racing for real. */
function realClock(): Clock {
  const t0 = Date.now();
  return { now: () => NOW + (Date.now() - t0), random: () => 0.5, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
}

describe('stopping and resuming', () => {
  it('keeps every post committed before a stop, and the next run fetches only the rest', async () => {
    const stop = new AbortController();
    const killed = await sync(server, {
      signal: stop.signal,
      onProgress: (p) => {
        if (p.phase === 'fetch' && p.done === 37) stop.abort();
      },
    });
    expect(killed.status).toBe('aborted');
    const mid = await snapshot();
    expect(mid.digests).toHaveLength(37);
    expect(mid.counters).toEqual(mid.real);
    // A stopped sync releases its lock and leaves no report behind as if it had finished.
    expect(await getSyncLock()).toBeUndefined();
    expect(await getLastSync()).toBeUndefined();

    server.log.length = 0;
    const resumed = await sync(server);
    expect(resumed).toMatchObject({ status: 'ok', added: 23, updated: 0 });
    const include = server.log.filter((r) => r.path.includes('include='));
    expect(new URL(include[0]!.path, server.url).searchParams.get('include')!.split(',')).toHaveLength(23);
    expect(await snapshot()).toEqual(clean);
  });

  it('takes over the lock of a sync that died without releasing it, once it has expired', async () => {
    // A service worker killed mid-sync: its lock stays behind.
    expect((await acquireSyncLock('dead-worker', 120_000, NOW)).acquired).toBe(true);
    const blocked = await sync(server, { clock: testClock(NOW + 60_000) });
    expect(blocked.status).toBe('busy');
    expect(server.log).toHaveLength(0);
    const later = await sync(server, { clock: testClock(NOW + 121_000) });
    expect(later).toMatchObject({ status: 'ok', added: 60 });
    expect(await getSyncLock()).toBeUndefined();
  });
});

describe('one sync at a time', () => {
  it('answers busy to a second runner, or lets it wait for the first', async () => {
    // Slow the first runner's content request so the others meet its lock.
    server.faults.add('include=', { kind: 'delay', ms: 400 }, 1);
    const clock = realClock();
    const first = sync(server, { clock, owner: 'popup' });
    await new Promise((r) => setTimeout(r, 100));
    const second = await sync(server, { clock, owner: 'options' });
    expect(second.status).toBe('busy');
    const waiting = sync(server, { clock, owner: 'worker', waitForLockMs: 20_000 });
    expect((await first).status).toBe('ok');
    const third = await waiting;
    expect(third).toMatchObject({ status: 'ok', added: 0, requests: 1 });
    expect(await snapshot()).toEqual(clean);
  });
});

describe('parser version', () => {
  it('re-parses stored posts locally, with no request, when the parser version rises', async () => {
    const failing = { ...posts[0]!, id: 99_001, content: { rendered: '<p>Not a digest.</p>', protected: false as const } };
    server.addPosts([failing]);
    try {
      await sync(server);
      expect(await listFailures()).toHaveLength(1);
      server.log.length = 0;
      let calls = 0;
      // The next parser version reads the same posts and marks what it made.
      const NEXT = PARSER_VERSION + 1;
      const report = await sync(server, {
        sources: [],
        parserVersion: NEXT,
        parse: (p) => {
          calls++;
          const out = parseRawPost(p);
          return 'digest' in out ? { digest: { ...out.digest, intro: `v2 ${out.digest.intro}`, parserVersion: NEXT } } : out;
        },
      });
      expect(server.log).toHaveLength(0);
      expect(report).toMatchObject({ status: 'ok', requests: 0, reparsed: 61, updated: 60, failed: 1, added: 0 });
      expect(calls).toBe(61);
      const s = await snapshot();
      expect(s.digests.every((d) => d.intro.startsWith('v2 ') && d.parserVersion === NEXT)).toBe(true);
      expect(s.counters).toEqual(s.real);
      expect(duplicates(s)).toEqual([]);
      // Then a normal sync at that version sees nothing to fetch.
      const next = await sync(server, { parserVersion: NEXT });
      expect(next).toMatchObject({ added: 0, updated: 0, failed: 0, requests: 1 });
    } finally {
      server.posts.pop();
    }
  });
});

describe('retention', () => {
  it('drops digests older than the cutoff and keeps the counters true', async () => {
    await sync(server);
    // Keeping one month on 2026-07-30 drops the 2026-06-27 batch.
    const dropped = await applyRetention(1, Date.parse('2026-07-30T00:00:00Z'));
    expect(dropped).toBe(30);
    const s = await snapshot();
    expect(s.digests).toHaveLength(30);
    expect(s.digests.every((d) => d.date >= '2026-07-01')).toBe(true);
    expect(s.counters).toEqual(s.real);
    expect(s.papers.every((p) => p.mentions.every((m) => m.digestDate >= '2026-07-01'))).toBe(true);
  });
});
