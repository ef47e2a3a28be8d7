import type { SourceErrorKind } from '../core/sync/report.ts';

export type { SourceErrorKind } from '../core/sync/report.ts';

export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly kind: SourceErrorKind,
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}

/** The caller stopped the sync (a "stop" button, a closing worker, a test killing it mid-run). */
export class SyncAbortedError extends Error {
  override readonly name = 'SyncAbortedError';
  constructor() {
    super('the sync was stopped');
  }
}

export function isAbort(e: unknown): boolean {
  return e instanceof SyncAbortedError;
}
