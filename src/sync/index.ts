/** Sync: sources (WordPress REST, feeds, static indexes), the runner, and the stores it writes to. */
import { idbSyncStore } from './idb-store.ts';
import { parseRawPost } from './parse-post.ts';
import { runSync, type SyncOptions } from './runner.ts';
import type { SyncReport } from './types.ts';

export { listFailures } from '../db/index.ts';
export type { Clock } from './clock.ts';
export { systemClock } from './clock.ts';
export { SourceError, SyncAbortedError } from './errors.ts';
export { Http, type HttpOptions, type HttpStats } from './http.ts';
export { idbSyncStore } from './idb-store.ts';
export { LOCK_TTL_MS } from './lock.ts';
export { MemorySyncStore } from './memory-store.ts';
export { parseRawPost } from './parse-post.ts';
export { applyRetention, retentionCutoff } from './retention.ts';
export { DEFAULT_SYNC_LIMITS, runSync, type SyncLimits, type SyncOptions, windowStart } from './runner.ts';
export { DEFAULT_SYNC_INTERVAL_MINUTES, isSyncDue, lastSyncReport, SYNC_ALARM } from './schedule.ts';
export type { SyncStore } from './store.ts';
export * from './types.ts';

/** The extension's sync: IndexedDB store, the real parser, the real network. */
export function syncExtension(options: Omit<SyncOptions, 'store' | 'parse'>): Promise<SyncReport> {
  return runSync({ ...options, store: idbSyncStore, parse: parseRawPost });
}
