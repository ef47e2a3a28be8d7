import type { Range } from './blocks.ts';

/** A whitespace-separated word with the punctuation around it split off. */
export interface Token extends Range {
  /** The word without leading `(“"‘[` and trailing `,.;:)”"’]!?`. */
  readonly core: string;
  readonly lead: string;
  readonly trail: string;
}

const LEAD = new Set(['(', '“', '"', '‘', '[', "'"]);
const TRAIL = new Set([',', '.', ';', ':', ')', '”', '"', '’', ']', '!', '?', "'"]);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** Tokens of `text` between `from` and `to`, with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    const end = i;
    let a = start;
    while (a < end && LEAD.has(text[a]!)) a++;
    let b = end;
    while (b > a && TRAIL.has(text[b - 1]!)) b--;
    // Keep the full stop of an initial or abbreviation out of `core` but remember it in `trail`.
    out.push({ start, end, lead: text.slice(start, a), core: text.slice(a, b), trail: text.slice(b, end) });
  }
  return out;
}

export function has(s: string, chars: string): boolean {
  for (const c of chars) if (s.includes(c)) return true;
  return false;
}

/** The token ends a clause: a comma, semicolon, colon, closing bracket or quote follows it. */
export function endsClause(t: Token): boolean {
  return has(t.trail, ',;:)”"]');
}

/** The index of the first token ending after `pos` (binary search; tokens are in order). */
export function tokenIndexAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
