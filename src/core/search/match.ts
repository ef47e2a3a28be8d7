import { FIELD_WEIGHTS, type Field, type SearchDoc } from './document.ts';
import { typoBudget, withinDistance } from './edit-distance.ts';
import type { DocKey } from './index-reader.ts';
import type { SearchQuery } from './query.ts';

export interface SearchHit {
  readonly doc: SearchDoc;
  readonly score: number;
  /** Words of the document that matched, for highlighting; prefixes as typed. */
  readonly matched: readonly string[];
}

const FIELDS: readonly Field[] = ['title', 'name', 'meta', 'context'];
/** A term's factor for a query word: an exact word beats a completed prefix, which beats a typo. */
export const EXACT = 1;
export const PREFIX = 0.8;
export const TYPO = 0.5;

/** A document word's factor for one query word (0: no match). */
export type TermFactor = (term: string) => number;

export function passesFilters(doc: SearchDoc, q: SearchQuery): boolean {
  if (q.hasCode && !doc.hasCode) return false;
  if (q.topics.length && !q.topics.every((t) => doc.topics.some((topic) => topic.includes(t)))) return false;
  if (q.years && !doc.years.some((y) => (q.years!.min === undefined || y >= q.years!.min) && (q.years!.max === undefined || y <= q.years!.max))) return false;
  return q.phrases.every((p) => doc.phraseText.includes(` ${p} `) || doc.phraseText.includes(` ${p}`));
}

/** The matching rules for a query word: exact, completed prefix, within the typo budget, or a prefix within one typo. */
function wordFactor(word: string, prefix: boolean): TermFactor {
  const budget = typoBudget(word);
  return (term) => {
    if (term === word) return EXACT;
    if (prefix && term.startsWith(word)) return PREFIX;
    if (budget > 0 && withinDistance(term, word, budget)) return TYPO;
    if (prefix && budget > 0 && term.length > word.length && withinDistance(term.slice(0, word.length), word, 1)) return TYPO * PREFIX;
    return 0;
  };
}

/** The words of the query's phrases, in order: each scores as an exact word after the query's own. */
export const phraseWords = (q: SearchQuery): string[] => q.phrases.flatMap((p) => p.split(' ').filter(Boolean));

/** Each query word's factor by the matching rules (the last word a prefix while typing). */
export function wordFactors(q: SearchQuery): TermFactor[] {
  return q.words.map((word, i) => wordFactor(word, q.prefixLast && i === q.words.length - 1));
}

/** The best field weight × factor over the document's words, noting each word that raised it. */
function bestOf(doc: SearchDoc, factor: TermFactor, matched: string[]): number {
  let best = 0;
  for (const field of FIELDS) {
    const weight = FIELD_WEIGHTS[field];
    if (weight <= best) break;
    for (const term of doc.fields[field]) {
      const s = factor(term);
      if (s * weight > best) {
        best = s * weight;
        matched.push(term);
      }
      if (s === EXACT) break;
    }
  }
  return best;
}

/**
 * Scores one document given each query word's factors, or undefined when a filter, phrase or word
 * does not match. The scan passes the matching rules; the index passes each word's expansion (a
 * Map lookup holding exactly the terms and factors the rules give), so both score to the bit.
 */
export function scoreWith(doc: SearchDoc, q: SearchQuery, factors: readonly TermFactor[]): SearchHit | undefined {
  if (!passesFilters(doc, q)) return undefined;
  const matched: string[] = [];
  let score = 0;
  for (const factor of factors) {
    const s = bestOf(doc, factor, matched);
    if (s === 0) return undefined;
    score += s;
  }
  // A phrase's words score as exact words, in order after the query's words: "medical imaging" in
  // a title (8 + 8) ranks above the same phrase in a digest's prose (1 + 1).
  for (const w of phraseWords(q)) score += bestOf(doc, (term) => (term === w ? EXACT : 0), matched);
  for (const p of q.phrases) matched.push(...p.split(' '));
  // A filter-only query ranks by recency alone.
  return { doc, score, matched: [...new Set(matched)] };
}

/** Scores one document by the matching rules. */
export function scoreDoc(doc: SearchDoc, q: SearchQuery): SearchHit | undefined {
  return scoreWith(doc, q, wordFactors(q));
}

/** Best first; ties go to the more recent digest, then papers before digests. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || b.doc.date.localeCompare(a.doc.date) || compareKeys(a.doc, b.doc);
}

/** What orders results equal in score and date: papers before digests, then by key. */
export function compareKeys(a: DocKey, b: DocKey): number {
  return a.kind === b.kind ? a.key.localeCompare(b.key) : a.kind === 'paper' ? -1 : 1;
}

/** A page of results and how many documents match in all. */
export interface SearchPage {
  readonly hits: readonly SearchHit[];
  /**
   * Documents matching the query; when not `exact`, an upper bound (phrases not yet checked on
   * all), or with `atLeast` a lower one (only the newest documents were searched).
   */
  readonly total: number;
  readonly exact: boolean;
  readonly atLeast?: boolean;
}

/** The plain scan: every document scored. Correct at any size, fast at the starter index's. */
export function linearSearchPage(docs: readonly SearchDoc[], q: SearchQuery, limit = 50): SearchPage {
  const hits: SearchHit[] = [];
  const factors = wordFactors(q);
  for (const doc of docs) {
    const hit = scoreWith(doc, q, factors);
    if (hit) hits.push(hit);
  }
  return { hits: hits.sort(compareHits).slice(0, limit), total: hits.length, exact: true };
}

export function linearSearch(docs: readonly SearchDoc[], q: SearchQuery, limit = 50): SearchHit[] {
  return [...linearSearchPage(docs, q, limit).hits];
}
