import type { Block } from './blocks.ts';
import { decodeTitle } from './entities.ts';
import { DigestParseError } from './errors.ts';
import { extractMentions } from './mentions.ts';
import { mergeMentions } from './merge.ts';
import { contentHash, dayFromUrl, hostOf, type PostMeta, postIdFromUrl } from './meta.ts';
import type { ParseOptions } from './options.ts';
import { structure } from './sections.ts';
import { nameThemes } from './theme-name.ts';
import { type Digest, PARSER_VERSION, type SourceFormat } from './types.ts';

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function postIdOf(meta: PostMeta, options: ParseOptions, url: string): string | undefined {
  return meta.postId ?? (options.id && /^\d{1,12}$/.test(options.id) ? options.id : undefined) ?? postIdFromUrl(url);
}

/** The key a digest is stored under; which digests are one post is decided by identity.ts. */
function digestId(source: string, postId: string | undefined, options: ParseOptions, url: string, content: string): string {
  if (postId) return `${source}:${postId}`;
  if (options.id) return options.id;
  if (url) return url;
  return options.fileName ? `file:${options.fileName}` : `text:${contentHash(content)}`;
}

/**
 * Blocks of one post plus what its source says about it → a Digest. The input's own metadata
 * wins; options fill the gaps. Throws only when the blocks hold neither a header nor a section.
 */
export function buildDigest(blocks: Block[], format: SourceFormat, meta: PostMeta, options: ParseOptions, warnings: string[], content: string): Digest {
  const st = structure(blocks);
  if (!st.header && st.sectionsFound === 0) {
    throw new DigestParseError('not-a-digest', 'no digest here: neither a "Latest N papers on …" header nor a section heading');
  }
  const allWarnings = [...warnings, ...st.warnings];
  const url = meta.url ?? options.url ?? '';
  const source = hostOf(url) ?? options.source ?? hostOf(options.url) ?? 'local';
  const header = st.header;
  let date = header?.date;
  if (!date) {
    date = meta.date ?? options.date ?? dayFromUrl(url) ?? '';
    allWarnings.push(header ? 'header date unreadable: date taken from the source' : 'date taken from the source, not the header');
    if (date === '') allWarnings.push('no date found');
  }
  const rawTitle = meta.title ?? st.title ?? options.title;
  const title = rawTitle ? decodeTitle(rawTitle) : header ? capitalise(header.topic) : (options.fileName ?? 'Untitled digest');
  if (!rawTitle) allWarnings.push('no title found');
  if (!header) allWarnings.push('no topic: the header line is missing');
  const modified = meta.modified ?? options.modified;
  const papers = mergeMentions(extractMentions(st.parts));
  if (papers.length === 0) allWarnings.push('no paper mentions found');
  const postId = postIdOf(meta, options, url);
  return {
    id: digestId(source, postId, options, url, content),
    url,
    ...(postId ? { postId } : {}),
    source,
    format,
    title,
    topic: header?.topic ?? '',
    date,
    ...(modified ? { modified } : {}),
    ...(header ? { paperCount: header.paperCount } : {}),
    intro: st.intro,
    themes: nameThemes(st.themes, papers),
    papers,
    warnings: [...new Set(allWarnings)],
    parserVersion: PARSER_VERSION,
  };
}
