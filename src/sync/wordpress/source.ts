/**
 * Syncing a WordPress site through its REST API. A run first lists what changed since the cursor
 * (ids, links and modification times only: a few kilobytes), then fetches the full content of only
 * the posts it does not hold yet, 100 at a time with `include=`. The cursor moves only once every
 * listed post is committed, so a run cut short lists the same posts again and skips the stored ones.
 * A listed post the fetch does not return, or returns as bytes that are not valid UTF-8, counts as
 * failed and is not stored: the cursor stays before it, so the next run fetches it again.
 */
import { decodeHTML } from 'entities';
import { isCurrent } from '../commit-post.ts';
import { SourceError } from '../errors.ts';
import { hostKey, postKey, type RawPost } from '../raw-post.ts';
import type { SourceRun } from '../source-run.ts';
import { gmtToMs, restUrl, wpTime } from './api-url.ts';
import { discoverApiRoot } from './discover.ts';
import { wpPages } from './pages.ts';

export const PER_PAGE = 100;
/** A batch lands over hours, and `after` is compared in the site's local time: overlap a day. */
export const OVERLAP_MS = 24 * 3600_000;
/** Once the posts' host is known, a listing needs only ids and times (about 45 bytes a post). */
const LIST_FIELDS = 'id,modified_gmt';
const POST_FIELDS = 'id,date,date_gmt,modified,modified_gmt,link,title,content';

interface Listed {
  id: number;
  link?: string;
  modified_gmt?: string;
}

interface WpPost extends Listed {
  date_gmt?: string;
  date?: string;
  modified?: string;
  title?: { rendered?: string };
  content?: { rendered?: string };
}

const iso = (gmt: string | undefined, fallback: string) => {
  const ms = gmtToMs(gmt);
  return ms === undefined ? fallback : new Date(ms).toISOString();
};

export function rawFromWp(post: WpPost, text?: string): RawPost {
  const url = post.link ?? '';
  const date = iso(post.date_gmt ?? post.date, '');
  return {
    key: postKey(url, post.id),
    url,
    title: decodeHTML(post.title?.rendered ?? ''),
    date,
    modified: iso(post.modified_gmt ?? post.modified, date),
    format: 'wordpress',
    raw: text ?? JSON.stringify(post),
  };
}

export async function syncWordPress(run: SourceRun): Promise<void> {
  const { http, config } = run;
  let root = run.state.apiRoot;
  if (!root) {
    run.progress('discover', 0, 0);
    root = await discoverApiRoot(http, config.url);
    // The site names its API; an API on a site the reader did not grant is not read.
    if (!(await http.hostAllowed(config.url, root)))
      throw new SourceError('redirect', config.url, `${config.url} names its API at ${root}, another site Digest Lens has no permission to read: not followed`);
    await run.saveState({ apiRoot: root });
  }

  // The reach-back is fixed by the first sync; asking for more later (say, "everything") re-lists.
  const stored = run.state.since === undefined ? undefined : Date.parse(run.state.since);
  const firstRun = run.state.cursor === undefined;
  const widened = !firstRun && stored !== undefined && (run.windowStart === undefined || run.windowStart < stored);
  const since = firstRun || widened ? run.windowStart : stored;
  const cursorMs = firstRun || widened ? undefined : Date.parse(run.state.cursor!);
  const params = {
    per_page: PER_PAGE,
    _fields: run.state.postHost ? LIST_FIELDS : `${LIST_FIELDS},link`,
    orderby: 'date',
    order: 'asc',
    after: since === undefined ? undefined : wpTime(since),
    modified_after: cursorMs === undefined ? undefined : wpTime(cursorMs - OVERLAP_MS),
  };

  const listed: Listed[] = [];
  run.progress('list', 0, 0);
  for await (const page of wpPages<Listed>(
    http,
    restUrl(root, 'wp/v2/posts', params),
    PER_PAGE,
    (p) => (typeof p?.id === 'number' ? p.id : undefined),
    run.limits,
  )) {
    run.checkAbort();
    listed.push(...page.items.filter((p) => typeof p?.id === 'number'));
    run.progress('list', listed.length, page.total ?? listed.length);
  }

  const wanted: number[] = [];
  const seen = new Set<number>();
  const byId = new Map<number, Listed>();
  for (const item of listed) {
    byId.set(item.id, item);
    // Dedupe by id: paging over a changing list can repeat a post.
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const stored = await run.store.getPost(postKey(item.link ?? `https://${run.state.postHost}/`, item.id));
    if (isCurrent(stored, iso(item.modified_gmt, ''), run.commitOptions)) run.report.unchanged++;
    else wanted.push(item.id);
  }

  let done = 0;
  /** Listed posts not committed in this run: the cursor must not pass them. */
  const missed: Listed[] = [];
  const miss = async (item: Listed, reason: string) => {
    missed.push(item);
    const url = item.link ?? `https://${run.state.postHost ?? new URL(root).host}/?p=${item.id}`;
    await run.countFailed({ key: postKey(url, item.id), url, title: '', reason });
    run.progress('fetch', ++done, wanted.length);
  };
  run.progress('fetch', 0, wanted.length);
  for (let i = 0; i < wanted.length; i += PER_PAGE) {
    const ids = wanted.slice(i, i + PER_PAGE);
    const url = restUrl(root, 'wp/v2/posts', { include: ids.join(','), per_page: ids.length, _fields: POST_FIELDS, orderby: 'date', order: 'asc' });
    const { response, body } = await http.getJson<unknown>(url);
    if (response.status >= 400) throw new SourceError('http', url, `${url} failed with HTTP ${response.status}`);
    if (!Array.isArray(body)) throw new SourceError('format', url, `${url} did not return a list of posts`);
    const pending = new Set(ids);
    for (const post of body as WpPost[]) {
      run.checkAbort();
      if (typeof post?.id !== 'number' || !pending.has(post.id)) continue;
      pending.delete(post.id);
      // A body that was not valid UTF-8 was decoded with U+FFFD where it broke: the posts it touched are refused, not stored garbled.
      if (response.invalidUtf8 && JSON.stringify(post).includes('\uFFFD')) {
        await miss({ ...byId.get(post.id), ...post }, `the site sent this post as bytes that are not valid UTF-8 text: not indexed, tried again next sync`);
        continue;
      }
      const raw = rawFromWp(post);
      await run.commitPost(raw);
      if (!run.state.postHost && hostKey(raw.url)) await run.saveState({ postHost: hostKey(raw.url) });
      run.progress('fetch', ++done, wanted.length);
    }
    for (const id of pending) await miss(byId.get(id) ?? { id }, `listed by the site but not returned when its content was fetched: tried again next sync`);
  }

  // Every listed post is now committed (or recorded as failed): the cursor may move, but never past
  // a post this run could not commit.
  const failedAt = missed.map((p) => gmtToMs(p.modified_gmt));
  // Without its time, only listing again from where this run started finds a failed post.
  if (failedAt.some((t) => t === undefined)) return;
  const hold = failedAt.length ? Math.min(...(failedAt as number[])) - 1 : Infinity;
  let newest = cursorMs ?? 0;
  for (const p of listed) {
    const t = gmtToMs(p.modified_gmt) ?? 0;
    if (t <= hold && t > newest) newest = t;
  }
  // A first run whose every listed post failed has nothing to move its cursor to: it stays a first run.
  if (newest === 0 && missed.length > 0) return;
  await run.saveState({
    cursor: new Date(newest || run.clock.now()).toISOString(),
    ...(firstRun || widened ? { since: since === undefined ? undefined : new Date(since).toISOString() } : {}),
  });
}
