import type { ArxivId } from '../ids/index.ts';
import type { Range } from './blocks.ts';

/** Where a sentence names a paper. */
export type AnchorKind = 'link' | 'quote' | 'titled' | 'in' | 'paren' | 'subject' | 'list' | 'known';

export interface Anchor extends Range {
  readonly kind: AnchorKind;
  readonly name: string;
  readonly title?: string;
  readonly arxivId?: ArxivId;
  /** Named only by a plain phrase ("generalization bounds (https://arxiv.org/…)"). */
  readonly weak?: boolean;
  /** Looks like a part of a paper ("a “Critic-Agent” that …", "the Verifier module"): dropped when the sentence names a paper. */
  readonly part?: boolean;
}

// A link's or quotation's evidence beats a guess from word shapes.
const PRIORITY: Record<AnchorKind, number> = { link: 0, quote: 1, paren: 2, titled: 3, in: 4, subject: 5, list: 6, known: 7 };
const MAX_ANCHORS = 100;

export function wordCount(s: string): number {
  return s.split(' ').filter((w) => w !== '').length;
}

/** Keeps the strongest anchor where several overlap; returns them in text order. */
export function resolveAnchors(anchors: Anchor[]): Anchor[] {
  // Real sentences name a handful of papers; the cap keeps hostile input from going quadratic here.
  const sorted = [...anchors]
    .slice(0, MAX_ANCHORS * 4)
    .sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Anchor[] = [];
  for (const a of sorted) {
    if (kept.some((k) => a.start < k.end && k.start < a.end)) continue;
    kept.push(a);
    if (kept.length >= MAX_ANCHORS) break;
  }
  return kept.sort((a, b) => a.start - b.start);
}
