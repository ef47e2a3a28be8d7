/**
 * Paper rows written before database version 9 are whole records; the upgrade notes where packing
 * them stands (`papersToPack`) and leaves the work to this, a batch per transaction, so a large
 * store never holds the upgrade and a worker stopped midway resumes where it was. A row keeps
 * its content (and its search id): nothing a reader sees, nor the search index, changes.
 */
import { isStoredPaper } from '../../core/index/paper-codec.ts';
import { headersForWrite, writePaper } from '../paper-rows.ts';
import type { DB } from '../schema.ts';
import { RELAXED } from '../tx.ts';

const BATCH = 500;

/** Packs every row from before version 9; returns how many it packed. Safe to run again, and beside writes. */
export async function compactPapersIn(db: DB, batch = BATCH): Promise<number> {
  // A worker starts with this: a read-only look first, so a database with nothing to pack (every
  // one but those just upgraded) never holds the papers store from the first lookup.
  if ((await db.get('meta', 'papersToPack')) === undefined) return 0;
  let packed = 0;
  for (;;) {
    const tx = db.transaction(['papers', 'digests', 'meta'], 'readwrite', RELAXED);
    const meta = tx.objectStore('meta');
    const after = (await meta.get('papersToPack')) as string | undefined;
    if (after === undefined) {
      await tx.done;
      return packed;
    }
    const papers = tx.objectStore('papers');
    const rows = await papers.getAll(after === '' ? null : IDBKeyRange.lowerBound(after, true), batch);
    const old = rows.flatMap((r) => (isStoredPaper(r) ? [] : [r]));
    const headers = await headersForWrite(papers, old);
    await Promise.all([
      ...old.map((r) => writePaper(papers, r, headers)),
      rows.length < batch ? meta.delete('papersToPack') : meta.put(rows.at(-1)!.key, 'papersToPack'),
    ]);
    await tx.done;
    packed += old.length;
  }
}
