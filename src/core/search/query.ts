/**
 * The popup's query language, after PaperMemory's: plain words (all must match, the last one as
 * a prefix while typing), "quoted phrases", and filters `t:topic`, `y:2026`, `y:>2025`, `y:<=2026`,
 * `y:2025..2026`, `c:` (has code). Anything that is not a valid filter is searched as a word.
 */
import { titleKey } from '../ids/title-key.ts';

export interface YearRange {
  readonly min?: number;
  readonly max?: number;
}

export interface SearchQuery {
  /** Title-keyed words; the last is a prefix when `prefixLast`. */
  readonly words: readonly string[];
  readonly phrases: readonly string[];
  readonly topics: readonly string[];
  readonly years?: YearRange;
  readonly hasCode: boolean;
  readonly prefixLast: boolean;
}

export const QUERY_HINT = 'Words, "a phrase", t:topic, y:2026 or y:>2025, c: (has code), or paste an arXiv id or address';

/** The filters, one line each, for the popup's help. */
export const QUERY_HELP: readonly (readonly [string, string])[] = [
  ['words', 'every word must match: title, short name, authors, institutions, datasets, code or the digest’s sentence'],
  ['"a phrase"', 'the words together, in this order'],
  ['t:medical', 'digests whose topic contains the word (t:"deep learning" for several)'],
  ['y:2026', 'digests of 2026; also y:>2025, y:<=2026, y:2024..2026'],
  ['c:', 'papers with code (takes no word: c: segmentation)'],
  ['2602.22544', 'an arXiv id, or an arXiv, alphaXiv, Hugging Face, SciRate or GitHub address: that paper first'],
];

/** What the popup says about the query itself: filters written in a way they do not mean. */
export function queryNotes(input: string): string[] {
  const notes: string[] = [];
  for (const m of input.slice(0, 500).matchAll(/(?:^|\s)[cC]:([^\s"]+)/g)) {
    notes.push(`c: takes no word: it means "has code". Searching papers with code for "${m[1]}".`);
  }
  for (const m of input.slice(0, 500).matchAll(/(?:^|\s)([abd-su-xzABD-SU-XZ]):\S/g)) {
    notes.push(`${m[1]}: is no filter (t:, y: and c: are); it was searched as a word.`);
  }
  return notes;
}

const TOKEN = /(\w+):"([^"]*)"?|"([^"]*)"?|(\S+)/g;

function yearRange(spec: string): YearRange | undefined {
  let m = /^(>=|<=|>|<)?(\d{4})$/.exec(spec);
  if (m) {
    const y = Number(m[2]);
    switch (m[1]) {
      case '>':
        return { min: y + 1 };
      case '>=':
        return { min: y };
      case '<':
        return { max: y - 1 };
      case '<=':
        return { max: y };
      default:
        return { min: y, max: y };
    }
  }
  m = /^(\d{4})(?:\.\.|-)(\d{4})$/.exec(spec);
  if (m) return { min: Math.min(Number(m[1]), Number(m[2])), max: Math.max(Number(m[1]), Number(m[2])) };
  return undefined;
}

function intersect(a: YearRange | undefined, b: YearRange): YearRange {
  if (!a) return b;
  const min = Math.max(a.min ?? -Infinity, b.min ?? -Infinity);
  const max = Math.min(a.max ?? Infinity, b.max ?? Infinity);
  return { ...(Number.isFinite(min) ? { min } : {}), ...(Number.isFinite(max) ? { max } : {}) };
}

export function parseQuery(input: string): SearchQuery {
  const words: string[] = [];
  const phrases: string[] = [];
  const topics: string[] = [];
  let years: YearRange | undefined;
  let hasCode = false;
  const text = input.slice(0, 500);
  for (const m of text.matchAll(TOKEN)) {
    const [, key, quotedValue, phrase, bare] = m;
    if (phrase !== undefined) {
      const k = titleKey(phrase);
      if (k) phrases.push(k);
      continue;
    }
    const [name, value] = key !== undefined ? [key, quotedValue!] : splitFilter(bare!);
    const filter = name?.toLowerCase();
    // "t:" or "y:" still being typed: nothing to filter on yet, and no stray word either.
    if ((filter === 't' || filter === 'y') && value === '') continue;
    if (filter === 't' && value !== undefined && titleKey(value)) {
      topics.push(titleKey(value));
    } else if (filter === 'y' && value !== undefined && yearRange(value)) {
      years = intersect(years, yearRange(value)!);
    } else if (filter === 'c' && (value === undefined || value === '')) {
      hasCode = true;
    } else if (filter === 'c' && key === undefined && value !== undefined) {
      // "c:segmentation": c: takes no word; read as "has code" and the word (queryNotes says so).
      hasCode = true;
      words.push(...titleKey(value).split(' ').filter(Boolean));
    } else {
      const source = key !== undefined ? `${key} ${quotedValue}` : bare!;
      words.push(...titleKey(source).split(' ').filter(Boolean));
    }
  }
  // While typing, the last word is incomplete unless a space (or a closing quote) follows it. One
  // or two letters complete to thousands of words and tell nothing yet: they match as typed.
  const prefixLast = words.length > 0 && words.at(-1)!.length >= MIN_PREFIX && /[^\s"]$/.test(text) && !/\w+:\S*$/.test(text);
  return { words, phrases, topics, ...(years ? { years } : {}), hasCode, prefixLast };
}

/** The shortest last word completed as a prefix while typing. */
export const MIN_PREFIX = 3;

function splitFilter(token: string): [string | undefined, string | undefined] {
  const m = /^([a-z]):(.*)$/i.exec(token);
  return m ? [m[1], m[2]] : [undefined, undefined];
}

export function isEmptyQuery(q: SearchQuery): boolean {
  return q.words.length === 0 && q.phrases.length === 0 && q.topics.length === 0 && !q.years && !q.hasCode;
}
