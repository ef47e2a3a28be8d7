import { arxivAbsUrl, type ArxivId } from '../ids/arxiv-id.ts';
import { titleKey } from '../ids/title-key.ts';
import type { PaperRecord } from '../index/types.ts';

// BibTeX's special characters; braces are balanced by escaping rather than dropped.
const escape = (s: string): string =>
  s.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[&%$#_]/g, (c) => `\\${c}`).replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');

/** Year from a new-style arXiv id (YYMM.NNNNN) or an old-style one (archive/YYMMNNN). */
function arxivYear(id: ArxivId): string {
  const yy = Number(id.includes('/') ? id.split('/')[1]!.slice(0, 2) : id.slice(0, 2));
  return String(yy >= 91 ? 1900 + yy : 2000 + yy);
}

function citeKey(p: PaperRecord, year: string, taken: Set<string>): string {
  const author = p.authors[0]?.split(/[\s,]+/).filter(Boolean).at(-1) ?? '';
  const word = titleKey(p.title ?? p.names[0] ?? '').split(' ').find((w) => w.length > 3) ?? 'paper';
  let base = `${titleKey(author).replace(/ /g, '')}${year}${word}`.replace(/[^a-z0-9]/g, '') || 'paper';
  if (/^\d/.test(base)) base = `p${base}`;
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}${String.fromCharCode(96 + Math.min(i, 26))}${i > 26 ? i : ''}`;
  taken.add(key);
  return key;
}

/** One @misc entry per paper (arXiv's own recommended form for preprints). */
export function toBibtex(papers: readonly PaperRecord[]): string {
  const taken = new Set<string>();
  return papers
    .map((p) => {
      const year = p.arxivId ? arxivYear(p.arxivId) : p.lastDate.slice(0, 4);
      const fields: [string, string][] = [['title', `{${escape(p.title ?? p.names[0] ?? p.key)}}`]];
      const realAuthors = p.authors.filter((a) => !/\b(john doe|jane smith|author (one|two|a|b))\b/i.test(a));
      if (realAuthors.length) fields.push(['author', `{${realAuthors.map(escape).join(' and ')}}`]);
      fields.push(['year', `{${year}}`]);
      if (p.arxivId) fields.push(['eprint', `{${p.arxivId}}`], ['archivePrefix', '{arXiv}'], ['url', `{${arxivAbsUrl(p.arxivId)}}`]);
      const code = p.codeUrls[0];
      if (code) fields.push(['howpublished', `{\\url{${code.url}}}`]);
      const digest = p.mentions[0];
      if (digest) fields.push(['note', `{Featured in ${escape(digest.digestTitle)} (${digest.digestDate})}`]);
      return `@misc{${citeKey(p, year, taken)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
    })
    .join('\n\n')
    .concat(papers.length ? '\n' : '');
}
