/**
 * The digest parser: any form a SciPapermill post arrives in (WordPress REST JSON, RSS, a saved
 * page, the post's HTML or its plain text) → Digest values. Pure: no DOM, no network.
 */
import { digestFromContent } from './content.ts';
import { detectKind, looksBinary } from './detect.ts';
import { DigestParseError } from './errors.ts';
import type { ParseOptions } from './options.ts';
import { parsePage } from './page.ts';
import type { ParseResult } from './result.ts';
import { parseFeed } from './rss.ts';
import type { Digest } from './types.ts';
import { parseWordpress } from './wordpress.ts';

export { DigestParseError } from './errors.ts';
export type { ParseOptions } from './options.ts';
export type { ParseResult } from './result.ts';
export * from './types.ts';

function check(input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '') throw new DigestParseError('empty', 'the input is empty');
  if (looksBinary(input)) throw new DigestParseError('binary', 'the input looks like binary data, not a post');
  return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
}

/**
 * Any input: WordPress post JSON or list of posts, RSS2 feed XML, saved post HTML page, plain text.
 * Lists yield several digests, in input order; a list entry that fails is reported in `errors`.
 * Throws DigestParseError when the input as a whole holds nothing usable.
 */
export function parseDigestDocument(input: string, options: ParseOptions = {}): ParseResult {
  const text = check(input);
  const format = options.format ?? 'auto';
  const kind = format === 'auto' ? detectKind(text) : format === 'html' ? (detectKind(text) === 'page' ? 'page' : 'html') : format;
  switch (kind) {
    case 'wordpress':
      return parseWordpress(text, options);
    case 'rss':
      return parseFeed(text, options);
    case 'page':
      return { digests: [parsePage(text, options)], errors: [] };
    case 'html':
    case 'text':
      return { digests: [digestFromContent(text, kind, kind, {}, options)], errors: [] };
  }
}

/** One post's content (HTML or text) plus known metadata → Digest. Throws DigestParseError only when nothing usable is there. */
export function parsePostContent(content: string, options: ParseOptions & { format: 'html' | 'text' }): Digest {
  const text = check(content);
  const postId = options.id && /^\d{1,12}$/.test(options.id) ? options.id : undefined;
  return digestFromContent(
    text,
    options.format,
    options.format,
    {
      ...(options.url ? { url: options.url } : {}),
      ...(postId ? { postId } : {}),
      ...(options.title ? { title: options.title } : {}),
    },
    options,
  );
}
