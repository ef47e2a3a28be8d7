/**
 * The invariant between records and search documents (docs/search.md): every record carries the id
 * of the one live document made from it, and every stored document is its record's.
 */
import type { DB } from '../../src/db/schema.ts';
import { digestDoc, paperDoc } from '../../src/core/search/document.ts';
import { digestRef, paperRef } from '../../src/db/search-write.ts';

/** What breaks the invariant (empty: it holds). */
export async function searchIdProblems(db: DB): Promise<string[]> {
  const tx = db.transaction(['papers', 'digests', 'searchDocs']);
  const [papers, digests, docs] = await Promise.all([tx.objectStore('papers').getAll(), tx.objectStore('digests').getAll(), tx.objectStore('searchDocs').getAll()]);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const problems: string[] = [];
  const records = [...papers.map((p) => ({ ref: paperRef(p.key), id: p.searchId, doc: paperDoc(p) })), ...digests.map((d) => ({ ref: digestRef(d.id), id: d.searchId, doc: digestDoc(d) }))];
  const named = new Set<number>();
  for (const r of records) {
    const row = r.id === undefined ? undefined : byId.get(r.id);
    if (!row) problems.push(`${r.ref}: no document under its search id ${String(r.id)}`);
    else if (row.ref !== r.ref) problems.push(`${r.ref}: its search id ${String(r.id)} holds ${row.ref}`);
    else if (JSON.stringify(row.doc) !== JSON.stringify(r.doc)) problems.push(`${r.ref}: its document is not what the record makes`);
    if (r.id !== undefined) named.add(r.id);
  }
  for (const d of docs) if (!named.has(d.id)) problems.push(`document ${d.id} (${d.ref}) is no record's`);
  return problems;
}
