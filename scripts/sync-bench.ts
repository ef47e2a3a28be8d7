// Measures sync against the local test server: a full sync of N generated posts (wall time, peak
// memory) and an incremental run with nothing new (requests, bytes), into IndexedDB (fake-indexeddb,
// as in the tests) and through `digest-lens sync` into a directory.
//   npx tsx scripts/sync-bench.ts [--posts 200]
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb, getCounters } from '../src/db/index.ts';
import { idbSyncStore } from '../src/sync/idb-store.ts';
import { parseRawPost } from '../src/sync/parse-post.ts';
import { runSync } from '../src/sync/runner.ts';
import type { SyncReport } from '../src/sync/types.ts';
import { generatePosts } from '../tests/server/generate-posts.ts';
import { startWpServer } from '../tests/server/wp-server.ts';
import { syncCommand } from './sync-command.ts';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '200' } } });
const count = Number(values.posts);
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** Samples RSS and heap every 10 ms while `fn` runs. */
async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number; peakHeap: number; startRss: number }> {
  globalThis.gc?.();
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0, peakRss, peakHeap, startRss };
  } finally {
    clearInterval(timer);
  }
}

// Posts from 2026-06 on, newest batch of the last 50: "now" is real time, so reach back everything.
const posts = generatePosts({ count, perBatch: 50, firstBatch: '2026-06-06' });
const server = await startWpServer({ posts });
const site = { id: 'bench', kind: 'wordpress' as const, url: `${server.url}/` };
const sync = () => runSync({ sources: [site], store: idbSyncStore, parse: parseRawPost, reachBack: 'all' });
const line = (label: string, r: SyncReport, m: { ms: number; peakRss: number; peakHeap: number; startRss: number }) =>
  console.log(
    `${label.padEnd(34)} ${String(Math.round(m.ms)).padStart(6)} ms  +${r.added} new  ${r.requests} requests  ${(r.bytes / 1024).toFixed(1)} KiB  peak RSS ${mb(m.peakRss)} (start ${mb(m.startRss)})  peak heap ${mb(m.peakHeap)}`,
  );

try {
  console.log(
    `Digest Lens sync benchmark: ${count} posts, ${mb(posts.reduce((n, p) => n + p.content.rendered.length, 0))} of post HTML, Node ${process.version}`,
  );
  const full = await measure(sync);
  line('extension: full sync', full.value, full);
  const counters = await getCounters();
  console.log(`${''.padEnd(34)} index: ${counters.digests} digests, ${counters.papers} papers, ${counters.mentions} mentions`);
  const inc = await measure(sync);
  line('extension: incremental, nothing new', inc.value, inc);
  await closeDb();

  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-bench-'));
  const quiet = { out: () => undefined, err: () => undefined };
  try {
    server.log.length = 0;
    const cliFull = await measure(() => syncCommand(['--source', site.url, '--out', dir], quiet));
    const fullBytes = server.log.reduce((n, r) => n + r.bytes, 0);
    console.log(
      `${'cli: full sync into a directory'.padEnd(34)} ${String(Math.round(cliFull.ms)).padStart(6)} ms  exit ${cliFull.value}  ${server.log.length} requests  ${(fullBytes / 1024).toFixed(1)} KiB  peak RSS ${mb(cliFull.peakRss)}`,
    );
    server.log.length = 0;
    const cliInc = await measure(() => syncCommand(['--source', site.url, '--out', dir], quiet));
    const incBytes = server.log.reduce((n, r) => n + r.bytes, 0);
    console.log(
      `${'cli: incremental, nothing new'.padEnd(34)} ${String(Math.round(cliInc.ms)).padStart(6)} ms  exit ${cliInc.value}  ${server.log.length} requests  ${(incBytes / 1024).toFixed(1)} KiB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("(the server runs in the same process: its posts are part of the start RSS; fake-indexeddb is slower than a browser's IndexedDB)");
} finally {
  await server.close();
}
