// Shared by the sync tests: a fresh fake IndexedDB, an instant clock, a sync against the local server.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { closeDb, openDb } from '../../src/db/index.ts';
import { readAllPapers } from '../../src/db/paper-rows.ts';
import type { Clock } from '../../src/sync/clock.ts';
import { idbSyncStore } from '../../src/sync/idb-store.ts';
import { parseRawPost } from '../../src/sync/parse-post.ts';
import { runSync, type SyncOptions } from '../../src/sync/runner.ts';
import type { SyncStore } from '../../src/sync/store.ts';
import type { SourceConfig, SyncReport } from '../../src/sync/types.ts';
import type { WpServer } from '../server/wp-server.ts';

export async function freshDb(): Promise<void> {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
}

/** "Now" for tests: after the seeds' and generated posts' dates, so 6 months back covers them. */
export const NOW = Date.parse('2026-07-20T12:00:00Z');

/** A clock whose sleeps return at once (recording what was asked) and whose time only moves when told. */
export function testClock(start = NOW): Clock & { t: number; sleeps: number[] } {
  const c = {
    t: start,
    sleeps: [] as number[],
    now: () => c.t,
    random: () => 0.5,
    async sleep(ms: number, signal?: AbortSignal) {
      c.sleeps.push(ms);
      c.t += ms;
      // Yield to the event loop so sockets and timers progress.
      await new Promise((r) => setImmediate(r));
      if (signal?.aborted) throw new (await import('../../src/sync/errors.ts')).SyncAbortedError();
    },
  };
  return c;
}

export const wpSource = (server: WpServer, id = 'site'): SourceConfig => ({ id, kind: 'wordpress', url: `${server.url}/` });

export function sync(server: WpServer, extra: Partial<SyncOptions> = {}): Promise<SyncReport> {
  return runSync({
    sources: [wpSource(server)],
    store: idbSyncStore as SyncStore,
    parse: parseRawPost,
    clock: testClock(),
    http: { timeoutMs: 3000, baseDelayMs: 5, retries: 4 },
    ...extra,
  });
}

/** What the index holds, minus write timestamps; and the counters checked against real counts. */
export async function snapshot() {
  const db = await openDb();
  const digests = (await db.getAll('digests')).sort((a, b) => a.id.localeCompare(b.id));
  const papers = (await readAllPapers(db)).sort((a, b) => a.key.localeCompare(b.key));
  const counters = (await db.get('meta', 'counters')) as { digests: number; papers: number; mentions: number } | undefined;
  const real = { digests: digests.length, papers: papers.length, mentions: digests.reduce((n, d) => n + d.paperKeys.length, 0) };
  return {
    digests,
    papers,
    counters: counters ? { digests: counters.digests, papers: counters.papers, mentions: counters.mentions } : { digests: 0, papers: 0, mentions: 0 },
    real,
  };
}

/** Every paper's mentions name distinct digests, and every digest lists each paper once. */
export function duplicates(s: Awaited<ReturnType<typeof snapshot>>): string[] {
  const out: string[] = [];
  for (const p of s.papers) {
    const ids = p.mentions.map((m) => m.digestId);
    if (new Set(ids).size !== ids.length) out.push(`paper ${p.key} mentions a digest twice`);
  }
  for (const d of s.digests) if (new Set(d.paperKeys).size !== d.paperKeys.length) out.push(`digest ${d.id} lists a paper twice`);
  return out;
}

export const apiRequests = (server: WpServer) => server.log.filter((r) => r.path.includes('wp-json'));
