/** Sources, progress and the report: plain data, so it can cross to the popup and options page. */
import type { SourceErrorKind } from './errors.ts';

export type SourceKind = 'wordpress' | 'feed' | 'static';

export interface SourceConfig {
  /** Stable key for its sync state (the default source is 'scipapermill'). */
  readonly id: string;
  /** 'auto' decides from the address and what it answers (the command-line tool's `--source`). */
  readonly kind: SourceKind | 'auto';
  /** A site (WordPress), a feed address, or a static index (its `index.json` or directory). */
  readonly url: string;
}

export interface SyncProgress {
  readonly sourceId: string;
  readonly url: string;
  readonly phase: 'reparse' | 'discover' | 'list' | 'fetch' | 'done';
  /** Posts (or static-index digests) handled so far, of `total` in this phase. */
  readonly done: number;
  readonly total: number;
}

export interface SourceReport {
  readonly id: string;
  readonly url: string;
  kind?: SourceKind;
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
  filtered: number;
  /** Why the source stopped early; what it committed before stays. */
  error?: { kind: SourceErrorKind | 'storage' | 'other'; message: string };
  /** Something the reader should know (a feed holds only the latest posts). */
  note?: string;
}

export interface PostFailure {
  readonly key: string;
  readonly url: string;
  readonly title: string;
  readonly reason: string;
}

export interface SyncReport {
  /** ok: every source synced; partial: some failed; failed: none did; busy: another sync runs. */
  status: 'ok' | 'partial' | 'failed' | 'busy' | 'aborted';
  readonly started: string;
  finished?: string;
  /** New digests. */
  added: number;
  /** Digests replaced by an edited post or a newer parser. */
  updated: number;
  /** Posts that failed to parse in this run (recorded, not retried until the parser changes). */
  failed: number;
  filtered: number;
  /** Stored posts re-parsed locally because the parser version rose. */
  reparsed: number;
  requests: number;
  bytes: number;
  retries: number;
  sources: SourceReport[];
  failures: PostFailure[];
  /** The topics kept in this run (empty: all), so the next run knows when they widened. */
  topics?: string[];
  error?: string;
}

export function emptyReport(now: number): SyncReport {
  return {
    status: 'ok',
    started: new Date(now).toISOString(),
    added: 0,
    updated: 0,
    failed: 0,
    filtered: 0,
    reparsed: 0,
    requests: 0,
    bytes: 0,
    retries: 0,
    sources: [],
    failures: [],
  };
}
