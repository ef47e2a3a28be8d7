import { type ArxivId, arxivAbsUrl } from '../../core/ids/arxiv-id.ts';
import type { SearchResult } from '../../core/search/answer.ts';
import { queryNotes } from '../../core/search/query.ts';
import { answerSearch } from '../../db/index.ts';
import type { Handler } from '../router.ts';

// "Show more" asks again for more; past this the reader refines the query.
const MAX_LIMIT = 1000;

/** Popup → background: ranked papers and digests for what the reader typed or pasted. */
export const search: Handler<'search'> = {
  from: 'extension',
  async handle(req) {
    const started = performance.now();
    if (typeof req?.query !== 'string') throw new Error('search: no query');
    const limit = Math.min(Math.max(Number(req.limit) || 30, 1), MAX_LIMIT);
    const answer = await answerSearch(req.query, limit);
    const results = answer.hits.map(({ hit: { doc, matched }, why, pasted }): SearchResult => {
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
        ...(why ? { why } : {}),
        ...(pasted ? { pasted } : {}),
      };
    });
    const notes = queryNotes(req.query);
    return {
      results,
      total: answer.total,
      exact: answer.exact,
      ...(answer.reference ? { reference: answer.reference } : {}),
      ...(notes.length ? { notes } : {}),
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  },
};
