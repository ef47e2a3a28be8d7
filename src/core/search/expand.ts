import { typoBudget } from './edit-distance.ts';
import { TypoFilter } from './fast-distance.ts';
import { FILTER_MARK } from './terms.ts';

// The same scale as linearSearch: an exact word beats a completed prefix, which beats a typo.
const EXACT = 1;
const PREFIX = 0.8;
const TYPO = 0.5;

/** First index in a sorted list whose value is >= `key`. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The vocabulary terms a query word matches, each with the factor linearSearch's wordScore gives
 * it: exact, completed prefix (the last word while typing), within the typo budget, or a prefix
 * within one typo. `vocab` is sorted; filter pseudo-terms sort first and are skipped.
 */
export function expandWord(vocab: readonly string[], word: string, prefix: boolean): Map<string, number> {
  const out = new Map<string, number>();
  const start = lowerBound(vocab, word);
  if (vocab[start] === word) out.set(word, EXACT);
  if (prefix) {
    for (let i = start; i < vocab.length && vocab[i]!.startsWith(word); i++) if (vocab[i] !== word) out.set(vocab[i]!, PREFIX);
  }
  const budget = typoBudget(word);
  if (budget === 0) return out;
  const filter = new TypoFilter(word);
  const first = lowerBound(vocab, String.fromCharCode(FILTER_MARK.charCodeAt(0) + 1));
  for (let i = first; i < vocab.length; i++) {
    const term = vocab[i]!;
    if (out.has(term)) continue;
    if (filter.within(term, budget)) out.set(term, TYPO);
    else if (prefix && filter.prefixWithinOne(term)) out.set(term, TYPO * PREFIX);
  }
  return out;
}

/** The filter pseudo-terms (sorted) starting with `head`. */
export function termsWithPrefix(vocab: readonly string[], head: string): string[] {
  const out: string[] = [];
  for (let i = lowerBound(vocab, head); i < vocab.length && vocab[i]!.startsWith(head); i++) out.push(vocab[i]!);
  return out;
}
