import { toBibtex } from '../../core/export/bibtex.ts';
import { toMarkdown } from '../../core/export/markdown.ts';
import { papersOf, type Selection } from '../../db/index.ts';
import type { Handler } from '../router.ts';

function selection(v: unknown): Selection {
  const s = v as Record<string, unknown> | null;
  if (typeof s?.query === 'string' && s.query.trim()) return { query: s.query.slice(0, 500) };
  if (typeof s?.digestId === 'string') return { digestId: s.digestId, ...(typeof s.theme === 'number' ? { theme: s.theme } : {}) };
  throw new Error('exportPapers: say which papers (a query, or a digest and theme)');
}

/** Options → background: a search result's or a theme's papers as BibTeX or Markdown text. */
export const exportPapers: Handler<'exportPapers'> = {
  from: 'extension',
  async handle(req) {
    const { heading, papers } = await papersOf(selection(req?.selection));
    const text = req.format === 'bibtex' ? toBibtex(papers) : toMarkdown(heading, papers);
    return { heading, count: papers.length, text };
  },
};
