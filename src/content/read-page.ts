/** The few facts about the page the background needs to decide what it shows. */
import type { PageMeta } from '../core/detect/index.ts';

const META_NAMES = ['citation_arxiv_id', 'citation_title', 'og:url', 'octolytics-dimension-repository_nwo'] as const;

export function readMeta(doc: Document): PageMeta {
  const meta: PageMeta = {};
  for (const name of META_NAMES) {
    // arXiv writes name="…", GitHub writes og:url as property="…".
    const el = doc.querySelector<HTMLMetaElement>(`meta[name="${name}"],meta[property="${name}"]`);
    const value = el?.content.trim();
    if (value) meta[name] = value;
  }
  return meta;
}
