import { digestDoc, paperDoc, type SearchDoc } from '../core/search/document.ts';
import { compareHits, linearSearch, type SearchHit } from '../core/search/match.ts';
import { isEmptyQuery, type SearchQuery } from '../core/search/query.ts';
import type { CountersRecord, DB } from './schema.ts';

/**
 * Search over the stored records: documents are built once per index version (the counters'
 * `updated` stamp) and kept in memory by the context that searches, so a keystroke costs a scan of
 * prepared documents, not a database read.
 */
let cache: { stamp: string; docs: SearchDoc[] } | undefined;

async function documents(db: DB): Promise<SearchDoc[]> {
  const counters = (await db.get('meta', 'counters')) as CountersRecord | undefined;
  const stamp = counters?.updated ?? '';
  if (cache?.stamp === stamp) return cache.docs;
  const tx = db.transaction(['papers', 'digests']);
  const [papers, digests] = await Promise.all([tx.objectStore('papers').getAll(), tx.objectStore('digests').getAll()]);
  cache = { stamp, docs: [...papers.map(paperDoc), ...digests.map(digestDoc)] };
  return cache.docs;
}

export async function searchIn(db: DB, query: SearchQuery, limit = 50): Promise<SearchHit[]> {
  const docs = await documents(db);
  if (isEmptyQuery(query)) return [];
  return linearSearch(docs, query, limit).sort(compareHits);
}

export function forgetSearchCache(): void {
  cache = undefined;
}
