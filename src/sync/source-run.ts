/** What a source implementation gets from the runner for one run. */
import type { Clock } from './clock.ts';
import { type CommitOptions, type CommitResult, commitPost } from './commit-post.ts';
import { SyncAbortedError } from './errors.ts';
import type { Http } from './http.ts';
import type { RawPost } from './raw-post.ts';
import type { SourceSyncState, SyncStore } from './store.ts';
import type { PostFailure, SourceConfig, SourceReport, SyncProgress, SyncReport } from './types.ts';
import type { ListingLimits } from './wordpress/pages.ts';

export interface SourceRun {
  readonly config: SourceConfig;
  readonly http: Http;
  readonly store: SyncStore;
  readonly clock: Clock;
  readonly report: SourceReport;
  /** Stored state at the start of the run, updated by saveState. */
  readonly state: SourceSyncState;
  /** The first sync reaches back to here (epoch ms); undefined: everything the source has. */
  readonly windowStart: number | undefined;
  readonly commitOptions: Omit<CommitOptions, 'now'>;
  /** Parses and commits one post in its own transaction; counts it; renews the lock. */
  commitPost(post: RawPost): Promise<CommitResult>;
  /**
   * Counts a post that could not be committed (not returned, not valid text) without storing
   * anything: the next run tries it again. The source keeps its cursor from passing it.
   */
  countFailed(failure: PostFailure): Promise<void>;
  /** How far a listing may go. */
  readonly limits: ListingLimits;
  /** Counts a digest written from a static index and renews the lock. */
  countDigest(added: boolean): Promise<void>;
  /** Merges the patch into the stored state; a field given as undefined is dropped. */
  saveState(patch: { readonly [K in keyof SourceSyncState]?: SourceSyncState[K] | undefined }): Promise<void>;
  progress(phase: SyncProgress['phase'], done: number, total: number): void;
  /** Throws SyncAbortedError when the caller stopped the sync: called between posts. */
  checkAbort(): void;
}

export interface RunSetup {
  readonly config: SourceConfig;
  readonly state: SourceSyncState;
  readonly report: SourceReport;
  /** The whole sync's report, which every source adds to. */
  readonly total: SyncReport;
  readonly http: Http;
  readonly clock: Clock;
  readonly store: SyncStore;
  readonly commit: Omit<CommitOptions, 'now' | 'sourceId'>;
  readonly heartbeat: () => Promise<void>;
  readonly windowStart: number | undefined;
  readonly limits: ListingLimits;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: SyncProgress) => void;
}

export function makeRun(s: RunSetup): SourceRun {
  let state = s.state;
  const { config, report, total, store } = s;
  const commitOptions = { ...s.commit, sourceId: config.id };
  return {
    config,
    http: s.http,
    store,
    clock: s.clock,
    report,
    get state() {
      return state;
    },
    windowStart: s.windowStart,
    limits: s.limits,
    commitOptions,
    async commitPost(post) {
      const { result, reason } = await commitPost(store, post, { ...commitOptions, now: s.clock.now() });
      report[result]++;
      if (result !== 'unchanged') total[result]++;
      if (result === 'failed') total.failures.push({ key: post.key, url: post.url, title: post.title, reason: reason ?? '' });
      await s.heartbeat();
      return result;
    },
    async countFailed(failure) {
      report.failed++;
      total.failed++;
      total.failures.push(failure);
      await s.heartbeat();
    },
    async countDigest(added) {
      report[added ? 'added' : 'updated']++;
      total[added ? 'added' : 'updated']++;
      await s.heartbeat();
    },
    async saveState(patch) {
      // A field set to undefined is dropped, so a stored state stays plain data.
      const next: SourceSyncState = { ...state };
      for (const k of Object.keys(patch) as (keyof SourceSyncState)[]) {
        if (patch[k] === undefined) delete next[k];
        else Object.assign(next, { [k]: patch[k] });
      }
      state = next;
      await store.putSyncState(config.id, state);
    },
    progress(phase, done, n) {
      s.onProgress?.({ sourceId: config.id, url: config.url, phase, done, total: n });
    },
    checkAbort() {
      if (s.signal?.aborted) throw new SyncAbortedError();
      s.http.checkDeadline(config.url);
    },
  };
}
