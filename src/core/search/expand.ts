import { typoBudget } from './edit-distance.ts';
import { EXACT, PREFIX, TYPO } from './match.ts';
import type { SortedTerms } from './sorted-terms.ts';
import { FILTER_MARK } from './terms.ts';

/** First index of sorted terms whose term is >= `key`. */
export function lowerBound(sorted: SortedTerms, key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted.at(mid) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Two sorted, duplicate-free string arrays as one. */
export function sortedUnion(a: readonly string[], b: readonly string[]): string[] {
  if (b.length === 0) return a as string[];
  if (a.length === 0) return b as string[];
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else if (i >= a.length || b[j]! < a[i]!) out.push(b[j++]!);
    else {
      out.push(a[i++]!);
      j++;
    }
  }
  return out;
}

/** First index in [lo, hi) whose term has a code unit above `c` at `d` (all share the first d units and are longer). */
function nextBranch(sorted: SortedTerms, lo: number, hi: number, d: number, c: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted.code(mid, d) <= c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The vocabulary terms a query word matches, each with the factor the matching rules (match.ts) give
 * it: exact, completed prefix (the last word while typing), within the typo budget, or a prefix
 * within one typo — match.ts's rules, applied to the whole vocabulary at once. `vocab` is sorted; filter pseudo-terms sort first and are skipped.
 *
 * Typos are found by walking the sorted vocabulary as a trie (a range of terms per prefix, its
 * branches found by binary search) with one row of the Damerau distance table per depth: a branch
 * whose row has nothing within the budget can't lead to a match (the row minimum never falls as a
 * prefix grows), so only the prefixes near the word are visited, not every term of the vocabulary.
 * `budget` 0: the exact term and the completions alone.
 */
export function expandWord(vocab: SortedTerms, word: string, prefix: boolean, budget = typoBudget(word)): Map<string, number> {
  const out = new Map<string, number>();
  const start = lowerBound(vocab, word);
  if (start < vocab.length && vocab.at(start) === word) out.set(word, EXACT);
  if (prefix) {
    for (let i = start; i < vocab.length; i++) {
      const term = vocab.at(i);
      if (!term.startsWith(word)) break;
      if (term !== word) out.set(term, PREFIX);
    }
  }
  if (budget === 0) return out;
  const n = word.length;
  const w = Array.from({ length: n }, (_, j) => word.charCodeAt(j));
  // Ranges of terms whose first n units are within one typo of the word: prefixes within a typo,
  // unless a closer factor claims them first (the walk below finishes before they are added).
  const typoPrefixed: [number, number][] = [];
  // One row per depth, reused: the walk is depth-first, so a depth's row is only overwritten once
  // its subtree is done (no branch can go deeper than n + budget: its row would exceed the budget).
  const rows = Array.from({ length: n + budget + 2 }, () => new Int32Array(n + 1));
  for (let j = 0; j <= n; j++) rows[0]![j] = j;
  // A cell of depth d and column j is at least |d − j| (the lengths differ by that much): only the
  // band |d − j| ≤ budget is computed, and the cells just outside it hold budget + 1, which decides
  // every comparison with the budget as the true distance would.
  const over = budget + 1;
  for (let j = budget + 1; j <= n; j++) rows[0]![j] = Math.min(j, over);
  const visit = (d: number, lo: number, hi: number, last: number): void => {
    const row = rows[d]!;
    const inBand = n - d <= budget && d - n <= budget;
    if (vocab.size(lo) === d) {
      // The prefix itself is a term.
      if (inBand && row[n]! <= budget) {
        const term = vocab.at(lo);
        if (!out.has(term)) out.set(term, TYPO);
      }
      lo++;
    }
    if (prefix && d === n && row[n]! <= 1 && row[n]! > 0) typoPrefixed.push([lo, hi]);
    const from = Math.max(0, d - budget);
    const to = Math.min(n, d + budget);
    if (from > to) return;
    let min = row[from]!;
    for (let j = from + 1; j <= to; j++) if (row[j]! < min) min = row[j]!;
    if (min > budget) return;
    const prev2 = d > 0 ? rows[d - 1]! : undefined;
    const next = rows[d + 1]!;
    const jlo = Math.max(1, d + 1 - budget);
    const jhi = Math.min(n, d + 1 + budget);
    for (let i = lo; i < hi; ) {
      const c = vocab.code(i, d);
      const end = nextBranch(vocab, i, hi, d, c);
      next[0] = d + 1;
      if (jlo > 1) next[jlo - 1] = over;
      for (let j = jlo; j <= jhi; j++) {
        let v = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (c === w[j - 1] ? 0 : 1));
        if (prev2 && j > 1 && c === w[j - 2] && last === w[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
        next[j] = v;
      }
      if (jhi < n) next[jhi + 1] = over;
      visit(d + 1, i, end, c);
      i = end;
    }
  };
  const first = lowerBound(vocab, String.fromCharCode(FILTER_MARK.charCodeAt(0) + 1));
  if (first < vocab.length) visit(0, first, vocab.length, -1);
  for (const [lo, hi] of typoPrefixed) {
    for (let i = lo; i < hi; i++) {
      const term = vocab.at(i);
      if (!out.has(term)) out.set(term, TYPO * PREFIX);
    }
  }
  return out;
}

/**
 * Whether a term starting with `head` (`whole`: the term `head` itself) can be one `expandWord`
 * matches for `word`, so a reader of a vocabulary split by terms' first characters reads only the
 * parts a word can need. Exact and prefix matches start with the word's own first characters. A
 * typo may change them (a first letter replaced, inserted, dropped or swapped with the second), so
 * for typos the head is run through the same Damerau rows as the walk: a head whose last row has
 * nothing within the budget starts no match (the row minimum never falls as a prefix grows). With
 * a budget of 2 every two-character head passes (two replaced letters): such a word needs the
 * whole vocabulary. `budget` 0: the heads of the exact term and the completions alone.
 */
export function headMatcher(word: string, prefix: boolean, budget = typoBudget(word)): (head: string, whole: boolean) => boolean {
  const n = word.length;
  const w = Array.from({ length: n }, (_, j) => word.charCodeAt(j));
  return (head, whole) => {
    if ((whole ? head === word : word.startsWith(head)) || (prefix && head.startsWith(word))) return true;
    // Filter pseudo-terms are never a word's typo (the walk skips them).
    if (budget === 0 || head.length === 0 || head.charCodeAt(0) <= FILTER_MARK.charCodeAt(0)) return false;
    const h = head.length;
    // A whole term is a typo of the word or not (one longer than the word may be a prefix within one).
    const asTerm = whole && !(prefix && h > n);
    if (asTerm && Math.abs(h - n) > budget) return false;
    // Each letter of a head no longer than the budget can be a replaced one.
    if (!asTerm && h <= budget) return true;
    // Columns past h + budget exceed the budget at depth h, and no column before them reads them.
    const cols = Math.min(n, h + budget);
    let prev2: number[] | undefined;
    let row: number[] = [];
    for (let j = 0; j <= cols; j++) row.push(j);
    for (let d = 0; d < h; d++) {
      const c = head.charCodeAt(d);
      const last = d > 0 ? head.charCodeAt(d - 1) : -1;
      const next = [d + 1];
      for (let j = 1; j <= cols; j++) {
        let v = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (c === w[j - 1] ? 0 : 1));
        if (prev2 && j > 1 && c === w[j - 2] && last === w[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
        next.push(v);
      }
      prev2 = row;
      row = next;
    }
    if (asTerm) return row[n]! <= budget;
    let min = row[0]!;
    for (let j = 1; j <= cols; j++) if (row[j]! < min) min = row[j]!;
    return min <= budget;
  };
}

/** The filter pseudo-terms (sorted) starting with `head`. */
export function termsWithPrefix(vocab: SortedTerms, head: string): string[] {
  const out: string[] = [];
  for (let i = lowerBound(vocab, head); i < vocab.length; i++) {
    const term = vocab.at(i);
    if (!term.startsWith(head)) break;
    out.push(term);
  }
  return out;
}
