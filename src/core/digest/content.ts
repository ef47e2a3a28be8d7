import { blocksFromHtml } from './blocks-from-html.ts';
import { blocksFromText } from './blocks-from-text.ts';
import { buildDigest } from './digest.ts';
import { DigestParseError } from './errors.ts';
import { capPostSize, withTimeLimit } from './limits.ts';
import type { PostMeta } from './meta.ts';
import type { ParseOptions } from './options.ts';
import type { Digest, SourceFormat } from './types.ts';

/** One post's body, HTML or text, into a Digest. */
export function digestFromContent(content: string, kind: 'html' | 'text', format: SourceFormat, meta: PostMeta, options: ParseOptions): Digest {
  if (content.trim() === '') throw new DigestParseError('no-content', 'the post has no content');
  return withTimeLimit(options, () => {
    const warnings: string[] = [];
    const text = capPostSize(content, warnings);
    const blocks = kind === 'html' ? blocksFromHtml(text, warnings).blocks : blocksFromText(text, warnings);
    if (blocks.length === 0) throw new DigestParseError('no-content', 'the post has no readable text');
    return buildDigest(blocks, format, meta, options, warnings, content);
  });
}
