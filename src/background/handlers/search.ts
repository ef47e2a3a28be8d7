import { arxivAbsUrl, type ArxivId } from '../../core/ids/arxiv-id.ts';
import { parseQuery } from '../../core/search/query.ts';
import { openDb } from '../../db/index.ts';
import { searchIn } from '../../db/search.ts';
import type { SearchResult } from '../../messages.ts';
import type { Handler } from '../router.ts';

const MAX_LIMIT = 100;

/** Popup → background: ranked papers and digests for what the reader typed. */
export const search: Handler<'search'> = {
  from: 'extension',
  async handle(req) {
    const started = performance.now();
    if (typeof req?.query !== 'string') throw new Error('search: no query');
    const limit = Math.min(Math.max(Number(req.limit) || 30, 1), MAX_LIMIT);
    const db = await openDb();
    const hits = await searchIn(db, parseQuery(req.query), limit);
    const results = hits.map(({ doc, matched }): SearchResult => {
      // A paper opens its arXiv page, or without an id the digest that names it; a digest itself.
      const href = doc.arxivId ? arxivAbsUrl(doc.arxivId as ArxivId) : doc.url;
      return {
        kind: doc.kind,
        key: doc.key,
        title: doc.title,
        ...(doc.name ? { name: doc.name } : {}),
        ...(doc.arxivId ? { arxivId: doc.arxivId } : {}),
        topic: doc.topics[0] ?? '',
        date: doc.date,
        hasCode: doc.hasCode,
        ...(href ? { href } : {}),
        matched,
      };
    });
    return { results, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  },
};
