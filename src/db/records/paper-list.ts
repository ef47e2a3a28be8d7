import type { PaperRecord } from '../../core/index/types.ts';
import { parseQuery } from '../../core/search/query.ts';
import { readPaper } from '../paper-rows.ts';
import type { DB } from '../schema.ts';
import { searchIn } from '../search/index.ts';

export type Selection = { readonly query: string } | { readonly digestId: string; readonly theme?: number };

// A reading list longer than this is not a list anyone reads; the search's own cap.
const MAX_PAPERS = 500;

/** The papers of a search (in rank order) or of a digest's theme (in the digest's order). */
export async function papersFor(db: DB, selection: Selection): Promise<{ heading: string; papers: PaperRecord[] }> {
  if ('query' in selection) {
    const hits = await searchIn(db, parseQuery(selection.query), MAX_PAPERS);
    const keys = hits.filter((h) => h.doc.kind === 'paper').map((h) => h.doc.key);
    return { heading: `Papers matching ${selection.query.trim()}`, papers: await getPapers(db, keys) };
  }
  const digest = await db.get('digests', selection.digestId);
  if (!digest) throw new Error('That digest is no longer in the index.');
  const theme = selection.theme !== undefined ? digest.themes[selection.theme] : undefined;
  if (selection.theme !== undefined && !theme) throw new Error('That theme is not in the digest.');
  const heading = theme ? `${digest.title}: ${theme.title}` : digest.title;
  return { heading, papers: await getPapers(db, theme ? theme.paperKeys : digest.paperKeys) };
}

async function getPapers(db: DB, keys: readonly string[]): Promise<PaperRecord[]> {
  const papers = db.transaction(['papers', 'digests']).objectStore('papers');
  const found = await Promise.all(keys.map((k) => readPaper(papers, k)));
  return found.filter((p): p is PaperRecord => p !== undefined);
}
