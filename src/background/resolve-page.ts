/** A tab's address (plus its meta tags when the content script sent them) → what the index holds. */
import { type Detection, detectPaper, type TitleRef } from '../core/detect/index.ts';
import type { ArxivId } from '../core/ids/arxiv-id.ts';
import { titleKey } from '../core/ids/title-key.ts';
import type { LookupResult } from '../core/index/view.ts';
import { digestCountOf, findPapers, type PaperMatch, viewPapers } from '../db/index.ts';
import type { PageInfo } from './tab-state.ts';

export interface Resolved {
  readonly detection?: Detection;
  /** Found or not, and the badge number: all the badge and the chip need. */
  readonly brief?: { readonly status: LookupResult['status']; readonly digestCount: number };
  /** The papers found: the side panel's whole view is built from them (viewOf) without looking again. */
  readonly match?: PaperMatch;
  /** An arXiv id the page's title taught: the caller has it written after answering (learn.ts). */
  readonly learnt?: { readonly paperKey: string; readonly arxivId: ArxivId };
}

let lookups = 0;
/** Pages looked up in the index since the worker started (for the tests and the bench: a count, not a time). */
export const lookupCount = (): number => lookups;

const isFound = (m: PaperMatch) => m.own.length + m.cited.length > 0;

/** Reads only: one lookup of the papers (two when an arXiv page is found by its title instead of its id). */
export async function resolvePage(url: string, info: PageInfo | undefined): Promise<Resolved> {
  // Meta tags describe the page they were read from: after a navigation they are stale.
  const meta = info && info.url === url ? info.meta : undefined;
  const detection = detectPaper(url, meta);
  if (!detection) return {};
  lookups++;
  let match = await findPapers(detection.ref);
  let learnt: Resolved['learnt'];
  if (!isFound(match) && detection.ref.kind === 'arxiv' && detection.title) ({ match, learnt } = await byTitle(detection.ref.id, detection.title, match));
  const brief = { status: isFound(match) ? ('found' as const) : ('not-indexed' as const), digestCount: digestCountOf(match.own) };
  return { detection, brief, match, ...(learnt ? { learnt } : {}) };
}

/** The side panel's whole view of a resolved page: its papers' digests and related papers. */
export async function viewOf(resolved: Resolved): Promise<LookupResult | undefined> {
  return resolved.match ? viewPapers(resolved.match) : undefined;
}

/**
 * Digests often name a paper without its arXiv link. When the arXiv page's own title matches such
 * a paper, the id is worth remembering so the PDF tab (which has only its address) resolves next time.
 */
async function byTitle(arxivId: ArxivId, title: string, fallback: PaperMatch): Promise<{ match: PaperMatch; learnt?: Resolved['learnt'] }> {
  const ref: TitleRef = { kind: 'title', title, key: titleKey(title) };
  if (!ref.key) return { match: fallback };
  const found = await findPapers(ref);
  const paper = found.own.length === 1 ? found.own[0]! : undefined;
  // A paper that already has another arXiv id is a different paper with the same title.
  if (!paper || (paper.arxivId !== undefined && paper.arxivId !== arxivId)) return { match: fallback };
  return paper.arxivId === undefined ? { match: found, learnt: { paperKey: paper.key, arxivId } } : { match: found };
}
