import { FIELD_WEIGHTS, type Field, type SearchDoc } from './document.ts';

/** One bit per field in a posting's mask, in the order of their weights. */
export const FIELD_BITS: Readonly<Record<Field, number>> = { title: 1, name: 2, meta: 4, context: 8 };

// Filters are pseudo-terms beside the words: a control character no title-keyed word can hold.
export const FILTER_MARK = '\u0001';
export const topicTerm = (topic: string): string => `${FILTER_MARK}t:${topic}`;
export const yearTerm = (year: number): string => `${FILTER_MARK}y:${year}`;
export const CODE_TERM = `${FILTER_MARK}c`;

/** Every term of a document with the fields it appears in (0 for filter pseudo-terms). */
export function docTerms(doc: SearchDoc): Map<string, number> {
  const terms = new Map<string, number>();
  for (const field of Object.keys(FIELD_BITS) as Field[]) {
    for (const t of doc.fields[field]) terms.set(t, (terms.get(t) ?? 0) | FIELD_BITS[field]);
  }
  for (const t of doc.topics) terms.set(topicTerm(t), 0);
  for (const y of doc.years) terms.set(yearTerm(y), 0);
  if (doc.hasCode) terms.set(CODE_TERM, 0);
  return terms;
}

/** The heaviest field weight in a mask: what linearSearch's best field gives. */
export function maskWeight(mask: number): number {
  if (mask & FIELD_BITS.title) return FIELD_WEIGHTS.title;
  if (mask & FIELD_BITS.name) return FIELD_WEIGHTS.name;
  if (mask & FIELD_BITS.meta) return FIELD_WEIGHTS.meta;
  if (mask & FIELD_BITS.context) return FIELD_WEIGHTS.context;
  return 0;
}

const DAY = 86_400_000;

/**
 * A posting's per-document bits beside the field mask: has code, is a paper, and the newest
 * digest's day, so filters and recency ties need no document read.
 */
export function docInfo(doc: Pick<SearchDoc, 'date' | 'hasCode' | 'kind'>): number {
  const day = Math.max(0, Math.floor(Date.parse(`${doc.date}T00:00:00Z`) / DAY) || 0);
  return (doc.hasCode ? 1 : 0) | (doc.kind === 'paper' ? 2 : 0) | (day << 2);
}

/** info = mask | docInfo << 4 */
export const postingInfo = (mask: number, info: number): number => mask | (info << 4);
export const infoMask = (info: number): number => info & 15;
export const infoHasCode = (info: number): boolean => ((info >>> 4) & 1) === 1;
export const infoIsPaper = (info: number): boolean => ((info >>> 5) & 1) === 1;
export const infoDay = (info: number): number => info >>> 6;
/** Day·2 + is-a-paper: the order of results equal in score (later first, papers before digests). */
export const infoRank = (info: number): number => info >>> 5;

/**
 * A word two papers may be related by (src/db/search/related-terms.ts): four letters or more, not a
 * number, not a filter or the void list. Merges count the papers of these words only.
 */
export const relatableWord = (term: string): boolean => term.length >= 4 && term.charCodeAt(0) > 1 && !/^\d+$/.test(term);
