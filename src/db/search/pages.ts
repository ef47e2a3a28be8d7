/**
 * Search documents stored by pages (`docPages`): the ids of consecutive documents one write made,
 * each with its ref; the document itself is made from its record (rows from before version 9 hold it).
 */
import type { DigestRecord, PaperRecord } from '../../core/index/types.ts';
import { readStoredDoc, type SearchDoc, type StoredDoc, storedDigestDoc, storedPaperDoc } from '../../core/search/document.ts';
import type { SearchDocRow } from '../schema.ts';
import { DOC_PAGE, isPaperRef, refKey } from './layout.ts';

/** The document a record makes, as stored (packed). */
export const docOf = (ref: string, r: PaperRecord | DigestRecord): StoredDoc =>
  isPaperRef(ref) ? storedPaperDoc(r as PaperRecord) : storedDigestDoc(r as DigestRecord);

/** A document as search reads it (its kind and key are the ref's) from its stored form. */
export function rowDoc(row: { readonly ref: string; readonly doc: NonNullable<SearchDocRow['doc']> }): SearchDoc {
  const { kind, key } = refKey(row.ref);
  return readStoredDoc(row.doc, kind, key);
}

/** Documents of consecutive ids (as one write makes them) cut into pages at every multiple of DOC_PAGE. */
export function docPagesOf(docs: readonly SearchDocRow[]): SearchDocRow[][] {
  const pages: SearchDocRow[][] = [];
  for (const d of docs) {
    const last = pages.at(-1);
    if (last && d.id === last.at(-1)!.id + 1 && d.id % DOC_PAGE !== 0) last.push(d);
    else pages.push([d]);
  }
  return pages;
}

/**
 * The documents of `ids` (undefined: none stored), one `getAll` per page asked for: the page
 * holding id n starts between n − n % DOC_PAGE and n.
 */
export async function readDocs(
  store: { getAll(range: IDBKeyRange): Promise<SearchDocRow[][]> },
  ids: readonly number[],
): Promise<(SearchDocRow | undefined)[]> {
  const pages = new Map<number, number>();
  for (const id of ids) {
    const start = id - (id % DOC_PAGE);
    pages.set(start, Math.max(pages.get(start) ?? id, id));
  }
  const found = new Map<number, SearchDocRow>();
  const read = await Promise.all([...pages].map(([start, last]) => store.getAll(IDBKeyRange.bound(start, last))));
  for (const rows of read) for (const row of rows) for (const d of row) found.set(d.id, d);
  return ids.map((id) => found.get(id));
}

/** The stored documents of `ids` where there is an id. */
export async function readSomeDocs(store: Parameters<typeof readDocs>[0], ids: readonly (number | undefined)[]): Promise<(SearchDocRow | undefined)[]> {
  const some = ids.filter((id): id is number => id !== undefined);
  const rows = new Map((await readDocs(store, some)).map((r, i) => [some[i]!, r]));
  return ids.map((id) => (id === undefined ? undefined : rows.get(id)));
}
