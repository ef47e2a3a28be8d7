/** Why a source could not be synced, said so a reader (options page) or a CLI user can act on it. */
export type SourceErrorKind = 'network' | 'timeout' | 'http' | 'rate-limited' | 'not-json' | 'bad-json' | 'not-found' | 'format';

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
