import { typoBudget, withinDistance } from './edit-distance.ts';
import { FIELD_WEIGHTS, type Field, type SearchDoc } from './document.ts';
import type { SearchQuery } from './query.ts';

export interface SearchHit {
  readonly doc: SearchDoc;
  readonly score: number;
  /** Words of the document that matched, for highlighting; prefixes as typed. */
  readonly matched: readonly string[];
}

const FIELDS: readonly Field[] = ['title', 'name', 'meta', 'context'];
// An exact word beats a completed prefix, which beats a typo.
const EXACT = 1;
const PREFIX = 0.8;
const TYPO = 0.5;

export function passesFilters(doc: SearchDoc, q: SearchQuery): boolean {
  if (q.hasCode && !doc.hasCode) return false;
  if (q.topics.length && !q.topics.every((t) => doc.topics.some((topic) => topic.includes(t)))) return false;
  if (q.years && !doc.years.some((y) => (q.years!.min === undefined || y >= q.years!.min) && (q.years!.max === undefined || y <= q.years!.max))) return false;
  return q.phrases.every((p) => doc.phraseText.includes(` ${p} `) || doc.phraseText.includes(` ${p}`));
}

function wordScore(doc: SearchDoc, word: string, prefix: boolean, matched: string[]): number {
  const budget = typoBudget(word);
  let best = 0;
  for (const field of FIELDS) {
    const weight = FIELD_WEIGHTS[field];
    if (weight <= best) break;
    for (const term of doc.fields[field]) {
      let s = 0;
      if (term === word) s = EXACT;
      else if (prefix && term.startsWith(word)) s = PREFIX;
      else if (budget > 0 && withinDistance(term, word, budget)) s = TYPO;
      else if (prefix && budget > 0 && term.length > word.length && withinDistance(term.slice(0, word.length), word, 1)) s = TYPO * PREFIX;
      if (s * weight > best) {
        best = s * weight;
        matched.push(term);
      }
      if (s === EXACT) break;
    }
  }
  return best;
}

/** Scores one document, or undefined when a filter, phrase or word does not match. */
export function scoreDoc(doc: SearchDoc, q: SearchQuery): SearchHit | undefined {
  if (!passesFilters(doc, q)) return undefined;
  const matched: string[] = [];
  let score = 0;
  for (const [i, word] of q.words.entries()) {
    const s = wordScore(doc, word, q.prefixLast && i === q.words.length - 1, matched);
    if (s === 0) return undefined;
    score += s;
  }
  for (const p of q.phrases) matched.push(...p.split(' '));
  // A filter-only query ranks by recency alone.
  return { doc, score, matched: [...new Set(matched)] };
}

/** Best first; ties go to the more recent digest, then papers before digests. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || b.doc.date.localeCompare(a.doc.date) || (a.doc.kind === b.doc.kind ? a.doc.key.localeCompare(b.doc.key) : a.doc.kind === 'paper' ? -1 : 1);
}

/** The plain scan: every document scored. Correct at any size, fast at the starter index's. */
export function linearSearch(docs: readonly SearchDoc[], q: SearchQuery, limit = 50): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    const hit = scoreDoc(doc, q);
    if (hit) hits.push(hit);
  }
  return hits.sort(compareHits).slice(0, limit);
}
