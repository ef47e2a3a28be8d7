/**
 * Search over the inverted index: the same answers as linearSearch (same expansion of each word,
 * same scores, same filters, same order), reading only the postings of the terms a query needs.
 */

import { FIELD_WEIGHTS } from './document.ts';
import { typoBudget } from './edit-distance.ts';
import { expandWord, headMatcher, termsWithPrefix } from './expand.ts';
import type { DocKey, IndexReader } from './index-reader.ts';
import { type Candidates, intersect, type Stage } from './intersect.ts';
import {
  compareHits,
  compareKeys,
  EXACT,
  PREFIX,
  phraseWords,
  type SearchHit,
  type SearchPage,
  scoreWith,
  type TermFactor,
  TYPO,
  wordFactors,
} from './match.ts';
import { isEmptyQuery, type SearchQuery } from './query.ts';
import type { SortedTerms } from './sorted-terms.ts';
import { CODE_TERM, FILTER_MARK, infoMask, maskWeight } from './terms.ts';
import { topRanked } from './top-k.ts';

/** A constraint on documents: a word (scored) or a filter (in or out). */
interface Constraint {
  readonly terms: readonly string[];
  /** Per term, the match factor (words only). */
  readonly factors?: readonly number[];
  /** Index of the word in the query, for summing scores in the query's order. */
  readonly word?: number;
}

// Candidates fetched beyond the limit: ties at the cut are ordered by key, which only documents hold.
const SLACK = 20;

/** A vocabulary's terms starting with `head`, each once. */
const withPrefix = (vocab: readonly SortedTerms[], head: string): string[] => [...new Set(vocab.flatMap((part) => termsWithPrefix(part, head)))];

function filterConstraints(vocab: readonly SortedTerms[], q: SearchQuery): Constraint[] | undefined {
  const out: Constraint[] = [];
  const topicTerms = withPrefix(vocab, `${FILTER_MARK}t:`);
  for (const t of q.topics) {
    const terms = topicTerms.filter((term) => term.slice(3).includes(t));
    if (terms.length === 0) return undefined;
    out.push({ terms });
  }
  if (q.years) {
    const terms = withPrefix(vocab, `${FILTER_MARK}y:`).filter((term) => {
      const y = Number(term.slice(3));
      return (q.years!.min === undefined || y >= q.years!.min) && (q.years!.max === undefined || y <= q.years!.max);
    });
    if (terms.length === 0) return undefined;
    out.push({ terms });
  }
  return out;
}

/** Whether a word of the query may match within a typo budget (five letters or more). */
export function looksForTypos(q: SearchQuery): boolean {
  return q.words.some((w) => typoBudget(w) > 0);
}

/** The vocabulary a query can need: terms its words may match (`typos` false: exactly or as completions), and its filters' pseudo-terms. */
function wantedHeads(q: SearchQuery, typos = true): (head: string, whole: boolean) => boolean {
  const words = q.words.map((w, i) => headMatcher(w, q.prefixLast && i === q.words.length - 1, typos ? typoBudget(w) : 0));
  const filters = [...(q.topics.length ? [`${FILTER_MARK}t:`] : []), ...(q.years ? [`${FILTER_MARK}y:`] : [])];
  return (head, whole) => words.some((may) => may(head, whole)) || filters.some((f) => head.startsWith(f) || (!whole && f.startsWith(head)));
}

// Typing "medical image seg…" expands "medical" and "image" again on every keystroke: expansions
// are kept per part of the vocabulary (a changed part is a new object, after a write or once more
// of it is read, so nothing stale survives).
const EXPANSIONS_KEPT = 512;
const expansionCache = new WeakMap<SortedTerms, Map<string, Map<string, number>>>();

/** A word's expansion over every part of the vocabulary (a term in two parts expands alike in both). */
function expandKept(vocab: readonly SortedTerms[], word: string, prefix: boolean, typos = true): Map<string, number> {
  // Most words match nothing among the few terms written since the last merge: no copy then.
  const [first, ...rest] = vocab.map((part) => expandKeptIn(part, word, prefix, typos)).filter((found) => found.size > 0);
  if (!first || rest.length === 0) return first ?? new Map();
  const out = new Map(first);
  for (const found of rest) for (const [term, factor] of found) out.set(term, Math.max(factor, out.get(term) ?? 0));
  return out;
}

function expandKeptIn(vocab: SortedTerms, word: string, prefix: boolean, typos: boolean): Map<string, number> {
  let kept = expansionCache.get(vocab);
  if (!kept) expansionCache.set(vocab, (kept = new Map()));
  const key = `${prefix ? 'p' : 'w'}${typos ? '' : '!'}${word}`;
  let found = kept.get(key);
  if (!found) {
    found = expandWord(vocab, word, prefix, typos ? typoBudget(word) : 0);
    if (kept.size >= EXPANSIONS_KEPT) kept.clear();
    kept.set(key, found);
  }
  return found;
}

/**
 * The typed prefix of the last word, and the prefixes within a typo of it that its expansion
 * completed (their first letters): each names a run of adjacent terms a reader may read at once.
 */
function rangePrefixes(q: SearchQuery, expansions: readonly Map<string, number>[]): string[] {
  if (!q.prefixLast || expansions.length !== q.words.length) return [];
  const word = q.words.at(-1)!;
  const out = new Set([word]);
  for (const [term, factor] of expansions.at(-1)!) if (factor === TYPO * PREFIX) out.add(term.slice(0, word.length));
  return [...out];
}

const NONE: SearchPage = { hits: [], total: 0, exact: true };

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Puts the candidates from `ranked[start]` on, tied on score and date, in the order their `keys` give (unknown ones last). */
function orderByKey(ranked: number[], start: number, keys: readonly (DocKey | undefined)[]): void {
  const group = ranked.slice(start, start + keys.length);
  const order = group.map((c, i) => ({ c, k: keys[i] }));
  order.sort((a, b) => (a.k && b.k ? compareKeys(a.k, b.k) : (a.k ? 0 : 1) - (b.k ? 0 : 1)));
  order.forEach((o, i) => {
    ranked[start + i] = o.c;
  });
}

export async function indexSearch(reader: IndexReader, q: SearchQuery, limit = 50): Promise<SearchHit[]> {
  return [...(await indexSearchPage(reader, q, limit)).hits];
}

/** The best `limit` results and how many match in all. */
export async function indexSearchPage(reader: IndexReader, q: SearchQuery, limit = 50): Promise<SearchPage> {
  return (await searchPage(reader, q, limit, true))!;
}

/**
 * The best `limit` results, without looking for typos, when no typo can change them: undefined
 * otherwise (the caller then asks indexSearchPage). Looking for a word's typos reads the vocabulary
 * rows its first letters may be typos of: ~100 rows for "segme" at 1M, and every row (the packed
 * copy, ~100 ms in a fresh context at 1M) for a word of nine letters or more, whose first two
 * letters may both be typos. When its exact term and completions already give the newest
 * documents' `limit`-th result a score no document using a typo can reach, none is needed. A term matched within the typo budget scores a word at most
 * a title's weight × TYPO, so such a document scores at most that plus a title's weight for each
 * other word; a document using none scores as it does here. With a score above that bound, the
 * results are those of indexSearchPage (their typo terms found by the matching rules, for the
 * words they highlight); only the count, already a lower bound there, may be lower.
 */
export async function indexSearchWithoutTypos(reader: IndexReader, q: SearchQuery, limit = 50): Promise<SearchPage | undefined> {
  // A phrase may reject any candidate, which only its document shows: every one is read.
  return q.phrases.length ? undefined : searchPage(reader, q, limit, false);
}

/** A typo of a word scores it at most this (a title's weight × TYPO; TYPO × PREFIX is less). */
const TYPO_BOUND = FIELD_WEIGHTS.title * TYPO;

async function searchPage(reader: IndexReader, q: SearchQuery, limit: number, typos: boolean): Promise<SearchPage | undefined> {
  if (isEmptyQuery(q)) return NONE;
  const vocab = await reader.vocabulary(wantedHeads(q, typos));
  const words: Constraint[] = [];
  const expansions: Map<string, number>[] = [];
  for (const [i, w] of q.words.entries()) {
    const found = expandKept(vocab, w, q.prefixLast && i === q.words.length - 1, typos);
    // Without typos, a word matching nothing may still match through them.
    if (found.size === 0) return typos ? NONE : undefined;
    expansions.push(found);
    words.push({ terms: [...found.keys()], factors: [...found.values()], word: i });
  }
  // A phrase's words are all in the document, as exact words scored after the query's (the phrase
  // itself is checked on the document).
  for (const [j, w] of phraseWords(q).entries()) words.push({ terms: [w], factors: [EXACT], word: q.words.length + j });
  const filters = filterConstraints(vocab, q);
  if (!filters) return NONE;
  const constraints = [...words, ...filters];
  // "c:" alone has nothing else to draw candidates from; otherwise the info bit serves it.
  if (constraints.length === 0) constraints.push({ terms: [CODE_TERM] });

  const all = [...new Set(constraints.flatMap((c) => c.terms))];
  const prefixes = rangePrefixes(q, expansions);
  const { first, limit: limitId } = await reader.idRange();
  // Candidates from postings, the smallest constraint first (the others only narrow them), ids
  // counted from `from`: the index's first (a rebuilt index's ids start high), or the recent part's.
  const candidates = (lists: readonly Uint32Array[], from: number) => {
    const byTerm = new Map(all.map((t, i) => [t, lists[i]!]));
    const size = (c: Constraint) => c.terms.reduce((n, t) => n + byTerm.get(t)!.length, 0);
    const stages = [...constraints]
      .sort((a, b) => size(a) - size(b))
      .map(
        (c): Stage => ({
          lists: c.terms.map((t) => byTerm.get(t)!),
          ...(c.factors ? { factors: c.factors } : {}),
          ...(c.word !== undefined ? { word: c.word } : {}),
        }),
      );
    const found = intersect(stages, words.length, from, limitId - from, q.hasCode);
    // Exact ties (which only a document's key orders) go to the lower id: the same candidates
    // whatever order they came in. Phrases can reject candidates only their document shows: all
    // of them are ranked then, best first.
    return { ...found, from, ranked: topRanked(found.total, found.rank, found.ids, q.phrases.length ? found.ids.length : limit + SLACK) };
  };
  const newest = await newestCandidates(reader, q, words, first, all, prefixes, candidates, limit);
  if (!typos) {
    // The newest documents' `limit`-th must outrank any document using a typo.
    const last = newest?.ranked[limit - 1];
    if (last === undefined || !(newest!.total[last]! > FIELD_WEIGHTS.title * (q.words.length - 1) + TYPO_BOUND + 0.01)) return undefined;
  }
  const { ids, total, rank, ranked, from: idBase } = newest ?? candidates(await reader.postings(all, prefixes), first);
  if (ids.length === 0) return NONE;
  const rankOrder = (a: number, b: number) => total[b]! - total[a]! || rank[b]! - rank[a]!;
  // Re-scored from each word's expansion: a Map lookup per document word, not an edit distance
  // (without typos, the matching rules for the terms it lacks: a document shown may hold a typo).
  const rules = typos ? [] : wordFactors(q);
  const factors: TermFactor[] = expansions.map((found, i) => (typos ? (term) => found.get(term) ?? 0 : (term) => found.get(term) ?? rules[i]!(term)));
  const hits: SearchHit[] = [];
  let from = 0;
  // Documents are read only as far as the cut. Candidates tied across it are ordered by their keys
  // (which decide between them, compareHits), read from their refs alone, and only those before the
  // cut are read whole. With phrases, every tied candidate is read: its document may not match.
  while (from < ranked.length && hits.length < limit) {
    let to = Math.min(ranked.length, from + limit - hits.length);
    const tiesEnd = Math.min(ranked.length, to + SLACK);
    let end = to;
    while (end < tiesEnd && rankOrder(ranked[end - 1]!, ranked[end]!) === 0) end++;
    if (end > to && q.phrases.length === 0) {
      let start = to - 1;
      while (start > from && rankOrder(ranked[start - 1]!, ranked[start]!) === 0) start--;
      // Every candidate's key up to the ties' end in one read (a reader keeps what it read for the
      // documents next), then the tied ones in key order.
      const keys = await reader.keys(ranked.slice(from, end).map((c) => ids[c]! + idBase));
      orderByKey(ranked, start, keys.slice(start - from));
    } else to = end;
    const docs = await reader.docs(ranked.slice(from, to).map((c) => ids[c]! + idBase));
    for (const doc of docs) {
      // The very score the postings gave, plus the words to highlight and the phrases checked.
      const hit = doc && scoreWith(doc, q, factors);
      if (hit) hits.push(hit);
    }
    from = to;
  }
  const sorted = hits.sort(compareHits).slice(0, limit);
  // The newest documents alone gave every result: the older ones were not counted.
  if (newest) return { hits: sorted, total: ids.length, exact: false, atLeast: true };
  // Without phrases every candidate matches; with them, those not read yet may not.
  const exact = q.phrases.length === 0 || from >= ranked.length;
  return { hits: sorted, total: exact && q.phrases.length ? hits.length : ids.length, exact };
}

/** A query's candidates among some documents, ranked (`limit + SLACK` of them, or all with phrases). */
interface Ranked extends Candidates {
  /** What the ids are counted from. */
  readonly from: number;
  readonly ranked: number[];
}

/**
 * The candidates among the newest documents (the reader's recent part), when its best `limit`
 * are the best of the whole index: the last of them outranks any older document could. Those
 * tied with it are newest documents too, and among the candidates ranked (`limit + SLACK`). Readers
 * sort results newest first among equal scores, so a common word's best are nearly always its
 * newest (docs/search.md, "The newest documents first"). Undefined: the whole index is needed.
 */
async function newestCandidates(
  reader: IndexReader,
  q: SearchQuery,
  words: readonly Constraint[],
  first: number,
  all: readonly string[],
  prefixes: readonly string[],
  candidates: (lists: readonly Uint32Array[], from: number) => Ranked,
  limit: number,
): Promise<Ranked | undefined> {
  // A phrase may reject any candidate, which only its document shows.
  if (q.phrases.length || !reader.recent) return undefined;
  const part = await reader.recent();
  if (!part || part.first <= first) return undefined;
  const lists = await part.postings(all, prefixes);
  const found = candidates(lists, part.first);
  if (found.ranked.length < limit) return undefined;
  const last = found.ranked[limit - 1]!;
  const score = found.total[last]!;
  const newer = found.rank[last]! > part.olderRank;
  // Scores are sums of field weight × factor, multiples of a tenth: nearer than this, equal.
  const beats = (bound: number) => score > bound + 0.01 || (newer && score > bound - 0.01);
  // An older document scores at most a title's weight × its best factor for each word (summed as
  // the intersection sums them, in the query's word order).
  const size = new Map(all.map((t, i) => [t, lists[i]!.length / 2]));
  const bounds = words.map((w) => olderBound(w, size));
  let wordBounds = bounds.map((b) => b.bound);
  if (beats(sum(wordBounds))) return found;
  // Unless a rare term's best factor is all that holds the bound up (an exact "seg" among the
  // "seg…" completions): its whole postings then tell how it appears in older documents.
  const rare = [...new Set(bounds.flatMap((b) => b.rare))];
  if (rare.length > 0 && rare.length <= MAX_RARE && beats(sum(bounds.map((b) => b.common)))) {
    const weight = new Map<string, number>();
    (await reader.postings(rare)).forEach((list, i) => weight.set(rare[i]!, olderWeight(list, part.first)));
    wordBounds = words.map((w, i) => {
      let b = bounds[i]!.common;
      w.terms.forEach((t, k) => {
        if (weight.has(t)) b = Math.max(b, w.factors![k]! * weight.get(t)!);
      });
      return b;
    });
    if (beats(sum(wordBounds))) return found;
  }
  return withOlderWinners(reader, words, all, prefixes, lists, first, wordBounds, newer ? score + 0.01 : score - 0.01, candidates);
}

/**
 * The newest documents' candidates, with the older documents that outrank the window's `limit`-th
 * (they score above `need`). Such a document gets from each word more than `need` less what the
 * other words can give an older document at most (`wordBounds`), so through a term whose title
 * match would: only those terms' (and filters') whole postings are read; the others' pairs among
 * the newest documents. An older document matching a word through other terms alone scores at most
 * `need` and ranks after the `limit` newest it cannot outrank; one that outranks them is scored
 * exactly, since its best term for each word is read. Undefined when every term would be read
 * whole: nothing to save over reading the whole index ("diffusion model" reads the exact "model",
 * 47 KB at 1M, not the 837 KB of "model…").
 */
async function withOlderWinners(
  reader: IndexReader,
  words: readonly Constraint[],
  all: readonly string[],
  prefixes: readonly string[],
  lists: readonly Uint32Array[],
  first: number,
  wordBounds: readonly number[],
  need: number,
  candidates: (lists: readonly Uint32Array[], from: number) => Ranked,
): Promise<Ranked | undefined> {
  const total = sum(wordBounds);
  const needed = new Set<string>();
  const some = new Set<string>();
  for (const [i, w] of words.entries()) {
    // Within a hundredth (scores are multiples of a tenth) counts as more.
    const rest = need - (total - wordBounds[i]!) - 0.01;
    w.terms.forEach((t, k) => {
      some.add(t);
      if (FIELD_WEIGHTS.title * w.factors![k]! > rest) needed.add(t);
    });
  }
  // Filters' terms are read whole too (an older document must pass them).
  const whole = all.filter((t) => needed.has(t) || !some.has(t));
  if (whole.length === all.length) return undefined;
  // A typed prefix whose every completion is read whole is still one key range.
  const wholeSet = new Set(whole);
  const read = await reader.postings(
    whole,
    prefixes.filter((p) => all.every((t) => !t.startsWith(p) || wholeSet.has(t))),
  );
  const byTerm = new Map(whole.map((t, i) => [t, read[i]!]));
  // The newest documents' lists hold ids from the window's first on: all are counted from the index's.
  return candidates(
    all.map((t, i) => byTerm.get(t) ?? lists[i]!),
    first,
  );
}

/** A term listing fewer of the newest documents than this is rare: its whole postings are read to bound older documents' scores. */
const RARE_PAIRS = 64;
/** Rare terms read so, at most, per query. */
const MAX_RARE = 16;

/**
 * What an older document can score for a word: a title's weight × the best factor of its terms
 * (`bound`); the same over its common terms alone (`common`), and the rare terms of a better
 * factor than those, whose whole postings can lower the bound.
 */
function olderBound(w: Constraint, size: ReadonlyMap<string, number>): { bound: number; common: number; rare: string[] } {
  let best = 0;
  let common = 0;
  w.terms.forEach((t, k) => {
    best = Math.max(best, w.factors![k]!);
    if (size.get(t)! >= RARE_PAIRS) common = Math.max(common, w.factors![k]!);
  });
  const rare = w.terms.filter((t, k) => w.factors![k]! > common && size.get(t)! < RARE_PAIRS);
  return { bound: FIELD_WEIGHTS.title * best, common: FIELD_WEIGHTS.title * common, rare };
}

/** The best field weight among a list's pairs of ids below `first` (0: none). */
function olderWeight(list: Uint32Array, first: number): number {
  let best = 0;
  for (let j = 0; j < list.length && list[j]! < first; j += 2) best = Math.max(best, maskWeight(infoMask(list[j + 1]!)));
  return best;
}
