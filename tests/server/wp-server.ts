/**
 * A WordPress-like site for sync tests, on 127.0.0.1 at a random port: the REST API (discovery
 * link, paging headers, `after`/`modified_after`/`include`/`_fields`, 400 past the last page), an
 * RSS feed, a static index, and faults injected per request. Loopback only; `close()` ends every
 * connection so no test leaves a socket open.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StaticIndex } from '../../src/core/static-index/build.ts';
import { sha256Hex } from '../../src/core/static-index/sha256.ts';
import { type Fault, FaultQueue } from './faults.ts';
import { rssFeed } from './feed.ts';
import { pickFields, type WpPost, wpDate, wpJson } from './wp-post.ts';

export interface WpServerOptions {
  readonly posts?: readonly WpPost[];
  /** Serve the API only under /index.php/wp-json/ (a site without pretty permalinks' rewrite). */
  readonly indexPhpOnly?: boolean;
  /** No api.w.org link on the home page or in its headers: discovery has to probe. */
  readonly hideApiLink?: boolean;
  readonly staticIndex?: StaticIndex;
}

export interface RequestLogEntry {
  readonly path: string;
  readonly status: number;
  readonly bytes: number;
}

export interface WpServer {
  readonly url: string;
  readonly posts: WpPost[];
  readonly faults: FaultQueue;
  readonly log: RequestLogEntry[];
  /** Shard files (`shards/<sha>.json`) served with a byte changed. */
  readonly corruptShards: Set<string>;
  addPosts(posts: readonly WpPost[]): void;
  /** Edits a post: new content, `modified` set to `at`. */
  editPost(id: number, content: (html: string) => string, at?: number): void;
  setStaticIndex(index: StaticIndex | undefined): void;
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=UTF-8';
const PAGE_ERROR = {
  code: 'rest_post_invalid_page_number',
  message: 'The page number requested is larger than the number of pages available.',
  data: { status: 400 },
};
const MAX_BODY_WAIT_MS = 10_000;

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': JSON_TYPE, ...headers },
  body: wpJson(value),
});
const html = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'text/html; charset=UTF-8', ...headers },
  body,
});

/** A query timestamp (`2026-05-23T06:00:00`, no zone = the site's UTC) as epoch ms. */
const when = (v: string | null) => (v ? Date.parse(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`) : undefined);
const gmt = (v: string) => Date.parse(`${v}Z`);

export async function startWpServer(options: WpServerOptions = {}): Promise<WpServer> {
  const posts: WpPost[] = [...(options.posts ?? [])];
  const faults = new FaultQueue();
  const log: RequestLogEntry[] = [];
  const corruptShards = new Set<string>();
  let index = options.staticIndex;
  let base = '';

  async function route(req: IncomingMessage, url: URL, fault?: Fault): Promise<Reply> {
    let path = url.pathname;
    const apiPrefix = options.indexPhpOnly ? '/index.php/wp-json/' : '/wp-json/';
    if (!options.indexPhpOnly && path.startsWith('/index.php/wp-json/')) path = path.slice('/index.php'.length);
    if (path === '/' || path === '') {
      const link = `${base}${apiPrefix}`;
      const head = options.hideApiLink ? '' : `<link rel="https://api.w.org/" href="${link}" />`;
      return html(
        200,
        `<!DOCTYPE html><html><head><title>SciPapermill</title>${head}</head><body><h1>SciPapermill</h1></body></html>`,
        options.hideApiLink ? {} : { Link: `<${link}>; rel="https://api.w.org/"` },
      );
    }
    if (path === '/feed/' || path === '/feed')
      return { status: 200, headers: { 'Content-Type': 'application/rss+xml; charset=UTF-8' }, body: rssFeed(base, posts) };
    if (path.startsWith('/index/')) return staticFile(req, path.slice('/index/'.length));
    if (options.indexPhpOnly && path.startsWith('/wp-json/')) return html(404, '<html><body>Not Found</body></html>');
    const api = path.startsWith(apiPrefix) ? path.slice(apiPrefix.length) : undefined;
    if (api === '' || (api === undefined && path === apiPrefix.slice(0, -1)))
      return json(200, { name: 'SciPapermill', url: base, namespaces: ['oembed/1.0', 'wp/v2'], routes: {} });
    if (api === 'wp/v2/posts') return listPosts(url, fault);
    const one = api && /^wp\/v2\/posts\/(\d+)$/.exec(api);
    if (one) {
      const post = posts.find((p) => p.id === Number(one[1]));
      return post
        ? json(200, pickFields(post, fieldsOf(url)))
        : json(404, { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } });
    }
    if (api !== undefined)
      return json(404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
    return html(404, '<html><body>Not Found</body></html>');
  }

  function fieldsOf(url: URL): string[] | undefined {
    return url.searchParams
      .get('_fields')
      ?.split(',')
      .map((f) => f.trim())
      .filter(Boolean);
  }

  function listPosts(url: URL, fault?: Fault): Reply {
    const q = url.searchParams;
    const perPage = Number(q.get('per_page') ?? 10);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
      return json(400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page', data: { status: 400 } });
    const page = Number(q.get('page') ?? 1);
    const after = when(q.get('after'));
    const before = when(q.get('before'));
    const modifiedAfter = when(q.get('modified_after'));
    const include = q.get('include')?.split(',').map(Number);
    let list = posts.filter(
      (p) =>
        (after === undefined || gmt(p.date_gmt) > after) &&
        (before === undefined || gmt(p.date_gmt) < before) &&
        (modifiedAfter === undefined || gmt(p.modified_gmt) > modifiedAfter) &&
        (!include || include.includes(p.id)),
    );
    const orderby = q.get('orderby') ?? 'date';
    const dir = (q.get('order') ?? 'desc') === 'asc' ? 1 : -1;
    const key = (p: WpPost): string | number =>
      orderby === 'modified' ? p.modified_gmt : orderby === 'id' ? p.id : orderby === 'include' && include ? include.indexOf(p.id) : p.date_gmt;
    list = [...list].sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : a.id - b.id));
    if (fault?.kind === 'drop' && include) list = list.filter((p) => !fault.ids.includes(p.id));
    const total = list.length;
    const totalPages = Math.ceil(total / perPage);
    const at = (n: number) => {
      const u = new URL(url.pathname + url.search, base);
      u.searchParams.set('page', String(n));
      return u.href;
    };
    // The endless listings a broken or hostile site can send.
    if (fault?.kind === 'endless-next') {
      const last = Math.max(1, Math.min(page, totalPages));
      const items = list.slice((last - 1) * perPage, last * perPage).map((p) => pickFields(p, fieldsOf(url)));
      return json(200, items, { 'X-WP-Total': String(total), Link: `<${at(page + 1)}>; rel="next"` });
    }
    if (fault?.kind === 'endless-total') {
      const items = list.slice((page - 1) * perPage, page * perPage).map((p) => pickFields(p, fieldsOf(url)));
      return json(200, items, { 'X-WP-Total': String(1_000_000_000 * perPage), 'X-WP-TotalPages': '1000000000' });
    }
    if (fault?.kind === 'endless-new') {
      const items = Array.from({ length: perPage }, (_, i) => ({
        id: 10_000_000 + page * perPage + i,
        modified_gmt: wpDate(Date.parse('2026-07-01T00:00:00Z')),
        link: `${base}/made-up/${page}/${i}/`,
      }));
      return json(200, items, { Link: `<${at(page + 1)}>; rel="next"` });
    }
    if (page > totalPages && total > 0) return json(400, PAGE_ERROR);
    const links: string[] = [];
    if (page > 1) links.push(`<${at(page - 1)}>; rel="prev"`);
    if (page < totalPages) links.push(`<${at(page + 1)}>; rel="next"`);
    const items = list.slice((page - 1) * perPage, page * perPage).map((p) => pickFields(p, fieldsOf(url)));
    return json(200, items, { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(totalPages), ...(links.length ? { Link: links.join(', ') } : {}) });
  }

  async function staticFile(req: IncomingMessage, file: string): Promise<Reply> {
    if (!index) return html(404, 'Not Found');
    if (file === 'index.json') {
      const body = JSON.stringify(index.manifest, null, 2);
      const etag = `"${(await sha256Hex(body)).slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) return { status: 304, headers: { ETag: etag }, body: '' };
      return { status: 200, headers: { 'Content-Type': 'application/json', ETag: etag, 'Cache-Control': 'no-cache' }, body };
    }
    const text = index.shards.get(file);
    if (text === undefined) return html(404, 'Not Found');
    const body = corruptShards.has(file) ? text.replace(/"digests":\[\{"id":"/, '"digests":[{"id":"x') : text;
    return { status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=31536000, immutable' }, body };
  }

  async function respond(res: ServerResponse, reply: Reply, fault: Fault | undefined): Promise<number> {
    const bytes = Buffer.from(reply.body, 'utf8');
    switch (fault?.kind) {
      case 'redirect':
        res.writeHead(302, { Location: fault.to, 'Content-Length': '0' });
        res.end();
        return 0;
      case 'huge-body':
        return streamHuge(res, fault.bytes, fault.declared ?? false);
      case 'bad-utf8': {
        // wpJson writes only ASCII: two bytes that can never be UTF-8, inside the post's content.
        const at = reply.body.indexOf('"rendered":"', reply.body.indexOf(`"id":${fault.id},`));
        if (at < 0) break;
        const cut = at + '"rendered":"'.length + 10;
        const body = Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xff, 0xfe]), bytes.subarray(cut)]);
        res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
        res.end(body);
        return body.length;
      }
      case 'delay':
        await new Promise((r) => setTimeout(r, Math.min(fault.ms, MAX_BODY_WAIT_MS)));
        break;
      case 'status':
        return send(
          res,
          html(fault.status, `<!DOCTYPE html><html><body><h1>Error ${fault.status}</h1><p>Error establishing a database connection</p></body></html>`),
        );
      case 'rate-limit':
        return send(res, html(429, '<html><body>Too Many Requests</body></html>', { 'Retry-After': fault.retryAfter }));
      case 'html':
        return send(
          res,
          html(
            200,
            '<!DOCTYPE html><html><head><title>Briefly unavailable</title></head><body>Briefly unavailable for scheduled maintenance. Check back in a minute.</body></html>',
          ),
        );
      case 'truncate':
        return send(res, { ...reply, body: bytes.subarray(0, Math.floor(bytes.length / 2)).toString('utf8') });
      case 'reset': {
        res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(bytes.length) });
        const half = bytes.subarray(0, Math.floor(bytes.length / 2));
        await new Promise<void>((r) => res.write(half, () => r()));
        res.destroy();
        return half.length;
      }
    }
    return send(res, reply);
  }

  /** `[` and then spaces and `0,` until `size` bytes: JSON-looking, never ending in time. Streamed with backpressure. */
  async function streamHuge(res: ServerResponse, size: number, declared: boolean): Promise<number> {
    res.writeHead(200, { 'Content-Type': JSON_TYPE, ...(declared ? { 'Content-Length': String(size) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, '0,');
    let sent = 0;
    res.write('[');
    sent++;
    while (sent < size && !res.destroyed) {
      const part = size - sent >= chunk.length ? chunk : chunk.subarray(0, size - sent);
      sent += part.length;
      if (!res.write(part))
        await new Promise<void>((r) => {
          res.once('drain', r);
          res.once('close', r);
        });
    }
    res.end();
    return sent;
  }

  function send(res: ServerResponse, reply: Reply): number {
    const bytes = Buffer.from(reply.body, 'utf8');
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(bytes.length) });
    res.end(bytes);
    return bytes.length;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const pathAndQuery = url.pathname + url.search;
    // As WordPress's REST API does: a request with an Origin (an extension's fetch) may read the answer.
    if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    const fault = faults.take(pathAndQuery);
    route(req, url, fault)
      .then((reply) =>
        respond(res, reply, fault).then((bytes) =>
          log.push({ path: pathAndQuery, status: fault?.kind === 'status' ? fault.status : fault?.kind === 'rate-limit' ? 429 : reply.status, bytes }),
        ),
      )
      .catch((e: unknown) => {
        log.push({ path: pathAndQuery, status: 500, bytes: 0 });
        if (!res.headersSent) send(res, html(500, `<html><body>${String(e)}</body></html>`));
        else res.destroy();
      });
  });
  // Bounded: a handful of connections, no request lingers.
  server.maxConnections = 64;
  server.requestTimeout = MAX_BODY_WAIT_MS * 2;
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    posts,
    faults,
    log,
    corruptShards,
    addPosts(more) {
      posts.push(...more);
    },
    editPost(id, content, at = Date.now()) {
      const i = posts.findIndex((p) => p.id === id);
      if (i < 0) throw new Error(`no post ${id}`);
      const p = posts[i]!;
      posts[i] = { ...p, modified: wpDate(at), modified_gmt: wpDate(at), content: { ...p.content, rendered: content(p.content.rendered) } };
    },
    setStaticIndex(next) {
      index = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
