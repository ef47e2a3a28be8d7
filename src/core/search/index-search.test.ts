import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typoBudget, withinDistance } from './edit-distance.ts';
import { expandWord, headMatcher } from './expand.ts';
import { arrayTerms, joinedTerms, type SortedTerms, termStarts, termsOf } from './sorted-terms.ts';
import { FILTER_MARK } from './terms.ts';
import { topRanked } from './top-k.ts';

/** The matching rules applied to every term, one by one: what expandWord must give. */
function expandByScan(vocab: readonly string[], word: string, prefix: boolean): Map<string, number> {
  const out = new Map<string, number>();
  const budget = typoBudget(word);
  for (const term of vocab) {
    if (term.startsWith(FILTER_MARK)) continue;
    if (term === word) out.set(term, 1);
    else if (prefix && term.startsWith(word)) out.set(term, 0.8);
    else if (budget > 0 && withinDistance(term, word, budget)) out.set(term, 0.5);
    else if (prefix && budget > 0 && term.length > word.length && withinDistance(term.slice(0, word.length), word, 1)) out.set(term, 0.4);
  }
  return out;
}

const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));

/** Sorted terms as the database's vocabulary rows hold them: by their first two characters, joined by NUL. */
function rowsOf(vocab: readonly string[]): string[] {
  const rows = new Map<string, string[]>();
  for (const t of vocab) rows.set(t.slice(0, 2), [...(rows.get(t.slice(0, 2)) ?? []), t]);
  return [...rows.values()].map((terms) => terms.join('\u0000'));
}

/** Both forms a reader gives a sorted vocabulary in: a string per term, and the rows' text joined. */
const forms = (vocab: readonly string[]): SortedTerms[] => [arrayTerms(vocab), joinedTerms(rowsOf(vocab), '\u0000')];

describe('joinedTerms', () => {
  it('reads the terms of joined rows as the rows hold them, without a string per term', () => {
    const term = fc.stringMatching(/^[a-cé\u0001]{1,6}$/);
    fc.assert(
      fc.property(fc.uniqueArray(term, { maxLength: 60 }), (terms) => {
        const vocab = [...terms].sort();
        const joined = joinedTerms(['', ...rowsOf(vocab), ''], '\u0000');
        expect(termsOf(joined)).toEqual(vocab);
        vocab.forEach((t, i) => {
          expect(joined.size(i)).toBe(t.length);
          for (let d = 0; d < t.length; d++) expect(joined.code(i, d)).toBe(t.charCodeAt(d));
        });
      }),
      { numRuns: 500 },
    );
    expect(joinedTerms([], '\u0000').length).toBe(0);
  });

  it('takes stored starts that fit the text instead of finding them, and finds them when they do not fit', () => {
    const rows = ['ab\u0000abc', 'b'];
    expect([...termStarts(rows, '\u0000')]).toEqual([0, 3, 7, 9]);
    // Starts that fit the text are trusted as they are (here they cut it elsewhere): none is searched for.
    expect(termsOf(joinedTerms(rows, '\u0000', Uint32Array.of(0, 7, 9)))).toEqual(['ab\u0000abc', 'b']);
    // Starts of another text (a stale copy) are not.
    expect(termsOf(joinedTerms(rows, '\u0000', Uint32Array.of(0, 3, 8)))).toEqual(['ab', 'abc', 'b']);
    expect(termsOf(joinedTerms(rows, '\u0000', new Uint32Array(0)))).toEqual(['ab', 'abc', 'b']);
  });
});

describe('expandWord', () => {
  it('finds exactly the terms (and factors) a scan of every term would, typos included', () => {
    // Small alphabets make near misses common; a filter term and a non-Latin word ride along.
    const word = fc.stringMatching(/^[a-dé]{1,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 80 }), word, fc.boolean(), (terms, w, prefix) => {
        const vocab = [...terms, `${FILTER_MARK}c`, `${FILTER_MARK}t:${w}`].sort();
        for (const form of forms(vocab)) expect(sorted(expandWord(form, w, prefix))).toEqual(sorted(expandByScan(vocab, w, prefix)));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives linearSearch's factors: exact, prefix, typo, prefix within a typo", () => {
    for (const vocab of forms(['\u0001c', 'segment', 'segmentation', 'segmented', 'semantic', 'signal'].sort())) {
      expect(Object.fromEntries(expandWord(vocab, 'segment', false))).toEqual({ segment: 1 });
      expect(Object.fromEntries(expandWord(vocab, 'segme', true))).toEqual({ segment: 0.8, segmentation: 0.8, segmented: 0.8 });
      expect(Object.fromEntries(expandWord(vocab, 'segmantation', false))).toEqual({ segmentation: 0.5 });
      expect(Object.fromEntries(expandWord(vocab, 'sagme', true))).toEqual({ segment: 0.4, segmentation: 0.4, segmented: 0.4 });
    }
  });
});

describe('topRanked', () => {
  // Few distinct scores and rank keys, so ties on both are common (as with real postings).
  const candidate = fc.record({ total: fc.constantFrom(0, 0.4, 0.5, 1, 1.3, 2), rank: fc.integer({ min: 0, max: 5 }) });
  it('returns the k best in order: score, then rank key, higher first; then id, lower first', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 300 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1e6 }), (cs, k, seed) => {
        // Distinct ids in no particular order, as candidates come from several terms' lists.
        const ids = cs.map((_, i) => (i * 7919 + seed) % 1_000_003);
        const total = Float64Array.from(cs, (c) => c.total);
        const rank = Uint32Array.from(cs, (c) => c.rank);
        const bySort = cs.map((_, i) => i).sort((a, b) => total[b]! - total[a]! || rank[b]! - rank[a]! || ids[a]! - ids[b]!);
        expect(topRanked(total, rank, ids, k)).toEqual(bySort.slice(0, k));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('headMatcher', () => {
  /** The vocabulary as a reader split by first two characters holds it: the parts a word's heads accept. */
  const partsFor = (vocab: readonly string[], w: string, prefix: boolean) => {
    const may = headMatcher(w, prefix);
    return vocab.filter((t) => may(t.slice(0, 2), t.length < 2));
  };

  it('keeps every part holding a term expandWord matches, typos in the first two letters included', () => {
    // Words sharing few first letters with the vocabulary's, so typos at the start are common.
    const word = fc.stringMatching(/^[a-dé]{1,10}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 80 }), word, fc.boolean(), (terms, w, prefix) => {
        const vocab = [...terms, `${FILTER_MARK}c`, `${FILTER_MARK}t:${w}`].sort();
        expect(sorted(expandWord(arrayTerms(partsFor(vocab, w, prefix)), w, prefix))).toEqual(sorted(expandWord(arrayTerms(vocab), w, prefix)));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts, within one typo, the parts a first letter replaced, inserted, dropped or swapped leads to', () => {
    const heads = ['ki', 'kz', 'k', 'zi', 'zk', 'id', 'ik', 'ie', 'iz', 'xy', 'z', `${FILTER_MARK}c`];
    const accepted = (w: string, prefix: boolean) => heads.filter((h) => headMatcher(w, prefix)(h, h.length < 2));
    // "kidney": k… (the second letter changed), …i (the first replaced), …k (a letter inserted before
    // it), "id" (the first dropped), "ik" (the first two swapped); never a one-letter term.
    expect(accepted('kidney', false)).toEqual(['ki', 'kz', 'zi', 'zk', 'id', 'ik']);
    // Under five letters no typo: only the word's own first letters (the part "k" holds "k" alone).
    expect(accepted('kid', false)).toEqual(['ki']);
    expect(accepted('ki', true)).toEqual(['ki']);
    expect(accepted('k', true)).toEqual(['ki', 'kz', 'k']);
    // Two typos reach every part of two letters.
    expect(accepted('kidneyses', false)).toEqual(heads.filter((h) => h.length === 2 && h.charCodeAt(0) > 1));
  });
});
