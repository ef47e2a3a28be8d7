/**
 * An RSS 2.0 or Atom feed: the fallback source. A feed holds only the latest posts (WordPress
 * serves 10), fewer than one weekly batch, so the report says so when a feed is all there is.
 */
import { SourceError } from '../errors.ts';
import { postKey, type RawPost } from '../raw-post.ts';
import type { SourceRun } from '../source-run.ts';
import { type FeedItem, parseFeed } from './parse-feed.ts';

function postIdOf(guid: string): string | undefined {
  try {
    const p = new URL(guid).searchParams.get('p');
    return p && /^\d+$/.test(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

const isoOf = (s: string) => {
  const t = Date.parse(s);
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
};

export function rawFromItem(item: FeedItem): RawPost {
  const url = item.link || item.guid;
  const date = isoOf(item.published) || isoOf(item.updated);
  return {
    key: postKey(url, postIdOf(item.guid)),
    url,
    title: item.title,
    date,
    modified: isoOf(item.updated) || date,
    format: 'rss',
    raw: item.content || item.summary,
  };
}

export async function syncFeed(run: SourceRun): Promise<void> {
  const { http, config, state } = run;
  const headers: Record<string, string> = {};
  if (state.etag) headers['If-None-Match'] = state.etag;
  if (state.lastModified) headers['If-Modified-Since'] = state.lastModified;
  run.progress('list', 0, 0);
  const res = await http.get(config.url, { headers });
  if (res.status === 304) return;
  if (res.status >= 400) throw new SourceError(res.status === 404 ? 'not-found' : 'http', config.url, `${config.url} failed with HTTP ${res.status}`);
  const { items, isFeed } = parseFeed(res.text);
  if (!isFeed) throw new SourceError('format', config.url, `${config.url} is not an RSS or Atom feed`);
  // A feed holds its latest posts; a hostile one could hold any number: the listing bound applies.
  if (items.length > run.limits.maxItems)
    throw new SourceError('limit', config.url, `${config.url} holds more than ${run.limits.maxItems} items: stopped (no real feed is that large)`);
  const posts = items.map(rawFromItem).filter((p) => p.url && (run.windowStart === undefined || !p.date || Date.parse(p.date) >= run.windowStart));
  run.report.note = `a feed holds only its latest posts (${items.length} here): add the site itself or a static index to reach older digests`;
  let done = 0;
  let refused = 0;
  for (const post of posts) {
    run.checkAbort();
    // Decoded with U+FFFD where the bytes were not UTF-8: refused and counted, never stored garbled.
    if (res.invalidUtf8 && (post.raw + post.title).includes('\uFFFD') && ++refused)
      await run.countFailed({
        key: post.key,
        url: post.url,
        title: post.title,
        reason: 'the feed sent this post as bytes that are not valid UTF-8 text: not indexed, tried again next sync',
      });
    else await run.commitPost(post);
    run.progress('fetch', ++done, posts.length);
  }
  // A refused post must be read again: no 304 next time.
  if (refused) return;
  await run.saveState({ etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined });
}
