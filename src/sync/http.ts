/**
 * The one way sync reaches the network: per-attempt timeouts, retries with exponential backoff and
 * jitter on network errors and 5xx, `429`/`503` honouring `Retry-After`, and a clear error when a
 * page comes where JSON was expected. Counts requests and bytes for the sync report.
 *
 * What a source decides the size of is bounded here: a body is streamed and stopped at
 * `maxResponseBytes` (a clear error, never retried as a network fault); redirects are followed
 * only to the same host or one `allowHost` accepts (a host the reader granted); nothing is
 * requested after `deadline`. Bodies are decoded as strict UTF-8: a body that is not valid text
 * is still returned (decoded with replacement characters) but flagged, so the caller can refuse
 * what it touched instead of storing it silently.
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
  /** The most bytes one response may have; more is a 'too-large' error. Default 64 MiB. */
  readonly maxResponseBytes?: number;
  /** A redirect to another host is followed only when this says yes (the host the reader granted). */
  readonly allowHost?: (url: URL) => boolean | Promise<boolean>;
  /** Epoch ms (the clock's) after which no request starts: a 'limit' error. */
  readonly deadline?: number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export interface HttpResponse {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body was not valid UTF-8: `text` holds replacement characters (U+FFFD) where it broke. */
  readonly invalidUtf8?: boolean;
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
  private readonly o: Required<Omit<HttpOptions, 'fetch' | 'clock' | 'signal' | 'allowHost' | 'deadline'>>;

  constructor(private readonly options: HttpOptions = {}) {
    this.fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.clock = options.clock ?? systemClock;
    this.o = {
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 4,
      baseDelayMs: options.baseDelayMs ?? 1000,
      maxDelayMs: options.maxDelayMs ?? 60_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 5 * 60_000,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    };
  }

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  /** GET with retries. Returns any 2xx, 304 and non-retryable 4xx; throws SourceError otherwise. */
  async get(url: string, options: GetOptions = {}): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      this.checkAbort();
      this.checkDeadline(url);
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

  /** Throws a 'limit' error once the sync's time is up. */
  checkDeadline(url: string): void {
    const { deadline } = this.options;
    if (deadline !== undefined && this.clock.now() >= deadline) {
      throw new SourceError('limit', url, `the sync ran out of time before ${url}: stopped; what it saved is kept, and the next sync goes on from there`);
    }
  }

  /** Same host, or one the caller allows (a host the reader granted). */
  async hostAllowed(from: string, to: string): Promise<boolean> {
    const a = new URL(from);
    const b = new URL(to);
    if (b.protocol !== 'http:' && b.protocol !== 'https:') return false;
    if (a.hostname === b.hostname) return true;
    return (await this.options.allowHost?.(b)) ?? false;
  }

  private async checkRedirect(url: string, to: string): Promise<void> {
    if (!(await this.hostAllowed(url, to))) {
      throw new SourceError(
        'redirect',
        url,
        `${brief(url)} redirected to ${to}, another site Digest Lens has no permission to read: not followed (add that site as a source if the digests now live there)`,
      );
    }
  }

  /**
   * Redirects are followed by hand so each hop's host is checked before it is asked. Where the
   * fetch hides a redirect's target (a browser's 'opaqueredirect'), it is followed and its final
   * address checked before any of its body is read.
   */
  private async fetchChecked(url: string, init: RequestInit): Promise<Response> {
    let current = url;
    for (let hop = 0; ; hop++) {
      const res = await this.fetch(current, { ...init, redirect: 'manual' });
      if (res.type === 'opaqueredirect') {
        let followed: Response;
        try {
          followed = await this.fetch(current, { ...init, redirect: 'follow' });
        } catch (e) {
          // The browser would not read where it led (another site, without our permission or CORS).
          if (init.signal?.aborted) throw e;
          throw new SourceError('redirect', url, `${brief(url)} redirected to another site, which Digest Lens has no permission to read: not followed`);
        }
        if (followed.url && followed.url !== current) {
          try {
            await this.checkRedirect(url, followed.url);
          } catch (e) {
            await followed.body?.cancel().catch(() => undefined);
            throw e;
          }
        }
        return followed;
      }
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (location === null) return res;
      await res.body?.cancel().catch(() => undefined);
      const next = new URL(location, current).href;
      await this.checkRedirect(url, next);
      if (hop >= MAX_REDIRECTS) throw new SourceError('redirect', url, `${url} redirected more than ${MAX_REDIRECTS} times: not followed`);
      current = next;
    }
  }

  /** The body, streamed and stopped at the limit; checked against Content-Length first. */
  private async readBody(url: string, res: Response): Promise<Uint8Array> {
    const max = this.o.maxResponseBytes;
    const tooLarge = () =>
      new SourceError('too-large', url, `${brief(url)} sent more than ${formatBytes(max)}: stopped reading (no digest listing or post is that large)`);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > max) {
      await res.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    if (!res.body) {
      const buf = new Uint8Array(await res.arrayBuffer());
      if (buf.byteLength > max) throw tooLarge();
      this.stats.bytes += buf.byteLength;
      return buf;
    }
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      this.stats.bytes += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
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
    }, this.attemptTimeoutMs());
    this.stats.requests++;
    try {
      const res = await this.fetchChecked(url, { ...(options.headers ? { headers: options.headers } : {}), signal: controller.signal, credentials: 'omit' });
      // The body is read inside the timeout too: a server can stall mid-body.
      const buf = await this.readBody(url, res);
      const { text, invalidUtf8 } = decodeUtf8(buf);
      const response: HttpResponse = { url: res.url || url, status: res.status, headers: res.headers, text, ...(invalidUtf8 ? { invalidUtf8 } : {}) };
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

  /** The per-attempt timeout, never past the deadline. */
  private attemptTimeoutMs(): number {
    const { deadline } = this.options;
    return deadline === undefined ? this.o.timeoutMs : Math.max(1, Math.min(this.o.timeoutMs, deadline - this.clock.now()));
  }

  private judge(url: string, r: HttpResponse, options: GetOptions): HttpResponse {
    if (r.status === 429 || r.status === 503) {
      const wait = parseRetryAfter(r.headers.get('retry-after'), this.clock.now());
      const error = new SourceError(
        'rate-limited',
        url,
        `${url} asked us to slow down (HTTP ${r.status}${wait !== undefined ? `, retry after ${Math.ceil(wait / 1000)} s` : ''})`,
      );
      if (wait !== undefined && wait > this.o.maxRetryAfterMs) throw error;
      throw new Retryable(error, wait);
    }
    if (r.status >= 500) throw new Retryable(new SourceError('http', url, `${url} failed with HTTP ${r.status}`));
    if (r.status === 304 || r.status >= 400) return r;
    if (options.expect === 'json' && looksLikeHtml(r.headers.get('content-type') ?? '', r.text)) {
      throw new SourceError(
        'not-json',
        url,
        `${url} returned an HTML page where JSON was expected (${r.headers.get('content-type') ?? 'no content type'}): is the REST API blocked or behind a login?`,
      );
    }
    return r;
  }
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Strict UTF-8; on bytes that are not text, the lenient decoding, flagged. */
export function decodeUtf8(buf: Uint8Array): { text: string; invalidUtf8: boolean } {
  try {
    return { text: strict.decode(buf), invalidUtf8: false };
  } catch {
    return { text: lenient.decode(buf), invalidUtf8: true };
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}

/** An address short enough for a message: a long query (100 ids) is cut. */
export function brief(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}…` : url;
}
