/**
 * Importing one parsed digest (a file the reader chose): written like any digest, in its own
 * transaction, but when the result equals what was stored the transaction is aborted, so importing
 * the same file again changes nothing at all — not even the counters' `updated` stamp.
 */
import type { Digest } from '../../core/digest/types.ts';
import type { DigestRecord, PaperRecord } from '../../core/index/types.ts';
import { readPaper } from '../paper-rows.ts';
import type { DB } from '../schema.ts';
import { mergeSoon } from '../search/index.ts';
import type { RecordTx } from '../tx.ts';
import { failedWrite } from './errors.ts';
import { sameValue } from './same-value.ts';
import { putDigestInTx, RECORD_STORES } from './write.ts';

export type ImportResult = 'added' | 'updated' | 'unchanged';

interface Snapshot {
  readonly digest?: DigestRecord;
  readonly papers: ReadonlyMap<string, PaperRecord | undefined>;
}

async function snapshot(tx: RecordTx, id: string, extraKeys: readonly string[] = []): Promise<Snapshot> {
  const digest = await tx.objectStore('digests').get(id);
  const keys = [...new Set([...(digest?.paperKeys ?? []), ...extraKeys])];
  const papers = await Promise.all(keys.map((k) => readPaper(tx.objectStore('papers'), k)));
  return { ...(digest ? { digest } : {}), papers: new Map(keys.map((k, i) => [k, papers[i]])) };
}

// Unchanged: the same digest record, and every paper the write touched is as it was before.
function unchanged(before: Snapshot, after: Snapshot): boolean {
  if (!before.digest || !sameValue(before.digest, after.digest)) return false;
  for (const [key, paper] of after.papers) {
    if (!before.papers.has(key) || !sameValue(before.papers.get(key), paper)) return false;
  }
  return true;
}

export async function importDigestTo(db: DB, digest: Digest): Promise<ImportResult> {
  const tx = db.transaction(RECORD_STORES, 'readwrite');
  // An abort (ours, or a failure's) rejects `done`; the outcome is reported below instead.
  tx.done.catch(() => undefined);
  try {
    const before = await snapshot(tx, digest.id);
    const { report, search } = await putDigestInTx(tx, digest);
    // A better version of the same post is held (another route's copy): nothing of this one is written.
    if (report.heldAs && !report.learnt && (report.replaced ?? []).length === 0) {
      tx.abort();
      return 'unchanged';
    }
    const after = await snapshot(tx, digest.id, report.touched);
    if (unchanged(before, after)) {
      tx.abort();
      return 'unchanged';
    }
    await tx.done;
    void mergeSoon(db, search);
    return before.digest || report.heldAs || report.digestsAdded < 1 ? 'updated' : 'added';
  } catch (e) {
    // Whatever went wrong, none of it may stay.
    throw failedWrite(tx, e, `the digest "${digest.title}"`);
  }
}
