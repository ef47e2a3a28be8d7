import { withinDistance } from './edit-distance.ts';

/**
 * Vocabulary scans call the distance test on every word of the vocabulary, so a cheap necessary
 * condition goes first: an edit (Damerau) changes the letter multiset by at most one letter, so
 * more than `max` letters of `word` missing from `term` rules it out. Letters are bucketed by their
 * code & 127; a collision only lets more through, never fewer.
 */
export class TypoFilter {
  private readonly counts = new Int32Array(128);
  private readonly scratch = new Int32Array(128);

  constructor(private readonly word: string) {
    for (let i = 0; i < word.length; i++) this.counts[word.charCodeAt(i) & 127]!++;
  }

  /** True when at most `max` letters of the word are missing from `term`. */
  mayMatch(term: string, max: number, length = term.length): boolean {
    const s = this.scratch;
    s.set(this.counts);
    let missing = this.word.length;
    for (let i = 0; i < length; i++) {
      const c = term.charCodeAt(i) & 127;
      if (s[c]! > 0) {
        s[c]!--;
        missing--;
      }
    }
    return missing <= max;
  }

  /** withinDistance(term, word, max), filtered first. */
  within(term: string, max: number): boolean {
    return Math.abs(term.length - this.word.length) <= max && this.mayMatch(term, max) && withinDistance(term, this.word, max);
  }

  /** withinDistance(term.slice(0, word.length), word, 1) for a longer term, filtered first. */
  prefixWithinOne(term: string): boolean {
    const n = this.word.length;
    return term.length > n && this.mayMatch(term, 1, n) && withinDistance(term.slice(0, n), this.word, 1);
  }
}
