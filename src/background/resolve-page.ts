/** A tab's address (plus its meta tags when the content script sent them) → what the index holds. */
import { type Detection, detectPaper, type TitleRef } from '../core/detect/index.ts';
import { titleKey } from '../core/ids/title-key.ts';
import type { LookupResult } from '../core/index/view.ts';
import { digestCountOf, findPapers, type PaperMatch, rememberArxivId, viewPapers } from '../db/index.ts';
import type { PageInfo } from './tab-state.ts';

export interface Resolved {
  readonly detection?: Detection;
  /** Found or not, and the badge number: all the badge and the chip need. */
  readonly brief?: { readonly status: LookupResult['status']; readonly digestCount: number };
  /** The side panel's whole view (digests, related papers): only when asked for. */
  readonly lookup?: LookupResult;
}

const isFound = (m: PaperMatch) => m.own.length + m.cited.length > 0;

/**
 * `depth` 'brief' reads only the papers (one transaction, what every navigation pays);
 * 'full' adds their digests and related papers for the side panel.
 */
export async function resolvePage(url: string, info: PageInfo | undefined, depth: 'brief' | 'full' = 'full'): Promise<Resolved> {
  // Meta tags describe the page they were read from: after a navigation they are stale.
  const meta = info && info.url === url ? info.meta : undefined;
  const detection = detectPaper(url, meta);
  if (!detection) return {};
  let match = await findPapers(detection.ref);
  if (!isFound(match) && detection.ref.kind === 'arxiv' && detection.title) match = await byTitle(detection.ref.id, detection.title, match);
  const brief = { status: isFound(match) ? ('found' as const) : ('not-indexed' as const), digestCount: digestCountOf(match.own) };
  if (depth === 'brief') return { detection, brief };
  return { detection, brief, lookup: await viewPapers(match) };
}

/**
 * Digests often name a paper without its arXiv link. When the arXiv page's own title matches such
 * a paper, remember the id so the PDF tab (which has only its address) resolves next time.
 */
async function byTitle(arxivId: Parameters<typeof rememberArxivId>[1], title: string, fallback: PaperMatch): Promise<PaperMatch> {
  const ref: TitleRef = { kind: 'title', title, key: titleKey(title) };
  if (!ref.key) return fallback;
  const found = await findPapers(ref);
  const paper = found.own.length === 1 ? found.own[0]! : undefined;
  // A paper that already has another arXiv id is a different paper with the same title.
  if (!paper || (paper.arxivId !== undefined && paper.arxivId !== arxivId)) return fallback;
  if (paper.arxivId === undefined) await rememberArxivId(paper.key, arxivId);
  return found;
}
