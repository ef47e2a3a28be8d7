// `digest-lens sync`: mirror WordPress sites, feeds or static indexes into a static index
// directory, incrementally. The same runner as the extension, over a MemorySyncStore loaded from
// DIR and written back to it. Exit 0 when all went well, 1 when a source or post failed, 2 on usage.
import { parseArgs } from 'node:util';
import { PARSER_VERSION } from '../src/core/digest/types.ts';
import { buildStaticIndex } from '../src/core/static-index/build.ts';
import type { Clock } from '../src/sync/clock.ts';
import type { HttpOptions } from '../src/sync/http.ts';
import { MemorySyncStore } from '../src/sync/memory-store.ts';
import { parseRawPost } from '../src/sync/parse-post.ts';
import { runSync } from '../src/sync/runner.ts';
import type { SourceConfig, SyncProgress } from '../src/sync/types.ts';
import { lockDir, type PostState, readDir, type SidecarState, writeIndex, writeSidecar } from './sync-dir.ts';

export const SYNC_USAGE = `Usage:
  digest-lens sync --source URL [--source URL ...] --out DIR [--since YYYY-MM-DD] [--topic T ...]

  URL: a WordPress site (its REST API is discovered), an RSS/Atom feed, or a static index
  (index.json or its directory). DIR receives a static index (index.json + shards/); a DIR that
  already holds one is updated incrementally. Without --since, everything the sources hold.`;

interface Io {
  out(s: string): void;
  err(s: string): void;
}

/** For tests: a fetch, clock and retry settings instead of the real network's. */
export interface SyncDeps {
  readonly http?: Omit<HttpOptions, 'clock' | 'signal'>;
  readonly clock?: Clock;
}

function usage(io: Io, message: string): number {
  io.err(`digest-lens: ${message}\n${SYNC_USAGE}\n`);
  return 2;
}

function sourcesFrom(urls: string[]): SourceConfig[] | string {
  const out: SourceConfig[] = [];
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return `--source "${raw}" is not an address`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `--source "${raw}" is not an http(s) address`;
    out.push({ id: url.href, kind: 'auto', url: url.href });
  }
  return out;
}

/** Progress lines on stderr: phase changes and every tenth of the way, not every post. */
function progressPrinter(io: Io): (p: SyncProgress) => void {
  let last = '';
  return (p) => {
    if (p.phase === 'done' || (p.phase === 'list' && p.done > 0) || ((p.phase === 'fetch' || p.phase === 'reparse') && p.total === 0)) return;
    const step = Math.max(10, Math.ceil(p.total / 10));
    const key = `${p.sourceId}|${p.phase}|${p.done === p.total ? 'all' : Math.floor(p.done / step)}`;
    if (key === last) return;
    last = key;
    const what =
      p.phase === 'reparse' ? 're-parsing stored posts' : p.phase === 'discover' ? 'finding the API' : p.phase === 'list' ? 'listing changes' : 'fetching';
    io.err(`digest-lens: ${p.url || 'local'}: ${what}${p.total ? ` ${p.done}/${p.total}` : ''}\n`);
  };
}

export async function syncCommand(argv: string[], io: Io, deps: SyncDeps = {}): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        source: { type: 'string', multiple: true },
        out: { type: 'string' },
        since: { type: 'string' },
        topic: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    return usage(io, (e as Error).message);
  }
  if (values.help) {
    io.out(`${SYNC_USAGE}\n`);
    return 0;
  }
  if (!values.source?.length) return usage(io, 'sync needs at least one --source URL');
  if (!values.out) return usage(io, 'sync needs --out DIR');
  if (values.since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.since) || Number.isNaN(Date.parse(values.since))))
    return usage(io, `--since "${values.since}" is not a YYYY-MM-DD date`);
  const sources = sourcesFrom(values.source);
  if (typeof sources === 'string') return usage(io, sources);
  const dir = values.out;

  const release = lockDir(dir);
  if (!release) {
    io.err(`digest-lens: another sync is writing ${dir} (remove ${dir}/.digest-lens-sync.lock if it died)\n`);
    return 1;
  }
  try {
    const before = await readDir(dir);
    for (const p of before.problems) io.err(`digest-lens: ${p}: fetching its posts again\n`);
    // Raw posts are not kept on disk: an index from an older parser, or a damaged one, is re-fetched.
    const fresh = before.problems.length > 0 || (before.manifest !== undefined && before.manifest.parserVersion < PARSER_VERSION);
    const store = new MemorySyncStore({ records: false });
    for (const d of before.digests) store.digests.add(d);
    if (before.sidecar && !fresh) {
      store.states = before.sidecar.states;
      for (const [key, p] of Object.entries(before.sidecar.posts)) {
        store.posts.set(key, { ...p, key, date: '', raw: '', fetched: '' });
        if (p.reason)
          store.failures.set(key, {
            key,
            sourceId: p.sourceId,
            url: p.url,
            title: p.title,
            reason: p.reason,
            modified: p.modified,
            parserVersion: p.parserVersion,
            at: '',
          });
      }
    } else if (!fresh) {
      // An index from build-index: its digests stand for their posts, so only changes are fetched.
      for (const d of before.digests) {
        if (!d.modified || Number.isNaN(Date.parse(d.modified))) continue;
        store.posts.set(d.id, {
          key: d.id,
          sourceId: '',
          url: d.url,
          title: d.title,
          date: '',
          modified: new Date(d.modified).toISOString(),
          format: d.format === 'rss' ? 'rss' : 'wordpress',
          raw: '',
          status: 'indexed',
          digestId: d.id,
          topic: d.topic,
          parserVersion: d.parserVersion,
          fetched: '',
        });
      }
    }

    const report = await runSync({
      sources,
      store,
      parse: parseRawPost,
      ...(values.since ? { since: values.since } : { reachBack: 'all' as const }),
      ...(values.topic?.length ? { topics: values.topic } : {}),
      onProgress: progressPrinter(io),
      ...(deps.http ? { http: deps.http } : {}),
      ...(deps.clock ? { clock: deps.clock } : {}),
    });

    for (const s of report.sources) if (s.error) io.err(`digest-lens: ${s.url}: ${s.error.message}\n`);
    for (const f of report.failures) io.err(`digest-lens: ${f.url}: ${f.reason}\n`);
    for (const s of report.sources) if (s.note) io.err(`digest-lens: ${s.url}: note: ${s.note}\n`);

    const digests = [...store.digests.values()];
    const source = sources.map((s) => s.url).join(' ');
    const index = await buildStaticIndex(digests, { source });
    const files = writeIndex(dir, index, before.manifest);
    const posts: Record<string, PostState> = {};
    for (const p of store.posts.values()) {
      const failure = store.failures.get(p.key);
      posts[p.key] = {
        modified: p.modified,
        status: p.status,
        parserVersion: p.parserVersion,
        sourceId: p.sourceId,
        url: p.url,
        title: p.title,
        format: p.format,
        ...(p.digestId ? { digestId: p.digestId } : {}),
        ...(p.topic ? { topic: p.topic } : {}),
        ...(failure ? { reason: failure.reason } : {}),
      };
    }
    writeSidecar(dir, { version: 1, states: store.states, posts } satisfies SidecarState);

    io.err(
      `digest-lens: synced ${sources.length} source${sources.length === 1 ? '' : 's'}: ${report.added} new, ${report.updated} updated, ${report.failed} failed` +
        ` (${report.requests} requests, ${(report.bytes / 1024).toFixed(1)} KiB); ${dir}: ${index.manifest.digestCount} digests in ${index.manifest.shards.length} shards` +
        `${files.written || files.removed ? ` (${files.written} written, ${files.removed} removed)` : ', unchanged'}\n`,
    );
    return report.status === 'ok' && report.failed === 0 ? 0 : 1;
  } finally {
    release();
  }
}
