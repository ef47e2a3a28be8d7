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
