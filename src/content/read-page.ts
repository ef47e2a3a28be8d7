/** The few facts about the page the background needs to decide what it shows. */
import { PAGE_META_LIMITS, type PageMeta } from '../core/detect/types.ts';

// One tag each; the authors (several tags) are read below.
const META_NAMES = (Object.keys(PAGE_META_LIMITS) as (keyof PageMeta)[]).filter((name) => name !== 'citation_author');
// Authors: one tag each, kept in order.
const MAX_AUTHORS = 200;

export function readMeta(doc: Document): PageMeta {
  const meta: PageMeta = {};
  for (const name of META_NAMES) {
    // arXiv writes name="…", GitHub writes og:url as property="…".
    const el = doc.querySelector<HTMLMetaElement>(`meta[name="${name}"],meta[property="${name}"]`);
    const value = el?.content.trim();
    if (value) meta[name] = value;
  }
  const authors = [...doc.querySelectorAll<HTMLMetaElement>('meta[name="citation_author"]')]
    .slice(0, MAX_AUTHORS)
    .map((el) => el.content.trim().replace(/;/g, ','));
  if (authors.some(Boolean)) meta.citation_author = authors.filter(Boolean).join('; ');
  return meta;
}
