/**
 * A static index (docs/index-format.md): revalidate the manifest with If-None-Match, fetch only
 * the shards not yet held, and verify each shard's sha256 before writing any of its digests.
 */
import { MANIFEST_FILE } from '../core/static-index/format.ts';
import { missingShards, parseManifest, readShard, StaticIndexError } from '../core/static-index/read.ts';
import { topicKept } from './commit-post.ts';
import { SourceError } from './errors.ts';
import type { SourceRun } from './source-run.ts';

export function manifestUrl(url: string): string {
  return /\.json($|[?#])/.test(new URL(url).pathname) ? url : new URL(MANIFEST_FILE, url.endsWith('/') ? url : `${url}/`).href;
}

export async function syncStaticIndex(run: SourceRun): Promise<void> {
  const { http, state } = run;
  const url = manifestUrl(run.config.url);
  run.progress('list', 0, 0);
  const res = await http.get(url, { headers: state.etag ? { 'If-None-Match': state.etag } : {}, expect: 'json' });
  if (res.status === 304) return;
  if (res.status >= 400) throw new SourceError(res.status === 404 ? 'not-found' : 'http', url, `${url} failed with HTTP ${res.status}`);
  let manifest;
  try {
    manifest = parseManifest(res.text);
  } catch (e) {
    throw new SourceError('format', url, `${url}: ${(e as Error).message}`);
  }
  const held = new Set(state.shards ?? []);
  const missing = missingShards(manifest, held);
  // A shard is a week: the listing bound applies to how many a manifest may send us to fetch.
  if (missing.length > run.limits.maxPages)
    throw new SourceError('limit', url, `${url} lists more than ${run.limits.maxPages} shards to fetch: stopped (no real index is that long)`);
  const total = missing.reduce((n, s) => n + s.digests.length, 0);
  let done = 0;
  let rejected: SourceError | undefined;
  run.progress('fetch', 0, total);
  for (const ref of missing) {
    run.checkAbort();
    const shardUrl = new URL(ref.file, url).href;
    const r = await http.get(shardUrl);
    // Bytes that are not UTF-8 never match the hash the manifest names: said plainly instead.
    if (r.invalidUtf8) {
      rejected = new SourceError('format', shardUrl, `${shardUrl} is not valid UTF-8 text`);
      continue;
    }
    if (r.status >= 400) throw new SourceError('http', shardUrl, `${shardUrl} failed with HTTP ${r.status}`);
    let shard;
    try {
      // Hash first: nothing from a shard is written unless all of it is what the manifest names.
      shard = await readShard(ref, r.text);
    } catch (e) {
      if (!(e instanceof StaticIndexError)) throw e;
      rejected = new SourceError('format', shardUrl, e.message);
      continue;
    }
    // A malformed digest is left out (the rest of the shard is kept) and counted with its reason.
    for (const r of shard.rejected) {
      await run.countFailed({ key: r.id, url: shardUrl, title: r.id, reason: `not a valid digest: ${r.reason}` });
      run.progress('fetch', ++done, total);
    }
    for (const digest of shard.digests) {
      run.checkAbort();
      if (topicKept(run.commitOptions.topics, digest.topic)) {
        const report = await run.store.writeDigest(digest);
        await run.countDigest(report.digestsAdded > 0);
      } else run.report.filtered++;
      run.progress('fetch', ++done, total);
    }
    held.add(ref.sha256);
    // Hashes of shards the manifest no longer lists are dropped: their digests live on in newer shards.
    await run.saveState({ shards: manifest.shards.map((s) => s.sha256).filter((h) => held.has(h)) });
  }
  if (rejected) throw rejected;
  // Only a fully applied manifest may be skipped next time with a 304.
  await run.saveState({ etag: res.headers.get('etag') ?? undefined });
}
