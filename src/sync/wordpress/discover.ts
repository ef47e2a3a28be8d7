import { SourceError } from '../errors.ts';
import type { Http } from '../http.ts';
import { linkWithRel } from '../link-header.ts';

const API_REL = 'https://api.w.org/';

/** `<link rel="https://api.w.org/" href="…">` in a page, attributes in any order. */
export function apiLinkInHtml(html: string, base: string): string | undefined {
  for (const tag of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = /\brel\s*=\s*["']([^"']*)["']/i.exec(tag[0])?.[1];
    const href = /\bhref\s*=\s*["']([^"']*)["']/i.exec(tag[0])?.[1];
    if (rel?.split(/\s+/).includes(API_REL) && href) {
      try {
        return new URL(href.replace(/&amp;/g, '&'), base).href;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function isApiIndex(body: unknown): boolean {
  const ns = (body as { namespaces?: unknown } | null)?.namespaces;
  return Array.isArray(ns) && ns.includes('wp/v2');
}

/**
 * Finds a WordPress site's REST API root, cheapest first: an address that already is one, the
 * `Link` header or `<link rel>` of the page, then the usual `/wp-json/` and `/index.php/wp-json/`.
 */
export async function discoverApiRoot(http: Http, siteUrl: string): Promise<string> {
  const site = new URL(siteUrl);
  const inPath = /^(.*?\/wp-json)(\/|$)/.exec(site.pathname);
  if (inPath) return new URL(`${inPath[1]}/`, site).href;
  if (site.searchParams.has('rest_route')) return `${site.origin}${site.pathname}?rest_route=/`;

  const page = await http.get(site.href);
  if (page.status < 400) {
    const found = linkWithRel(page.headers.get('link'), page.url, API_REL) ?? apiLinkInHtml(page.text, page.url);
    if (found) return found;
  }
  const dir = new URL(site.pathname.replace(/[^/]*$/, ''), site);
  for (const candidate of [new URL('wp-json/', dir).href, new URL('index.php/wp-json/', dir).href, new URL('/wp-json/', site).href]) {
    try {
      const { response, body } = await http.getJson(candidate);
      if (response.status < 400 && isApiIndex(body)) return candidate;
    } catch (e) {
      // An HTML page or junk at a candidate means "not here"; a dead network is worth reporting.
      if (!(e instanceof SourceError) || (e.kind !== 'not-json' && e.kind !== 'bad-json')) throw e;
    }
  }
  throw new SourceError('not-found', siteUrl, `no WordPress REST API found at ${siteUrl} (tried the page's api.w.org link, /wp-json/ and /index.php/wp-json/)`);
}
