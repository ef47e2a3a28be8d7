import { type ArxivId, parseArxivDoi, parseArxivId, parseGithubUrl } from '../ids/index.ts';
import { trimUrlEnd } from './text-links.ts';
import type { CodeLink } from './types.ts';

export type LinkClass =
  | { readonly kind: 'arxiv'; readonly id: ArxivId }
  | { readonly kind: 'code'; readonly link: CodeLink }
  | { readonly kind: 'doi' }
  | { readonly kind: 'other' };

const ARXIV_HOSTS = new Set([
  'arxiv.org',
  'www.arxiv.org',
  'export.arxiv.org',
  'ar5iv.labs.arxiv.org',
  'ar5iv.org',
  'www.ar5iv.org',
  'alphaxiv.org',
  'www.alphaxiv.org',
]);
const ARXIV_PREFIXES = new Set(['abs', 'pdf', 'html', 'format', 'src', 'e-print', 'overview']);
// Forges: a link there is code whatever the sentence says.
const FORGES = new Set([
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'gitee.com',
  'huggingface.co',
  'sourceforge.net',
  'git.sr.ht',
  'anonymous.4open.science',
  'kaggle.com',
  'www.kaggle.com',
  'zenodo.org',
]);
// Words just before a link on another host that make it the paper's code or project site.
const CODE_CONTEXT =
  /\b(?:code|codes|repository|repo|project page|project site|project website|website|homepage|available at|available on|available from|implementation|library|toolkit|package|github|demo|source)\b[^.;]{0,30}$/i;
const CODE_TEXT = /^(?:code|github|gitlab|repo|repository|project(?: page| site| website)?|website|homepage|demo|source(?: code)?|implementation)$/i;

function parse(href: string): URL | undefined {
  const cleaned = trimUrlEnd(href.trim());
  try {
    const url = new URL(/^[a-z][\w+.-]*:/i.test(cleaned) ? cleaned : `https://${cleaned}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function arxivFromUrl(url: URL): ArxivId | undefined {
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter((p) => p !== '');
  if (ARXIV_HOSTS.has(host)) {
    const id = url.searchParams.get('id');
    if (parts[0] === 'abs' && id) return parseArxivId(id)?.id;
    // /ftp/arxiv/papers/1110/1110.2832.pdf and /ftp/cond-mat/papers/0408/0408502.pdf
    if (parts[0] === 'ftp' && parts.length >= 5) {
      const file = parts.at(-1)!;
      return parseArxivId(parts[1] === 'arxiv' ? file : `${parts[1]}/${file}`)?.id;
    }
    if (!ARXIV_PREFIXES.has(parts[0] ?? '')) return undefined;
    return parseArxivId(parts.slice(1, 3).join('/'))?.id ?? parseArxivId(parts[1] ?? '')?.id;
  }
  if ((host === 'huggingface.co' || host === 'www.huggingface.co') && parts[0] === 'papers') return parseArxivId(parts[1] ?? '')?.id;
  if ((host === 'scirate.com' || host === 'www.scirate.com') && parts[0] === 'arxiv') return parseArxivId(parts.slice(1).join('/'))?.id;
  if (host === 'doi.org' || host === 'dx.doi.org') return parseArxivDoi(url.pathname.slice(1))?.id;
  return undefined;
}

function stripSlash(path: string): string {
  return path.replace(/\/+$/, '');
}

function githubLink(url: URL): CodeLink | undefined {
  const ref = parseGithubUrl(url);
  if (!ref) return undefined;
  if (ref.kind === 'github-org') return { url: `https://github.com/${ref.owner}`, kind: 'org', github: ref.key };
  // Keep a folder of a monorepo (`/tree/main/models/x`), not `.git`, a query, a trailing slash
  // or a bare `/tree/main`, which is the repository itself.
  const rest = url.pathname
    .split('/')
    .filter((p) => p !== '')
    .slice(2);
  const deep = rest.length > 2 || (rest.length > 0 && rest[0] !== 'tree' && rest[0] !== 'blob');
  const tail = deep ? `/${rest.join('/')}` : '';
  return { url: `https://github.com/${ref.owner}/${ref.repo}${tail}`, kind: 'repo', github: ref.key };
}

/**
 * What a link in a post points at. arXiv (any mirror or the arXiv DOI) gives an id and is never
 * code; other DOIs are never code; forges are code; any other site is code only when the text
 * around it says so ("Code:", "available at", link text "Project page").
 */
export function classifyLink(href: string, textBefore = '', linkText = ''): LinkClass {
  const url = parse(href);
  if (!url) return { kind: 'other' };
  const arxiv = arxivFromUrl(url);
  if (arxiv) return { kind: 'arxiv', id: arxiv };
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  // "https://archive" (seen in a real post) and other dotless hosts lead nowhere.
  if (!host.includes('.')) return { kind: 'other' };
  if (host === 'doi.org' || host === 'dx.doi.org' || /^10\.\d{4,}\//.test(url.pathname.slice(1))) return { kind: 'doi' };
  if (ARXIV_HOSTS.has(host) || host.endsWith('.arxiv.org')) return { kind: 'other' };
  if (host === 'github.com') {
    const link = githubLink(url);
    return link ? { kind: 'code', link } : { kind: 'other' };
  }
  const path = stripSlash(url.pathname.replace(/\.git$/i, ''));
  const clean = `${url.protocol}//${url.host}${path}`;
  if (FORGES.has(host) || FORGES.has(url.hostname.toLowerCase())) {
    const segments = path.split('/').filter((p) => p !== '');
    return { kind: 'code', link: { url: clean, kind: segments.length >= 2 ? 'repo' : segments.length === 1 ? 'org' : 'site' } };
  }
  if (host.endsWith('.github.io') || CODE_CONTEXT.test(textBefore) || CODE_TEXT.test(linkText.trim())) {
    return { kind: 'code', link: { url: clean, kind: 'site' } };
  }
  return { kind: 'other' };
}

export function codeLinkKey(link: CodeLink): string {
  return link.url.toLowerCase().replace(/^https?:\/\//, '');
}
