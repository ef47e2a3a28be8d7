/**
 * What sync reports as plain data: its sources, progress, report and status. Sync fills them in;
 * the pages show them; the message contract carries them.
 */
import type { SyncSettings } from '../settings.ts';

export type SourceKind = 'wordpress' | 'feed' | 'static';

export interface SourceConfig {
  /** Stable key for its sync state (the default source is 'scipapermill'). */
  readonly id: string;
  /** 'auto' decides from the address and what it answers (the command-line tool's `--source`). */
  readonly kind: SourceKind | 'auto';
  /** A site (WordPress), a feed address, or a static index (its `index.json` or directory). */
  readonly url: string;
}

/** Why a source could not be synced, said so a reader (options page) or a CLI user can act on it. */
export type SourceErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'rate-limited'
  | 'not-json'
  | 'bad-json'
  | 'not-found'
  | 'format'
  /** A response larger than the limit: stopped reading, not retried. */
  | 'too-large'
  /** A redirect to a site the reader did not grant: not followed. */
  | 'redirect'
  /** The source asked for more than any real archive needs (pages, posts, time): stopped. */
  | 'limit';

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

/** A parse failure recorded by sync, as options lists it. */
export interface SyncFailure {
  readonly url: string;
  readonly title: string;
  readonly reason: string;
  readonly at: string;
}

/** What the popup, options and first-run pages show of sync. */
export interface SyncStatus {
  readonly settings: SyncSettings;
  /** Set while a sync runs in the background. */
  readonly running?: { readonly started: string; readonly progress?: SyncProgress };
  readonly last?: SyncReport;
  readonly failures: readonly SyncFailure[];
  /** Source ids whose host the reader has not granted access to. */
  readonly noAccess: readonly string[];
  /** When the next scheduled sync is due (ISO), once consented. */
  readonly nextAlarm?: string;
  /** What retention dropped after the last sync. */
  readonly retention?: { readonly at: string; readonly cutoff: string; readonly dropped: number };
}

/** The answer to "Sync now": started, or why not. */
export interface SyncStart {
  readonly status: 'started' | 'busy' | 'needs-consent';
  readonly message: string;
}
