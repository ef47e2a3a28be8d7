/** A tab's address (plus its meta tags when the content script sent them) → what the index holds. */
import { detectPaper, type Detection, type TitleRef } from '../core/detect/index.ts';
import { titleKey } from '../core/ids/title-key.ts';
import type { LookupResult } from '../core/index/view.ts';
import { lookup, rememberArxivId } from '../db/index.ts';
import type { PageInfo } from './tab-state.ts';

export interface Resolved {
  readonly detection?: Detection;
  readonly lookup?: LookupResult;
}

export async function resolvePage(url: string, info: PageInfo | undefined): Promise<Resolved> {
  // Meta tags describe the page they were read from: after a navigation they are stale.
  const meta = info && info.url === url ? info.meta : undefined;
  const detection = detectPaper(url, meta);
  if (!detection) return {};
  const result = await lookup(detection.ref);
  if (result.status === 'found' || detection.ref.kind !== 'arxiv' || !detection.title) return { detection, lookup: result };
  return { detection, lookup: await byTitle(detection.ref.id, detection.title, result) };
}

/**
 * Digests often name a paper without its arXiv link. When the arXiv page's own title matches such
 * a paper, remember the id so the PDF tab (which has only its address) resolves next time.
 */
async function byTitle(arxivId: Parameters<typeof rememberArxivId>[1], title: string, fallback: LookupResult): Promise<LookupResult> {
  const ref: TitleRef = { kind: 'title', title, key: titleKey(title) };
  if (!ref.key) return fallback;
  const found = await lookup(ref);
  const paper = found.papers.length === 1 ? found.papers[0]!.paper : undefined;
  // A paper that already has another arXiv id is a different paper with the same title.
  if (!paper || (paper.arxivId !== undefined && paper.arxivId !== arxivId)) return fallback;
  if (paper.arxivId === undefined) await rememberArxivId(paper.key, arxivId);
  return found;
}
