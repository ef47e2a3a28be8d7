import { SourceError } from '../errors.ts';
import type { Http, HttpResponse } from '../http.ts';
import { linkWithRel } from '../link-header.ts';

export interface Page<T> {
  readonly items: T[];
  /** X-WP-Total: every item across pages, when the server says. */
  readonly total?: number;
}

/**
 * Pages through a WordPress collection: `Link: rel="next"` first, else `X-WP-TotalPages`, else
 * on while pages come back full. A 400 `rest_post_invalid_page_number` past the last page ends it.
 */
export async function* wpPages<T>(http: Http, firstUrl: string, perPage: number): AsyncGenerator<Page<T>> {
  let url: string | undefined = firstUrl;
  let page = 1;
  while (url) {
    const { response, body }: { response: HttpResponse; body: unknown } = await http.getJson<unknown>(url);
    if (response.status === 400 && (body as { code?: string } | null)?.code === 'rest_post_invalid_page_number') return;
    if (response.status >= 400) {
      const message = (body as { message?: string } | null)?.message;
      throw new SourceError(response.status === 404 ? 'not-found' : 'http', url, `${url} failed with HTTP ${response.status}${message ? `: ${message}` : ''}`);
    }
    if (!Array.isArray(body)) throw new SourceError('format', url, `${url} did not return a list of posts`);
    const total = Number(response.headers.get('x-wp-total') ?? NaN);
    const totalPages: number = Number(response.headers.get('x-wp-totalpages') ?? NaN);
    yield { items: body as T[], ...(Number.isFinite(total) ? { total } : {}) };
    const next = linkWithRel(response.headers.get('link'), response.url, 'next');
    page++;
    if (next) url = next;
    else if (Number.isFinite(totalPages)) url = page <= totalPages ? withPage(url, page) : undefined;
    else url = body.length >= perPage ? withPage(url, page) : undefined;
  }
}

function withPage(url: string, page: number): string {
  const u = new URL(url);
  u.searchParams.set('page', String(page));
  return u.href;
}
