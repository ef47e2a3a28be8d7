/** One entry point for a tab: address plus the page's meta tags → what paper or repository it shows. */
import { type ArxivRef, parseArxivId } from '../ids/arxiv-id.ts';
import { type GithubOrgRef, type GithubRepoRef, parseGithubUrl, parseRepoSlug } from '../ids/github-repo.ts';
import { titleKey } from '../ids/title-key.ts';
import { arxivSectionKind, detectArxivPage } from './arxiv.ts';
import { isGithubHost } from './github.ts';
import { detectMirrorUrl, isMirrorPaperPath } from './mirrors.ts';
import type { Detection, PageKind, PageMeta } from './types.ts';
import { toUrl } from './url-parts.ts';

export function detectPaper(input: string | URL, meta?: PageMeta): Detection | undefined {
  const url = toUrl(input);
  if (!url) return undefined;
  const found = detectAddress(url, meta);
  const title = metaText(meta?.citation_title);
  if (found) return found.ref.kind === 'arxiv' && title ? { ...found, title } : found;
  // A paper page whose address carries no usable id (a future id form, a proxy) can still be
  // matched by its title.
  if (title && isPaperPath(url)) {
    const key = titleKey(title);
    if (key) return { ref: { kind: 'title', title, key }, pageKind: fallbackKind(url), title };
  }
  return undefined;
}

function detectAddress(url: URL, meta: PageMeta | undefined): Detection | undefined {
  if (isGithubHost(url)) return detectGithub(url, meta);
  const fromUrl = detectArxivAddress(url);
  const metaId = parseArxivId(metaText(meta?.citation_arxiv_id) ?? '');
  // citation_arxiv_id is arXiv's own statement about the page; keep the URL's ref only when it
  // names the same paper, because the URL may carry a version and the meta tag never does.
  if (metaId) {
    const ref = fromUrl?.ref.kind === 'arxiv' && fromUrl.ref.id === metaId.id ? fromUrl.ref : metaId;
    return { ref, pageKind: fromUrl?.pageKind ?? fallbackKind(url) };
  }
  if (fromUrl) return fromUrl;
  const ogUrl = toUrl(metaText(meta?.['og:url']) ?? '');
  if (!ogUrl) return undefined;
  return isGithubHost(ogUrl) ? detectGithub(ogUrl, undefined) : detectArxivAddress(ogUrl);
}

function detectArxivAddress(url: URL): (Detection & { ref: ArxivRef }) | undefined {
  const page = detectArxivPage(url);
  if (page) return page;
  const ref = detectMirrorUrl(url);
  return ref && { ref, pageKind: 'mirror' };
}

function detectGithub(url: URL, meta: PageMeta | undefined): Detection | undefined {
  const ref = parseGithubUrl(url);
  if (!ref) return undefined;
  return { ref: displayCase(ref, meta), pageKind: ref.kind === 'github-repo' ? 'repo' : 'org' };
}

// Addresses are often typed in lower case; the page's own meta tags spell the name as its owner does.
function displayCase<T extends GithubRepoRef | GithubOrgRef>(ref: T, meta: PageMeta | undefined): T {
  const nwo = metaText(meta?.['octolytics-dimension-repository_nwo']);
  const og = metaText(meta?.['og:url']);
  const candidates = [nwo === undefined ? undefined : parseRepoSlug(nwo), og === undefined ? undefined : parseGithubUrl(og)];
  const same = candidates.find((c) => c?.kind === ref.kind && c.key === ref.key);
  return (same as T | undefined) ?? ref;
}

function isPaperPath(url: URL): boolean {
  return arxivSectionKind(url) !== undefined || isMirrorPaperPath(url);
}

function fallbackKind(url: URL): PageKind {
  return arxivSectionKind(url) ?? (isMirrorPaperPath(url) ? 'mirror' : 'other');
}

// Meta values come from the page: tolerate non-strings and stray whitespace.
function metaText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : undefined;
}
