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
