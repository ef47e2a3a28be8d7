import { addDigest, assignArxivId } from '../core/index/add-digest.ts';
import type { WriteReport } from '../core/index/types.ts';
import type { Digest } from '../core/digest/types.ts';
import type { ArxivId } from '../core/ids/arxiv-id.ts';
import { isQuotaError, StorageFullError } from './errors.ts';
import { TxRecordStore } from './record-store.ts';
import type { CountersRecord, DB } from './schema.ts';

export const EMPTY_COUNTERS: CountersRecord = { digests: 0, papers: 0, mentions: 0 };

/**
 * Writes one digest and all its records in one transaction, with the counters beside them, so
 * nothing on a hot path ever has to count(). A failure aborts the whole digest.
 */
export async function writeDigestTo(db: DB, digest: Digest): Promise<WriteReport> {
  const tx = db.transaction(['digests', 'papers', 'meta'], 'readwrite');
  // On failure we abort and report the cause; the abort's own rejection is expected.
  tx.done.catch(() => undefined);
  try {
    const store = new TxRecordStore(tx);
    const old = await tx.objectStore('digests').get(digest.id);
    const oldMentions = old ? old.paperKeys.length : 0;
    const report = await addDigest(store, digest);
    const meta = tx.objectStore('meta');
    const counters = ((await meta.get('counters')) as CountersRecord | undefined) ?? EMPTY_COUNTERS;
    const written = await tx.objectStore('digests').get(digest.id);
    await meta.put(
      {
        digests: counters.digests + report.digestsAdded,
        papers: counters.papers + report.papersAdded - report.papersRemoved,
        mentions: counters.mentions - oldMentions + (written?.paperKeys.length ?? 0),
        updated: new Date().toISOString(),
      } satisfies CountersRecord,
      'counters',
    );
    await tx.done;
    return report;
  } catch (e) {
    // Abort explicitly: whatever went wrong, none of this digest's records may stay.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    if (isQuotaError(e) || isQuotaError((e as { cause?: unknown })?.cause) || isQuotaError(tx.error)) throw new StorageFullError(`the digest "${digest.title}"`);
    throw e;
  }
}

export async function rememberArxivIdIn(db: DB, paperKey: string, arxivId: ArxivId): Promise<void> {
  const tx = db.transaction(['digests', 'papers', 'meta'], 'readwrite');
  const before = await tx.objectStore('papers').get(arxivId);
  const moved = await assignArxivId(new TxRecordStore(tx), paperKey, arxivId);
  if (moved && before && paperKey !== arxivId) {
    // Two records became one.
    const meta = tx.objectStore('meta');
    const c = ((await meta.get('counters')) as CountersRecord | undefined) ?? EMPTY_COUNTERS;
    await meta.put({ ...c, papers: c.papers - 1, updated: new Date().toISOString() }, 'counters');
  }
  await tx.done;
}
