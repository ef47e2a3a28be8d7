import { decodePaper, headersOf } from '../../core/index/paper-codec.ts';
import { digestDoc, paperDoc, type SearchDoc } from '../../core/search/document.ts';
import { indexSearchPage, indexSearchWithoutTypos, looksForTypos } from '../../core/search/index-search.ts';
import { linearSearch, linearSearchPage, type SearchHit, type SearchPage } from '../../core/search/match.ts';
import { isEmptyQuery, type SearchQuery } from '../../core/search/query.ts';
import type { CountersRecord, DB, SearchStateRecord } from '../schema.ts';
import { forgetVocabulary, IndexMoved, keepsWholeVocabulary, openIndexReader } from './reader.ts';
import { rebuildSearchIndex } from './rebuild.ts';
import { agrees } from './stamps.ts';

/**
 * Search over the stored records through the inverted index (docs/search.md): a query reads the
 * postings of its terms, never the whole index. When the index does not agree with the records
 * (its stamp differs from the counters'), it is rebuilt in the background and this context answers
 * from the records themselves meanwhile, so search and records never disagree.
 */
export async function searchIn(db: DB, query: SearchQuery, limit = 50): Promise<SearchHit[]> {
  return [...(await searchPageIn(db, query, limit)).hits];
}

/** A reader that may not answer from the records (an extension page): the index does not agree with them. */
export class IndexNotCurrent extends Error {
  override name = 'IndexNotCurrent';
}

/**
 * The best `limit` results and how many match in all (the popup's count and "show more").
 * `fromRecords: false` (a page reading the index itself): throws IndexNotCurrent instead of
 * scanning the records and starting a rebuild, which are the worker's to do.
 */
export async function searchPageIn(db: DB, query: SearchQuery, limit = 50, { fromRecords = true }: { fromRecords?: boolean } = {}): Promise<SearchPage> {
  if (isEmptyQuery(query)) return { hits: [], total: 0, exact: true };
  // A merge landing between a query's reads moves `main`: the query reads again (a merge is rare).
  for (let attempt = 0; ; attempt++) {
    // A word's typos may be in any of many vocabulary rows (every row, for a word with two), which
    // a fresh context (a popup, a worker just started) has not read: first the answer without
    // typos, when none can change it; else the rows, read by the same reader (in its transaction
    // while it is active). A context that holds the whole vocabulary looks for typos at once.
    const withoutTypos = looksForTypos(query) && !keepsWholeVocabulary(db);
    const reader = await openIndexReader(db);
    if (!reader) break;
    try {
      const page = withoutTypos ? await indexSearchWithoutTypos(reader, query, limit) : undefined;
      return page ?? (await indexSearchPage(reader, query, limit));
    } catch (e) {
      if (!(e instanceof IndexMoved) || attempt >= 3) throw e;
    }
  }
  if (!fromRecords) throw new IndexNotCurrent('The search index does not agree with the records yet.');
  void rebuildSearchIndex(db).catch((e: unknown) => console.error('Digest Lens: search index rebuild failed', e));
  return linearSearchPage(await documents(db), query, limit);
}

/** Reads what any query first needs (the index's state, pending rows, void ids), so the first query need not. */
export async function prepareSearchIn(db: DB): Promise<void> {
  await openIndexReader(db);
}

export async function indexState(db: DB): Promise<{ fresh: boolean; record?: SearchStateRecord }> {
  const tx = db.transaction('meta');
  const [record, counters] = await Promise.all([
    tx.store.get('search') as Promise<SearchStateRecord | undefined>,
    tx.store.get('counters') as Promise<CountersRecord | undefined>,
  ]);
  return { fresh: agrees(record, counters), ...(record ? { record } : {}) };
}

/** Resolves once the index agrees with the records (rebuilding it if needed). */
export async function searchIndexReady(db: DB): Promise<void> {
  while (!(await indexState(db)).fresh) await rebuildSearchIndex(db);
}

// The fallback: documents built once per index version and kept by the context that searches.
let cache: { stamp: string; docs: SearchDoc[] } | undefined;

async function documents(db: DB): Promise<SearchDoc[]> {
  const counters = (await db.get('meta', 'counters')) as CountersRecord | undefined;
  const stamp = counters?.updated ?? '';
  if (cache?.stamp === stamp) return cache.docs;
  const tx = db.transaction(['papers', 'digests']);
  const [papers, digests] = await Promise.all([tx.objectStore('papers').getAll(), tx.objectStore('digests').getAll()]);
  const headers = headersOf(digests);
  cache = { stamp, docs: [...papers.map((p) => paperDoc(decodePaper(p, headers))), ...digests.map(digestDoc)] };
  return cache.docs;
}

/** The linear scan over every stored record: the fallback, and the benchmark's baseline. */
export async function linearSearchIn(db: DB, query: SearchQuery, limit = 50): Promise<SearchHit[]> {
  if (isEmptyQuery(query)) return [];
  return linearSearch(await documents(db), query, limit);
}

export function forgetSearchCache(): void {
  cache = undefined;
  forgetVocabulary();
}
