/**
 * The one way sync reaches the network: per-attempt timeouts, retries with exponential backoff and
 * jitter on network errors and 5xx, `429`/`503` honouring `Retry-After`, and a clear error when a
 * page comes where JSON was expected. Counts requests and bytes for the sync report.
 */
import { type Clock, systemClock } from './clock.ts';
import { SourceError, SyncAbortedError } from './errors.ts';
import { parseRetryAfter } from './retry-after.ts';

export interface HttpOptions {
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  /** Per attempt, headers and body together. */
  readonly timeoutMs?: number;
  /** Attempts after the first. */
  readonly retries?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A longer `Retry-After` fails the source for this run instead of holding the sync. */
  readonly maxRetryAfterMs?: number;
  /** Stops everything at once; never retried. */
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface HttpStats {
  requests: number;
  bytes: number;
  retries: number;
}

export interface GetOptions {
  readonly headers?: Record<string, string>;
  /** 'json' rejects an HTML page (a login wall, a maintenance page) with a clear source error. */
  readonly expect?: 'json' | 'any';
}

/** Failures worth another attempt; anything else is thrown at once. */
class Retryable extends Error {
  constructor(
    readonly error: SourceError,
    readonly waitMs?: number,
  ) {
    super(error.message);
  }
}

const looksLikeHtml = (type: string, text: string) => /html/i.test(type) || /^\s*</.test(text);

export class Http {
  readonly stats: HttpStats = { requests: 0, bytes: 0, retries: 0 };
  private readonly fetch: typeof fetch;
  private readonly clock: Clock;
  private readonly o: Required<Omit<HttpOptions, 'fetch' | 'clock' | 'signal'>>;

  constructor(private readonly options: HttpOptions = {}) {
    this.fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.clock = options.clock ?? systemClock;
    this.o = {
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 4,
      baseDelayMs: options.baseDelayMs ?? 1000,
      maxDelayMs: options.maxDelayMs ?? 60_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 5 * 60_000,
    };
  }

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  /** GET with retries. Returns any 2xx, 304 and non-retryable 4xx; throws SourceError otherwise. */
  async get(url: string, options: GetOptions = {}): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      this.checkAbort();
      try {
        return await this.attempt(url, options);
      } catch (e) {
        if (!(e instanceof Retryable)) throw e;
        if (attempt >= this.o.retries) throw e.error;
        this.stats.retries++;
        // Full jitter over an exponential ceiling: clients that failed together do not return together.
        const backoff = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** attempt) * (0.5 + this.clock.random() / 2);
        await this.clock.sleep(e.waitMs ?? backoff, this.options.signal);
      }
    }
  }

  /** GET expecting JSON; a body that does not parse is retried (proxies truncate), then reported. */
  async getJson<T = unknown>(url: string, options: GetOptions = {}): Promise<{ response: HttpResponse; body: T }> {
    for (let attempt = 0; ; attempt++) {
      const response = await this.get(url, { ...options, expect: 'json' });
      if (response.status === 304) return { response, body: undefined as T };
      try {
        return { response, body: JSON.parse(response.text) as T };
      } catch {
        const error = new SourceError('bad-json', url, `${url} returned JSON that does not parse (a truncated response?)`);
        if (attempt >= this.o.retries) throw error;
        this.stats.retries++;
        await this.clock.sleep(this.o.baseDelayMs * 2 ** attempt * (0.5 + this.clock.random() / 2), this.options.signal);
      }
    }
  }

  private checkAbort(): void {
    if (this.options.signal?.aborted) throw new SyncAbortedError();
  }

  private async attempt(url: string, options: GetOptions): Promise<HttpResponse> {
    const controller = new AbortController();
    const outer = this.options.signal;
    const onAbort = () => controller.abort();
    outer?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.o.timeoutMs);
    this.stats.requests++;
    try {
      const res = await this.fetch(url, { headers: options.headers, signal: controller.signal, redirect: 'follow', credentials: 'omit' });
      // The body is read inside the timeout too: a server can stall mid-body.
      const buf = new Uint8Array(await res.arrayBuffer());
      this.stats.bytes += buf.byteLength;
      const text = new TextDecoder().decode(buf);
      const response: HttpResponse = { url: res.url || url, status: res.status, headers: res.headers, text };
      return this.judge(url, response, options);
    } catch (e) {
      if (e instanceof Retryable || e instanceof SourceError) throw e;
      if (outer?.aborted) throw new SyncAbortedError();
      if (timedOut) throw new Retryable(new SourceError('timeout', url, `${url} did not answer within ${Math.round(this.o.timeoutMs / 1000)} s`));
      throw new Retryable(new SourceError('network', url, `${url} could not be reached (${(e as Error).message || 'network error'})`));
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }

  private judge(url: string, r: HttpResponse, options: GetOptions): HttpResponse {
    if (r.status === 429 || r.status === 503) {
      const wait = parseRetryAfter(r.headers.get('retry-after'), this.clock.now());
      const error = new SourceError('rate-limited', url, `${url} asked us to slow down (HTTP ${r.status}${wait !== undefined ? `, retry after ${Math.ceil(wait / 1000)} s` : ''})`);
      if (wait !== undefined && wait > this.o.maxRetryAfterMs) throw error;
      throw new Retryable(error, wait);
    }
    if (r.status >= 500) throw new Retryable(new SourceError('http', url, `${url} failed with HTTP ${r.status}`));
    if (r.status === 304 || r.status >= 400) return r;
    if (options.expect === 'json' && looksLikeHtml(r.headers.get('content-type') ?? '', r.text)) {
      throw new SourceError('not-json', url, `${url} returned an HTML page where JSON was expected (${r.headers.get('content-type') ?? 'no content type'}): is the REST API blocked or behind a login?`);
    }
    return r;
  }
}
