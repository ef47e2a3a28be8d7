import { SourceError } from '../errors.ts';
import type { Http, HttpResponse } from '../http.ts';
import { linkWithRel } from '../link-header.ts';

export interface Page<T> {
  readonly items: T[];
  /** X-WP-Total: every item across pages, when the server says. */
  readonly total?: number;
  /** The body was not valid UTF-8 (decoded with replacement characters). */
  readonly invalidUtf8?: boolean;
}

/** How far a listing may go: the site decides its paging, so it is bounded here. */
export interface ListingLimits {
  /** Pages per listing. SciPapermill's whole archive is under 200 pages of 100. */
  readonly maxPages: number;
  /** Items per listing. */
  readonly maxItems: number;
}

export const DEFAULT_LISTING_LIMITS: ListingLimits = { maxPages: 2000, maxItems: 200_000 };

/**
 * Pages through a WordPress collection: `Link: rel="next"` first, else `X-WP-TotalPages`, else
 * on while pages come back full. A 400 `rest_post_invalid_page_number` past the last page ends it.
 *
 * A broken or hostile site cannot keep it going: it stops when a page adds no item it has not
 * seen (an empty page, or the same page again), once past the `X-WP-TotalPages` the first page
 * announced (a later, larger number is not believed), and fails with a clear error at
 * `limits.maxPages` pages or `limits.maxItems` items, far above any real archive.
 */
export async function* wpPages<T>(
  http: Http,
  firstUrl: string,
  perPage: number,
  idOf: (item: T) => unknown,
  limits: ListingLimits = DEFAULT_LISTING_LIMITS,
): AsyncGenerator<Page<T>> {
  let url: string | undefined = firstUrl;
  let page = 1;
  let announced: number | undefined;
  const seen = new Set<unknown>();
  while (url) {
    if (page > limits.maxPages)
      throw new SourceError(
        'limit',
        firstUrl,
        `${new URL(firstUrl).host} listed more than ${limits.maxPages} pages of posts: stopped (no real archive is that long; is its paging broken?)`,
      );
    const { response, body }: { response: HttpResponse; body: unknown } = await http.getJson<unknown>(url);
    if (response.status === 400 && (body as { code?: string } | null)?.code === 'rest_post_invalid_page_number') return;
    if (response.status >= 400) {
      const message = (body as { message?: string } | null)?.message;
      throw new SourceError(response.status === 404 ? 'not-found' : 'http', url, `${url} failed with HTTP ${response.status}${message ? `: ${message}` : ''}`);
    }
    if (!Array.isArray(body)) throw new SourceError('format', url, `${url} did not return a list of posts`);
    const total = Number(response.headers.get('x-wp-total') ?? NaN);
    const totalPages: number = Number(response.headers.get('x-wp-totalpages') ?? NaN);
    if (announced === undefined && Number.isFinite(totalPages)) announced = totalPages;
    let fresh = 0;
    for (const item of body as T[]) {
      const id = idOf(item);
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      fresh++;
    }
    if (seen.size > limits.maxItems)
      throw new SourceError('limit', firstUrl, `${new URL(firstUrl).host} listed more than ${limits.maxItems} posts: stopped (no real archive is that large)`);
    yield { items: body as T[], ...(Number.isFinite(total) ? { total } : {}), ...(response.invalidUtf8 ? { invalidUtf8: true } : {}) };
    // A page that adds nothing new (empty, or one already seen) ends the listing, whatever the headers say.
    if (fresh === 0) return;
    const next = linkWithRel(response.headers.get('link'), response.url, 'next');
    page++;
    if (announced !== undefined && page > announced) return;
    if (next) url = (await http.hostAllowed(firstUrl, next)) ? next : undefined;
    else if (announced !== undefined) url = withPage(url, page);
    else url = body.length >= perPage ? withPage(url, page) : undefined;
    if (next && !url) throw new SourceError('redirect', firstUrl, `${firstUrl}'s next page is on another site (${next}): not followed`);
  }
}

function withPage(url: string, page: number): string {
  const u = new URL(url);
  u.searchParams.set('page', String(page));
  return u.href;
}
