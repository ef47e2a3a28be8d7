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
    // Papers without an arXiv id open their newest digest: its address is on the record only.
    const needDigest = hits.filter((h) => h.doc.kind === 'paper' && !h.doc.arxivId).map((h) => h.doc.key);
    const tx = db.transaction('papers');
    const records = new Map((await Promise.all(needDigest.map((k) => tx.store.get(k)))).map((p, i) => [needDigest[i]!, p]));
    const results = hits.map(({ doc, matched }): SearchResult => {
      const href = doc.arxivId ? arxivAbsUrl(doc.arxivId as ArxivId) : doc.kind === 'digest' ? doc.url : records.get(doc.key)?.mentions[0]?.digestUrl;
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
