/** Sources, progress and the report: plain data (declared in core), so it can cross to the popup and options page. */
import type { SyncReport } from '../core/sync/report.ts';

export type { PostFailure, SourceConfig, SourceKind, SourceReport, SyncProgress, SyncReport } from '../core/sync/report.ts';

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
