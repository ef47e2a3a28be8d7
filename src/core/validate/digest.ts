/**
 * A digest that enters from outside the parser (a static-index shard from a file or the network,
 * an import message) is checked field by field against the `Digest` type before anything stores
 * it: the index code trusts its records' shapes (a missing name throws deep inside a write), and
 * the pages render its text. Bounded too: a source decides how big a digest is.
 *
 * `digestProblem` returns the first problem, said so a reader can find it ("papers[3].codeUrls[0]
 * is not an http(s) address"), or undefined when the digest is sound. Fields this version does
 * not know are left alone.
 */
import { parseArxivId } from '../ids/arxiv-id.ts';

const SECTIONS = new Set(['bigIdeas', 'underTheHood', 'impact']);
const THEME_SECTIONS = new Set(['bigIdeas', 'underTheHood']);
const FORMATS = new Set(['wordpress', 'rss', 'html', 'text']);
const CODE_KINDS = new Set(['repo', 'org', 'site']);

/** Far above any real digest (100 papers, a few kilobytes of text each), far below what hurts. */
export const DIGEST_LIMITS = { papers: 5000, themes: 1000, listItems: 1000, shortText: 4000, longText: 200_000 } as const;

type Check = (v: unknown, at: string) => string | undefined;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const text =
  (max: number, nonEmpty = false): Check =>
  (v, at) =>
    typeof v !== 'string'
      ? `${at} is not text`
      : nonEmpty && v.trim() === ''
        ? `${at} is empty`
        : v.length > max
          ? `${at} is longer than ${max} characters`
          : undefined;

const optional =
  (check: Check): Check =>
  (v, at) =>
    v === undefined ? undefined : check(v, at);

const oneOf =
  (values: ReadonlySet<string>): Check =>
  (v, at) =>
    typeof v === 'string' && values.has(v) ? undefined : `${at} is not one of ${[...values].join(', ')}`;

const index =
  (size: number): Check =>
  (v, at) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) < size ? undefined : `${at} is not a theme number (0–${size - 1})`;

const list =
  (item: Check, max: number = DIGEST_LIMITS.listItems): Check =>
  (v, at) => {
    if (!Array.isArray(v)) return `${at} is not a list`;
    if (v.length > max) return `${at} has more than ${max} entries`;
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i], `${at}[${i}]`);
      if (p) return p;
    }
    return undefined;
  };

const shape =
  (fields: Record<string, Check>): Check =>
  (v, at) => {
    if (!isObj(v)) return `${at} is not an object`;
    for (const [k, check] of Object.entries(fields)) {
      const p = check(v[k], `${at}.${k}`);
      if (p) return p;
    }
    return undefined;
  };

const httpUrl: Check = (v, at) => {
  const p = text(DIGEST_LIMITS.shortText, true)(v, at);
  if (p) return p;
  try {
    const u = new URL(v as string);
    return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : `${at} is not an http(s) address`;
  } catch {
    return `${at} is not an address`;
  }
};

const day: Check = (v, at) => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${at} is not a YYYY-MM-DD date`;
  const t = Date.parse(`${v}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== v ? `${at} is not a real date` : undefined;
};

const timestamp: Check = (v, at) => (typeof v === 'string' && v.length <= 64 && !Number.isNaN(Date.parse(v)) ? undefined : `${at} is not a date and time`);

const arxivId: Check = (v, at) => (typeof v === 'string' && parseArxivId(v)?.id === v ? undefined : `${at} is not an arXiv id`);

const bool: Check = (v, at) => (typeof v === 'boolean' ? undefined : `${at} is not true or false`);

const count: Check = (v, at) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : `${at} is not a whole number`);

const short = text(DIGEST_LIMITS.shortText);
const long = text(DIGEST_LIMITS.longText);

const codeLink = shape({ url: httpUrl, kind: oneOf(CODE_KINDS), github: optional(short) });

function theme(): Check {
  return shape({ title: short, summary: long, section: oneOf(THEME_SECTIONS), keyPhrases: optional(list(short)) });
}

function mention(themes: number): Check {
  return shape({
    name: text(DIGEST_LIMITS.shortText, true),
    title: optional(short),
    arxivId: optional(arxivId),
    codeUrls: list(codeLink),
    datasets: list(short),
    institutions: list(short),
    authors: list(short),
    placeholderAuthors: bool,
    theme: optional(index(themes)),
    section: oneOf(SECTIONS),
    sections: list(oneOf(SECTIONS)),
    context: long,
    contexts: list(shape({ section: oneOf(SECTIONS), theme: optional(index(themes)), text: long })),
  });
}

/** The first problem with a digest from outside, or undefined when it is sound. */
export function digestProblem(v: unknown): string | undefined {
  if (!isObj(v)) return 'not a digest (not an object)';
  const themes = Array.isArray(v.themes) ? v.themes.length : 0;
  return shape({
    id: text(DIGEST_LIMITS.shortText, true),
    url: short,
    source: short,
    format: oneOf(FORMATS),
    title: short,
    topic: short,
    date: day,
    modified: optional(timestamp),
    paperCount: optional(count),
    intro: long,
    themes: list(theme(), DIGEST_LIMITS.themes),
    papers: list(mention(themes), DIGEST_LIMITS.papers),
    warnings: list(long),
    parserVersion: count,
  })(v, 'digest');
}

/** A label for a digest that may be malformed: its id or title when they are text. */
export function digestLabel(v: unknown, fallback: string): string {
  const o = isObj(v) ? v : {};
  const id = typeof o.id === 'string' && o.id ? o.id.slice(0, 200) : undefined;
  const title = typeof o.title === 'string' && o.title ? o.title.slice(0, 200) : undefined;
  return title ?? id ?? fallback;
}

function mentionRecord(themes: number): Check {
  return shape({
    digestId: text(DIGEST_LIMITS.shortText, true),
    digestDate: day,
    digestTitle: short,
    digestUrl: short,
    topic: short,
    name: text(DIGEST_LIMITS.shortText, true),
    title: optional(short),
    theme: optional(index(themes)),
    themeTitle: optional(short),
    placements: list(() => undefined),
    sections: list(oneOf(SECTIONS)),
    contexts: list(shape({ section: oneOf(SECTIONS), theme: optional(index(themes)), text: long })),
    codeUrls: list(codeLink),
    datasets: list(short),
    institutions: list(short),
    authors: list(short),
  });
}

/**
 * The first problem with a digest record from an export file and the mentions it brings (the
 * papers it names, by key), or undefined. The record store's own check (db/record-checks.ts)
 * then makes sure the records agree with each other.
 */
export function digestRecordProblem(d: unknown, papers: ReadonlyMap<string, unknown>): string | undefined {
  if (!isObj(d)) return 'not a digest record (not an object)';
  const themes = Array.isArray(d.themes) ? d.themes.length : 0;
  const own = shape({
    id: text(DIGEST_LIMITS.shortText, true),
    url: short,
    source: short,
    title: short,
    topic: short,
    date: day,
    modified: optional(timestamp),
    paperCount: optional(count),
    intro: long,
    warnings: list(long),
    parserVersion: count,
    themes: list(
      shape({ title: short, summary: long, section: oneOf(THEME_SECTIONS), keyPhrases: optional(list(short)), paperKeys: list(short, DIGEST_LIMITS.papers) }),
      DIGEST_LIMITS.themes,
    ),
    paperKeys: list(text(DIGEST_LIMITS.shortText, true), DIGEST_LIMITS.papers),
  })(d, 'digest');
  if (own) return own;
  for (const key of d.paperKeys as string[]) {
    const p = papers.get(key);
    if (!isObj(p)) continue; // Said by the record store's check: the file does not hold it.
    const at = `paper ${key.slice(0, 200)}`;
    const arxiv = optional(arxivId)(p.arxivId, `${at}.arxivId`);
    if (arxiv) return arxiv;
    if (!Array.isArray(p.mentions)) return `${at}.mentions is not a list`;
    const m = (p.mentions as unknown[]).find((x) => isObj(x) && x.digestId === d.id);
    const problem = m === undefined ? undefined : mentionRecord(themes)(m, `${at}'s mention`);
    if (problem) return problem;
  }
  return undefined;
}
