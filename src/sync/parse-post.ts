/** The digest parser applied to a stored raw post: the one place sync calls into core/digest. */
import { parseDigestDocument, parsePostContent } from '../core/digest/index.ts';
import type { ParseOutcome } from './commit-post.ts';
import type { RawPost } from './raw-post.ts';

export function parseRawPost(post: RawPost): ParseOutcome {
  try {
    if (post.format === 'wordpress') {
      const { digests, errors } = parseDigestDocument(post.raw, { format: 'wordpress' });
      const digest = digests[0];
      return digest ? { digest } : { error: errors[0]?.message ?? 'no digest in the post' };
    }
    const id = /:(\d{1,12})$/.exec(post.key)?.[1];
    const digest = parsePostContent(post.raw, {
      format: 'html',
      url: post.url,
      ...(id ? { id } : {}),
      ...(post.title ? { title: post.title } : {}),
      ...(post.date ? { date: post.date.slice(0, 10) } : {}),
      ...(post.modified ? { modified: post.modified } : {}),
    });
    return { digest };
  } catch (e) {
    // DigestParseError says why ("no digest here: …"); anything else is a parser bug, kept as said.
    return { error: (e as Error).message || String(e) };
  }
}
