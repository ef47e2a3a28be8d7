import { digestFromContent } from './content.ts';
import { DigestParseError } from './errors.ts';
import { htmlToText } from './html-scan.ts';
import { isoDay } from './meta.ts';
import { type ParseOptions, withoutPostIdentity } from './options.ts';
import type { ParseResult } from './result.ts';
import type { Digest } from './types.ts';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** WordPress writes `{ "rendered": "…" }` for title and content; exports sometimes flatten them. */
function rendered(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isObject(v) && typeof v.rendered === 'string') return v.rendered;
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

/** `modified_gmt` has no zone; it is UTC, so say so. */
function modifiedOf(post: Json): string | undefined {
  const gmt = str(post.modified_gmt);
  if (gmt) return /(?:Z|[+-]\d{2}:?\d{2})$/.test(gmt) ? gmt : `${gmt}Z`;
  return str(post.modified);
}

function digestFromPost(post: Json, options: ParseOptions): Digest {
  const content = rendered(post.content);
  if (content === undefined) throw new DigestParseError('no-content', 'the post has no content.rendered');
  const rawTitle = rendered(post.title);
  const title = rawTitle === undefined ? '' : htmlToText(rawTitle);
  const url = str(post.link) ?? options.url;
  const postId = str(post.id);
  const modified = modifiedOf(post);
  const date = isoDay(str(post.date_gmt) ?? str(post.date));
  return digestFromContent(
    content,
    'html',
    'wordpress',
    {
      ...(url ? { url } : {}),
      ...(postId && /^\d{1,12}$/.test(postId) ? { postId } : {}),
      ...(title !== '' ? { title } : {}),
      ...(date ? { date } : {}),
      ...(modified ? { modified } : {}),
    },
    options,
  );
}

/** A WordPress REST response: one post, a list of posts (a page of `/wp/v2/posts`), or an error body. */
export function parseWordpress(input: string, options: ParseOptions): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (e) {
    throw new DigestParseError('invalid-json', `not valid JSON: ${(e as Error).message.slice(0, 120)}`);
  }
  if (isObject(data) && typeof data.code === 'string' && typeof data.message === 'string' && data.content === undefined) {
    throw new DigestParseError('wordpress-error', `WordPress answered ${data.code}: ${data.message.slice(0, 200)}`);
  }
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.posts) ? data.posts : undefined;
  if (!list) {
    if (!isObject(data)) throw new DigestParseError('not-a-digest', 'JSON holds neither a post nor a list of posts');
    return { digests: [digestFromPost(data, options)], errors: [] };
  }
  if (list.length === 0) throw new DigestParseError('no-items', 'the list of posts is empty');
  const result: ParseResult = { digests: [], errors: [] };
  list.forEach((post: unknown, index) => {
    const item = isObject(post) ? (str(post.id) ?? String(index)) : String(index);
    try {
      if (!isObject(post)) throw new DigestParseError('not-a-digest', 'list entry is not a post object');
      result.digests.push(digestFromPost(post, withoutPostIdentity(options)));
    } catch (e) {
      if (!(e instanceof DigestParseError)) throw e;
      result.errors.push({ item, message: e.message });
    }
  });
  return result;
}
