/**
 * A sorted vocabulary as expansion reads it: terms by index, their lengths and code units. Held as
 * an array of strings, or as one text with each term's start: the whole vocabulary (518,744 terms
 * at 1M paper mentions) arrives as ~1,300 strings of joined terms, and splitting them into a
 * string per term took ~150 ms, where finding where each term starts takes ~10.
 */
export interface SortedTerms {
  readonly length: number;
  /** The i-th term. */
  at(i: number): string;
  /** The i-th term's length. */
  size(i: number): number;
  /** The i-th term's code unit at `d` (below its size). */
  code(i: number, d: number): number;
}

/** Terms already one string each, sorted and distinct. */
export function arrayTerms(terms: readonly string[]): SortedTerms {
  return {
    length: terms.length,
    at: (i) => terms[i]!,
    size: (i) => terms[i]!.length,
    code: (i, d) => terms[i]!.charCodeAt(d),
  };
}

/** The parts' text: each part's terms, the parts joined by `sep` (empty parts left out). */
const joinParts = (parts: readonly string[], sep: string): string => parts.filter((p) => p.length > 0).join(sep);

/**
 * Where each term of `parts` starts in their joined text, and one past the last term's end: what
 * `joinedTerms` finds itself unless given. Finding them takes ~40 ms at 1M mentions in a page
 * that just opened (a loop not yet compiled), so merges store them with the packed vocabulary.
 */
export function termStarts(parts: readonly string[], sep: string): Uint32Array {
  return startsIn(joinParts(parts, sep), sep);
}

function startsIn(text: string, sep: string): Uint32Array {
  // Grown by doubling from a guess of eight characters a term: no array of numbers in between.
  let found = new Uint32Array(Math.max(16, text.length >>> 3));
  let length = 0;
  const add = (start: number) => {
    if (length === found.length) {
      const more = new Uint32Array(found.length * 2);
      more.set(found);
      found = more;
    }
    found[length++] = start;
  };
  if (text.length > 0) {
    for (let at = 0; ; ) {
      add(at);
      const next = text.indexOf(sep, at);
      if (next < 0) break;
      at = next + 1;
    }
  }
  // One past each term's end, as the next one's start.
  add(text.length + 1);
  return found.slice(0, length);
}

/**
 * `parts`, each sorted distinct terms joined by `sep` (a character no term holds), every term of
 * one part before every term of the next: all their terms, as one text. `stored`: their
 * `termStarts`, used when they fit the text.
 */
export function joinedTerms(parts: readonly string[], sep: string, stored?: Uint32Array): SortedTerms {
  const text = joinParts(parts, sep);
  const starts = stored?.length && stored[stored.length - 1] === text.length + 1 ? stored : startsIn(text, sep);
  const length = starts.length - 1;
  return {
    length,
    at: (i) => text.slice(starts[i]!, starts[i + 1]! - 1),
    size: (i) => starts[i + 1]! - 1 - starts[i]!,
    code: (i, d) => text.charCodeAt(starts[i]! + d),
  };
}

/** Every term, as strings (tests, and callers that need them all anyway). */
export function termsOf(terms: SortedTerms): string[] {
  return Array.from({ length: terms.length }, (_, i) => terms.at(i));
}
