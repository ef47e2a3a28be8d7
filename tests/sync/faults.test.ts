// Every fault the network can throw at a sync leaves the index consistent: after a clean run
// following it, the stores equal those of a sync that never saw a fault, with no duplicates.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../server/faults.ts';
import { generatePosts } from '../server/generate-posts.ts';
import { startWpServer, type WpServer } from '../server/wp-server.ts';
import { duplicates, freshDb, snapshot, sync, testClock } from './helpers.ts';

let server: WpServer;
let clean: Awaited<ReturnType<typeof snapshot>>;

// 130 posts: two content requests of 100 and 30, so a fault on the second comes after commits.
beforeAll(async () => {
  server = await startWpServer({ posts: generatePosts({ count: 130, perBatch: 45, firstBatch: '2026-06-06', papers: 8 }) });
  await freshDb();
  expect((await sync(server)).added).toBe(130);
  clean = await snapshot();
  expect(duplicates(clean)).toEqual([]);
}, 60_000); // A whole sync of 130 posts: time enough on a loaded machine.
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await freshDb();
  server.faults.clear();
});

const LIST = /_fields=id%2Cmodified_gmt|_fields=id%2Cmodified_gmt%2Clink/;
const SECOND_CONTENT = 'include=';

interface Case {
  name: string;
  where: 'list' | 'content';
  fault: Fault;
  times: number;
  /** What the faulted run itself ends with. */
  status: 'ok' | 'failed';
}

const cases: Case[] = [
  { name: 'a delay past the timeout, once (retried)', where: 'content', fault: { kind: 'delay', ms: 1500 }, times: 1, status: 'ok' },
  { name: 'delays past every retry', where: 'content', fault: { kind: 'delay', ms: 1500 }, times: 10, status: 'failed' },
  { name: 'HTTP 500 twice (retried)', where: 'list', fault: { kind: 'status', status: 500 }, times: 2, status: 'ok' },
  { name: 'HTTP 502 on every try', where: 'content', fault: { kind: 'status', status: 502 }, times: 10, status: 'failed' },
  { name: '429 with Retry-After seconds', where: 'content', fault: { kind: 'rate-limit', retryAfter: '7' }, times: 1, status: 'ok' },
  {
    name: '429 with an HTTP-date Retry-After',
    where: 'list',
    fault: { kind: 'rate-limit', retryAfter: new Date(Date.parse('2026-07-20T12:00:09Z')).toUTCString() },
    times: 1,
    status: 'ok',
  },
  { name: 'a 429 asking for an hour', where: 'content', fault: { kind: 'rate-limit', retryAfter: '3600' }, times: 1, status: 'failed' },
  { name: 'a truncated body (retried)', where: 'content', fault: { kind: 'truncate' }, times: 1, status: 'ok' },
  { name: 'truncated bodies on every try', where: 'content', fault: { kind: 'truncate' }, times: 10, status: 'failed' },
  { name: 'an HTML page instead of JSON', where: 'content', fault: { kind: 'html' }, times: 1, status: 'failed' },
  { name: 'the connection reset mid-body (retried)', where: 'content', fault: { kind: 'reset' }, times: 1, status: 'ok' },
  { name: 'connection resets on every try', where: 'list', fault: { kind: 'reset' }, times: 10, status: 'failed' },
];

describe('faults', () => {
  it.each(cases)('$name', async (c) => {
    if (c.where === 'content') {
      // Let the first content request through: the fault hits after 100 posts are committed.
      server.faults.add(SECOND_CONTENT, { kind: 'delay', ms: 0 }, 1);
      server.faults.add(SECOND_CONTENT, c.fault, c.times);
    } else server.faults.add(LIST, c.fault, c.times);
    const clock = testClock();
    const faulted = await sync(server, { clock, http: { timeoutMs: 400, baseDelayMs: 5, retries: 3 } });
    expect(faulted.status).toBe(c.status);
    if (c.status === 'failed') {
      expect(faulted.sources[0]!.error?.message).toBeTruthy();
      const mid = await snapshot();
      expect(mid.counters).toEqual(mid.real);
      expect(duplicates(mid)).toEqual([]);
      // A fault on the second content request keeps the first 100 posts; one on the listing, none.
      expect(mid.digests).toHaveLength(c.where === 'content' ? 100 : 0);
    }
    if (c.fault.kind === 'rate-limit' && c.status === 'ok') expect(clock.sleeps).toContain(c.fault.retryAfter === '7' ? 7000 : 9000);
    if (c.fault.kind === 'html')
      expect(faulted.sources[0]!.error).toMatchObject({ kind: 'not-json', message: expect.stringMatching(/HTML page where JSON was expected/) });

    server.faults.clear();
    const recovered = await sync(server, { clock });
    expect(recovered.status).toBe('ok');
    const after = await snapshot();
    expect(after.counters).toEqual(after.real);
    expect(duplicates(after)).toEqual([]);
    expect(after).toEqual(clean);
  });
});
