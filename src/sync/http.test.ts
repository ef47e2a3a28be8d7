import { describe, expect, it } from 'vitest';
import type { Clock } from './clock.ts';
import { SourceError, SyncAbortedError } from './errors.ts';
import { Http } from './http.ts';
import { parseRetryAfter } from './retry-after.ts';

const NOW = Date.parse('2026-07-20T12:00:00Z');

function clock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: () => NOW, random: () => 1, sleep: async (ms) => void sleeps.push(ms) };
}

/** A fetch answering from a script, one entry per call. */
function scripted(...steps: (Response | Error | ((init?: RequestInit) => Promise<Response>))[]) {
  const calls: string[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push(String(url));
    const step = steps.shift();
    if (!step) throw new Error('no more responses');
    if (step instanceof Error) throw step;
    return typeof step === 'function' ? step(init) : step;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const ok = (body: string, type = 'application/json') => new Response(body, { status: 200, headers: { 'content-type': type } });

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Mon, 20 Jul 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 20 Jul 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });
});

describe('Http', () => {
  it('retries network errors and 5xx with growing, jittered backoff, counting requests and bytes', async () => {
    const c = clock();
    const { fetch, calls } = scripted(new TypeError('fetch failed'), new Response('oops', { status: 502 }), new Response('down', { status: 500 }), ok('[1]'));
    const http = new Http({ fetch, clock: c, baseDelayMs: 100 });
    const { body } = await http.getJson('https://x.org/a');
    expect(body).toEqual([1]);
    expect(calls).toHaveLength(4);
    expect(c.sleeps).toEqual([100, 200, 400]);
    expect(http.stats).toEqual({ requests: 4, bytes: 4 + 4 + 3, retries: 3 });
  });

  it('waits as long as Retry-After says on 429, and gives up on an unreasonable wait', async () => {
    const c = clock();
    const { fetch } = scripted(new Response('', { status: 429, headers: { 'retry-after': '3' } }), ok('{}'));
    await new Http({ fetch, clock: c }).get('https://x.org/');
    expect(c.sleeps).toEqual([3000]);
    const long = scripted(new Response('', { status: 429, headers: { 'retry-after': '86400' } }));
    await expect(new Http({ fetch: long.fetch, clock: clock() }).get('https://x.org/')).rejects.toMatchObject({ kind: 'rate-limited' });
  });

  it('stops after the last retry with a source error naming the address', async () => {
    const { fetch } = scripted(new TypeError('x'), new TypeError('x'), new TypeError('x'));
    const err = await new Http({ fetch, clock: clock(), retries: 2 }).get('https://x.org/feed/').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect(err).toMatchObject({ kind: 'network', message: expect.stringContaining('https://x.org/feed/ could not be reached') });
  });

  it('calls an HTML page where JSON was expected a source error, without retrying', async () => {
    const { fetch, calls } = scripted(ok('<!DOCTYPE html><html>Log in</html>', 'text/html; charset=UTF-8'));
    await expect(new Http({ fetch, clock: clock() }).getJson('https://x.org/wp-json/wp/v2/posts')).rejects.toMatchObject({
      kind: 'not-json',
      message: expect.stringMatching(/HTML page where JSON was expected \(text\/html/),
    });
    expect(calls).toHaveLength(1);
  });

  it('times out a stalled attempt and retries it', async () => {
    const { fetch } = scripted(
      // A server that never answers; the fetch gives up when its signal aborts, as the real one does.
      (init) => new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      ok('[]'),
    );
    const http = new Http({ fetch, clock: clock(), timeoutMs: 20 });
    expect((await http.getJson('https://x.org/')).body).toEqual([]);
    expect(http.stats.retries).toBe(1);
  });

  it('stops at once, unretried, when the sync is stopped', async () => {
    const stop = new AbortController();
    stop.abort();
    const { fetch, calls } = scripted(ok('[]'));
    await expect(new Http({ fetch, clock: clock(), signal: stop.signal }).get('https://x.org/')).rejects.toBeInstanceOf(SyncAbortedError);
    expect(calls).toHaveLength(0);
  });

  it('returns 304 and 4xx to the caller', async () => {
    const { fetch } = scripted(
      new Response(null, { status: 304 }),
      new Response('{"code":"rest_post_invalid_page_number"}', { status: 400, headers: { 'content-type': 'application/json' } }),
    );
    const http = new Http({ fetch, clock: clock() });
    expect((await http.get('https://x.org/index.json')).status).toBe(304);
    expect((await http.getJson('https://x.org/p?page=9')).response.status).toBe(400);
  });
});

describe('Http bounds', () => {
  it('follows a redirect a browser hides (opaqueredirect) only when its final address is on the same host', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, url: '', headers: new Headers(), body: null } as unknown as Response;
    const landed = (url: string) => Object.defineProperty(ok('[]'), 'url', { value: url });
    const same = scripted(opaque, landed('https://x.org/moved'));
    expect((await new Http({ fetch: same.fetch, clock: clock() }).getJson('https://x.org/a')).body).toEqual([]);
    const away = scripted(opaque, landed('https://evil.example/a'));
    await expect(new Http({ fetch: away.fetch, clock: clock() }).get('https://x.org/a')).rejects.toMatchObject({
      kind: 'redirect',
      message: expect.stringContaining('redirected to https://evil.example/a'),
    });
  });

  it('decodes strictly, flagging a body that is not UTF-8', async () => {
    const bytes = new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x5d]); // ["\xff"]
    const { fetch } = scripted(new Response(bytes, { status: 200, headers: { 'content-type': 'application/json' } }));
    const { response } = await new Http({ fetch, clock: clock() }).getJson('https://x.org/');
    expect(response.invalidUtf8).toBe(true);
    expect(response.text).toContain('\uFFFD');
  });

  it('stops reading at the byte limit, without retrying', async () => {
    const { fetch, calls } = scripted(ok('x'.repeat(5000)), ok('[]'));
    const http = new Http({ fetch, clock: clock(), maxResponseBytes: 1000 });
    await expect(http.get('https://x.org/')).rejects.toMatchObject({ kind: 'too-large' });
    expect(calls).toHaveLength(1);
  });
});
