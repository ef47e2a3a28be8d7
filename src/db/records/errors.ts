/** The browser refused to store more: shown to the reader; the transaction was aborted, nothing half-written. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(what: string) {
    super(`Not enough storage to save ${what}. Free some disk space or remove old digests in Options; nothing was half-written.`);
  }
}

export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/**
 * After a write failed: aborts `tx` (unless it already ended) so nothing half-written stays, and
 * gives what to throw — StorageFullError, naming `what`, when the disk was full.
 */
export function failedWrite(tx: { abort(): void; readonly error: DOMException | null }, e: unknown, what: string): unknown {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
  return isQuotaError(e) || isQuotaError((e as { cause?: unknown } | null)?.cause) || isQuotaError(tx.error) ? new StorageFullError(what) : e;
}
