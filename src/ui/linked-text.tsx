import { parseArxivId } from '../core/ids/arxiv-id.ts';
import { parseGithubUrl } from '../core/ids/github-repo.ts';
import { ExternalLink } from './external-link.tsx';
import { safeHref } from './safe-href.ts';

export type TextPart = { readonly text: string; readonly href?: undefined } | { readonly text: string; readonly href: string };

// An address written out in digest prose, up to a space or a closing bracket or quote.
const ADDRESS = /https?:\/\/[^\s)\]”"'<>]+/giu;

/** A short label for an address: "arXiv 2602.22544", "owner/repo", else the host. */
export function addressLabel(href: string): string {
  const url = new URL(href);
  const host = url.hostname.replace(/^www\./, '');
  if (host === 'arxiv.org' || host === 'export.arxiv.org') {
    const id = parseArxivId(url.pathname.replace(/^\/(?:abs|pdf|html)\//, ''));
    if (id) return `arXiv ${id.id}`;
  }
  const gh = parseGithubUrl(href);
  if (gh?.kind === 'github-repo' || gh?.kind === 'github-org') return gh.key;
  return host;
}

/**
 * Digest text with the addresses it writes out as links with short labels, and everything else
 * as text. Only http(s) addresses become links; a sentence's full stop after one stays text.
 */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(ADDRESS)) {
    const raw = m[0].replace(/[.,;:]+$/, '');
    const href = safeHref(raw);
    if (!href) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: addressLabel(href), href });
    last = m.index + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Text from a digest, its written-out addresses as links. */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((p, i) =>
        p.href ? (
          <ExternalLink key={i} href={p.href}>
            {p.text}
          </ExternalLink>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
