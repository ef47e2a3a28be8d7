/**
 * The sync runner: one sync at a time (a lock in storage, shared by every context), stored posts
 * re-parsed first when the parser improved, then each source in turn. Every post is committed in
 * its own transaction and cursors move only past committed posts, so stopping at any point loses
 * nothing and the next run resumes.
 */
import { PARSER_VERSION } from '../core/digest/types.ts';
import { type Clock, systemClock } from './clock.ts';
import type { CommitOptions, ParsePost } from './commit-post.ts';
import { detectSourceKind } from './detect-source.ts';
import { isAbort, SourceError } from './errors.ts';
import { syncFeed } from './feed/source.ts';
import { DEFAULT_MAX_RESPONSE_BYTES, Http, type HttpOptions } from './http.ts';
import { acquireLock, LOCK_TTL_MS, newOwnerId } from './lock.ts';
import { reparseStored } from './reparse.ts';
import { makeRun, type SourceRun } from './source-run.ts';
import { syncStaticIndex } from './static-index-source.ts';
import type { SourceSyncState, SyncStore } from './store.ts';
import { emptyReport, type SourceConfig, type SourceKind, type SourceReport, type SyncProgress, type SyncReport } from './types.ts';
import { DEFAULT_LISTING_LIMITS, type ListingLimits } from './wordpress/pages.ts';
import { syncWordPress } from './wordpress/source.ts';

export interface SyncOptions {
  readonly sources: readonly SourceConfig[];
  readonly store: SyncStore;
  /** How a raw post becomes a digest (parse-post.ts's parseRawPost in production). */
  readonly parse: ParsePost;
  /** fetch, timeouts, retries; `clock` and `signal` below are passed on. */
  readonly http?: Omit<HttpOptions, 'clock' | 'signal'>;
  readonly clock?: Clock;
  /** How far back the first sync of a source reaches: months, or 'all'. Default 6 months. */
  readonly reachBack?: number | 'all';
  /** An explicit first day (YYYY-MM-DD, UTC) instead of `reachBack`. */
  readonly since?: string;
  /** Topics to keep (matched on the digest header's topic, any case); empty or absent keeps all. */
  readonly topics?: readonly string[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: SyncProgress) => void;
  /** Who takes the lock; a fresh id by default. */
  readonly owner?: string;
  readonly lockTtlMs?: number;
  /** How long to wait for another context's sync to finish before answering 'busy'. Default 0. */
  readonly waitForLockMs?: number;
  readonly parserVersion?: number;
  /** Bounds on what a source decides the size of (pages, posts, bytes, time). */
  readonly limits?: Partial<SyncLimits>;
  /** Between posts, after yielding: waits while the extension answers a reader (a page lookup). */
  readonly pause?: () => Promise<void>;
}

export interface SyncLimits extends ListingLimits {
  /** Bytes per response. */
  readonly maxResponseBytes: number;
  /** The whole sync's time; past it, no request starts and the sources stop with a clear error. */
  readonly maxDurationMs: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = { ...DEFAULT_LISTING_LIMITS, maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES, maxDurationMs: 30 * 60_000 };

/**
 * Lets the event loop run whatever waits (a page lookup's message, above all): called between
 * posts, so a long sync never holds the background for more than one post's parse and write.
 */
export function yieldToEvents(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  // Node (the command-line tool, tests): one turn of the event loop, without a timer's millisecond.
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

const MONTH_MS = 30.44 * 24 * 3600_000;

export function windowStart(reachBack: number | 'all', now: number): number | undefined {
  return reachBack === 'all' ? undefined : now - reachBack * MONTH_MS;
}

export async function runSync(o: SyncOptions): Promise<SyncReport> {
  const clock = o.clock ?? systemClock;
  const report = emptyReport(clock.now());
  const owner = o.owner ?? newOwnerId();
  const ttlMs = o.lockTtlMs ?? LOCK_TTL_MS;
  const lock = await acquireLock(o.store, owner, clock, { ttlMs, waitMs: o.waitForLockMs ?? 0, ...(o.signal ? { signal: o.signal } : {}) });
  if (!lock.acquired) {
    report.status = 'busy';
    report.error = `another sync is running (until ${new Date(lock.holder?.expires ?? 0).toISOString()} at the latest)`;
    return report;
  }
  const limits: SyncLimits = { ...DEFAULT_SYNC_LIMITS, ...o.limits };
  const http = new Http({
    maxResponseBytes: limits.maxResponseBytes,
    ...o.http,
    clock,
    deadline: clock.now() + limits.maxDurationMs,
    ...(o.signal ? { signal: o.signal } : {}),
  });
  let lastRenew = clock.now();
  let lost = false;
  const renew = async () => {
    lastRenew = clock.now();
    if (!(await o.store.acquireLock(owner, ttlMs, lastRenew)).acquired) lost = true;
  };
  // Renewing as we go keeps a live sync's lock; a killed one stops renewing and its lock expires.
  // A timer renews it through long waits too (a Retry-After, a slow response).
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renew().catch(() => undefined);
  }, ttlMs / 4);
  const heartbeat = async () => {
    await yieldToEvents();
    await o.pause?.();
    if (!lost && clock.now() - lastRenew >= ttlMs / 4) await renew();
    if (lost) throw new Error('the sync lock was taken over by another sync (this one stalled too long)');
  };
  const commit: Omit<CommitOptions, 'now' | 'sourceId'> = {
    parserVersion: o.parserVersion ?? PARSER_VERSION,
    topics: new Set((o.topics ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean)),
    parse: o.parse,
  };
  report.topics = [...commit.topics];
  try {
    const previous = (await o.store.getLastSync()) as Partial<SyncReport> | undefined;
    const before = new Set(previous?.topics ?? []);
    // Widened: all topics now after some, or a topic that was not kept before.
    const topicsWidened = before.size > 0 && (commit.topics.size === 0 || [...commit.topics].some((t) => !before.has(t)));
    const re = await reparseStored(o.store, {
      ...commit,
      topicsWidened,
      now: clock.now(),
      ...(o.signal ? { signal: o.signal } : {}),
      onPost: async (done, total) => {
        o.onProgress?.({ sourceId: '', url: '', phase: 'reparse', done, total });
        await heartbeat();
      },
    });
    report.reparsed = re.added + re.updated + re.failed + re.filtered;
    report.added += re.added;
    report.updated += re.updated;
    report.failed += re.failed;
    report.filtered += re.filtered;

    const states = await o.store.getSyncStates();
    for (const config of o.sources) {
      const sourceReport: SourceReport = { id: config.id, url: config.url, added: 0, updated: 0, unchanged: 0, failed: 0, filtered: 0 };
      report.sources.push(sourceReport);
      const state: SourceSyncState = states[config.id] ?? {};
      const run = makeRun({
        config,
        state,
        report: sourceReport,
        total: report,
        http,
        clock,
        store: o.store,
        commit,
        heartbeat,
        windowStart: o.since ? Date.parse(`${o.since}T00:00:00Z`) : windowStart(o.reachBack ?? 6, clock.now()),
        limits,
        ...(o.signal ? { signal: o.signal } : {}),
        ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      });
      try {
        await syncSource(run);
        await run.saveState({ lastOk: new Date(clock.now()).toISOString(), lastError: undefined });
      } catch (e) {
        if (isAbort(e)) throw e;
        sourceReport.error = describe(e);
        await run.saveState({ lastError: sourceReport.error.message }).catch(() => undefined);
        // Storage is full or broken: the next source would fail the same way.
        if (!(e instanceof SourceError)) break;
      }
      run.progress('done', 0, 0);
    }
    // A feed's "only the latest posts" matters only when nothing fuller synced beside it.
    if (report.sources.some((s) => s.kind !== 'feed' && !s.error)) for (const s of report.sources) delete s.note;
    const failedSources = report.sources.filter((s) => s.error).length;
    report.status = failedSources === 0 ? 'ok' : failedSources === report.sources.length ? 'failed' : 'partial';
  } catch (e) {
    report.status = isAbort(e) ? 'aborted' : 'failed';
    report.error = (e as Error).message;
  } finally {
    clearInterval(timer);
    // A renewal in flight must not put the lock back after we release it.
    await renewing;
    Object.assign(report, {
      requests: http.stats.requests,
      bytes: http.stats.bytes,
      retries: http.stats.retries,
      finished: new Date(clock.now()).toISOString(),
    });
    if (report.status !== 'aborted') await o.store.putLastSync(report).catch(() => undefined);
    await o.store.releaseLock(owner).catch(() => undefined);
  }
  return report;
}

function describe(e: unknown): NonNullable<SourceReport['error']> {
  if (e instanceof SourceError) return { kind: e.kind, message: e.message };
  const err = e as Error;
  return { kind: err?.name === 'StorageFullError' ? 'storage' : 'other', message: err?.message ?? String(e) };
}

async function syncSource(run: SourceRun): Promise<void> {
  let kind: SourceKind | undefined = run.config.kind === 'auto' ? run.state.kind : run.config.kind;
  if (!kind) {
    kind = await detectSourceKind(run.http, run.config.url);
    await run.saveState({ kind });
  }
  run.report.kind = kind;
  if (kind === 'static') return syncStaticIndex(run);
  if (kind === 'feed') return syncFeed(run);
  try {
    return await syncWordPress(run);
  } catch (e) {
    // An 'auto' address that is no WordPress site may still have a feed.
    if (run.config.kind !== 'auto' || !(e instanceof SourceError) || e.kind !== 'not-found' || run.state.apiRoot) throw e;
    const feed = new URL('feed/', run.config.url.endsWith('/') ? run.config.url : `${run.config.url}/`).href;
    await run.saveState({ kind: 'feed' });
    run.report.kind = 'feed';
    return syncFeed({ ...run, config: { ...run.config, url: feed } });
  }
}
