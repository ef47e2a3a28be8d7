import { SourceError } from './errors.ts';
import type { Http } from './http.ts';
import type { SourceKind } from './types.ts';

/**
 * What an address given as 'auto' is: a static index manifest, a feed, or (anything else) a
 * WordPress site. Decided from the address first, then from what it answers.
 */
export async function detectSourceKind(http: Http, url: string): Promise<SourceKind> {
  const path = new URL(url).pathname.toLowerCase();
  if (path.endsWith('.json')) return 'static';
  if (/\/feed\/?$|\.(xml|rss|atom)$|\/(rss|atom)\/?$/.test(path)) return 'feed';
  const res = await http.get(url);
  if (res.status >= 400 && res.status !== 404) throw new SourceError('http', url, `${url} failed with HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (/json/.test(type) || /^\s*\{/.test(res.text)) {
    if (/"formatVersion"/.test(res.text) && /"shards"/.test(res.text)) return 'static';
    return 'wordpress';
  }
  if (/xml|rss|atom/.test(type) || /^\s*<\?xml|^\s*<(rss|feed)\b/.test(res.text)) return 'feed';
  // A directory holding a static index answers 404 (or a listing) at its own address.
  if (res.status === 404) {
    const index = await http.get(new URL('index.json', url.endsWith('/') ? url : `${url}/`).href);
    if (index.status < 400 && /"formatVersion"/.test(index.text)) return 'static';
  }
  return 'wordpress';
}
