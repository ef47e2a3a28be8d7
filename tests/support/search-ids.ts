/**
 * The invariant between records and search documents (docs/search.md): every record carries the id
 * of the one live document made from it, and every other stored document is void.
 */

import { decodePaper, headersOf } from '../../src/core/index/paper-codec.ts';
import { storedDigestDoc, storedPaperDoc } from '../../src/core/search/document.ts';
import { unpackIds } from '../../src/core/search/postings-codec.ts';
import type { DB } from '../../src/db/schema.ts';
import { digestRef, paperRef, VOID_TERM } from '../../src/db/search/index.ts';

/** What breaks the invariant (empty: it holds). */
export async function searchIdProblems(db: DB): Promise<string[]> {
  const tx = db.transaction(['papers', 'digests', 'docPages', 'postings', 'pending']);
  const [rows, digests, pages, merged, pending] = await Promise.all([
    tx.objectStore('papers').getAll(),
    tx.objectStore('digests').getAll(),
    tx.objectStore('docPages').getAll(),
    tx.objectStore('postings').getAll(IDBKeyRange.bound([VOID_TERM, 0], [VOID_TERM, Infinity])),
    tx.objectStore('pending').getAll(),
  ]);
  const headers = headersOf(digests);
  const papers = rows.map((r) => decodePaper(r, headers));
  const docs = pages.flat();
  const byId = new Map(docs.map((d) => [d.id, d]));
  const voids = new Set([...unpackIds(merged), ...pending.flatMap((r) => [...r.voided])]);
  const problems: string[] = [];
  const records = [
    ...papers.map((p) => ({ ref: paperRef(p.key), id: p.searchId, doc: storedPaperDoc(p) })),
    ...digests.map((d) => ({ ref: digestRef(d.id), id: d.searchId, doc: storedDigestDoc(d) })),
  ];
  const named = new Set<number>();
  for (const r of records) {
    const row = r.id === undefined ? undefined : byId.get(r.id);
    if (!row) problems.push(`${r.ref}: no document under its search id ${String(r.id)}`);
    else if (row.ref !== r.ref) problems.push(`${r.ref}: its search id ${String(r.id)} holds ${row.ref}`);
    // Rows written since version 9 keep no document: the record makes it.
    else if (row.doc !== undefined && JSON.stringify(row.doc) !== JSON.stringify(r.doc)) problems.push(`${r.ref}: its document is not what the record makes`);
    if (r.id !== undefined) named.add(r.id);
  }
  for (const d of docs) if (!named.has(d.id) && !voids.has(d.id)) problems.push(`document ${d.id} (${d.ref}) is no record's and not void`);
  for (const [start, page] of pages.map((p) => [p[0]!.id, p] as const)) {
    if (page.some((d, i) => d.id !== start + i)) problems.push(`page ${start}: ids not consecutive`);
    if (Math.floor(start / 8) !== Math.floor(page.at(-1)!.id / 8)) problems.push(`page ${start}: spans a multiple of 8`);
  }
  return problems;
}
