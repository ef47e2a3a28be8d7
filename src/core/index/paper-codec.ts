/**
 * Paper records as stored: everything `buildPaper` derives (title key, names' keys, the unions of
 * code, institutions, datasets and authors, dates) is left out and made again on reading, and
 * each mention is a tuple rather than an object, since a structured clone writes every object's
 * property names again. A mention whose digest header (date, title, address, topic, theme title)
 * is its digest record's, as the writer knows it, keeps only the digest's id: readers join the
 * header from the `digests` store (`DigestHeaders`). What an index reads (`th`, `rh`, …) stays a
 * property. A record stored before (a whole `PaperRecord`) is read as it is.
 */
import { hashesOf } from '../bloom/bloom-filter.ts';
import type { CodeKind, CodeLink, MentionContext, Section } from '../digest/types.ts';
import type { ArxivId } from '../ids/arxiv-id.ts';
import { buildPaper } from './paper.ts';
import type { DigestRecord, MentionRecord, PaperRecord, Placement } from './types.ts';

/** A mention's title: its own text, the paper's title (1), or none (0). */
type TitleCell = string | 0 | 1;
/** A code link's GitHub key: its own text, the one its address gives (1), or none (0). */
type GithubCell = string | 0 | 1;

/** What every mention stores last, joined or not. */
type MentionLists = readonly [
  placements: readonly number[],
  /** 1: its contexts' sections, in order, each once. */
  sections: readonly Section[] | 1,
  contexts: readonly (string | number)[],
  codeUrls: readonly (string | number)[],
  datasets: readonly string[],
  institutions: readonly string[],
  authors: readonly string[],
];

/**
 * One mention: its digest's header, its own fields, then flat lists — placements as
 * (theme, k, n) triples, contexts as (section, theme or −1, text), code links as (url, kind, github).
 */
export type PackedMention = readonly [
  digestId: string,
  digestDate: string,
  digestTitle: string,
  /** 1: the same as its id (a digest known by its address). */
  digestUrl: string | 1,
  topic: string,
  /** 1: the part of its title before the first colon ("PIME: Prototype-based…" → "PIME"). */
  name: string | 1,
  title: TitleCell,
  theme: number,
  themeTitle: string | 0,
  ...MentionLists,
];

/**
 * A mention whose digest header is its digest record's: the digest's id, then its own fields as
 * in `PackedMention`, without the theme's title (its digest's themes give it).
 */
export type JoinedMention = readonly [digestId: string, name: string | 1, title: TitleCell, theme: number, ...MentionLists];

/** What a mention repeats of its digest record. */
export interface DigestHeader {
  readonly date: string;
  readonly title: string;
  readonly url: string;
  readonly topic: string;
  /** Its themes' titles, by theme index. */
  readonly themeTitles: readonly string[];
}

/** The header of a digest, by its id (undefined: not known to the caller). */
export type DigestHeaders = (digestId: string) => DigestHeader | undefined;

export const headerOf = (d: Pick<DigestRecord, 'date' | 'title' | 'url' | 'topic' | 'themes'>): DigestHeader => ({
  date: d.date,
  title: d.title,
  url: d.url,
  topic: d.topic,
  themeTitles: d.themes.map((t) => t.title),
});

/** The headers of the digests given (a whole store read at once). */
export function headersOf(digests: readonly DigestRecord[]): DigestHeaders {
  const byId = new Map(digests.map((d) => [d.id, headerOf(d)]));
  return (id) => byId.get(id);
}

const JOINED_LENGTH = 11;
export const isJoined = (m: PackedMention | JoinedMention): m is JoinedMention => m.length === JOINED_LENGTH;

/** Ids of the digests whose headers a row's mentions join. */
export function joinedDigests(row: PaperRow): string[] {
  return isStoredPaper(row) ? row.m.filter(isJoined).map((m) => m[0]) : [];
}

export interface StoredPaper {
  readonly key: string;
  /** Its mentions, newest digest first. */
  readonly m: readonly (PackedMention | JoinedMention)[];
  /** The title mentions store as 1. */
  readonly t?: string;
  /** Its arXiv id when that is not simply its key (0: none although the key is not a title's or a name's). */
  readonly a?: ArxivId | 0;
  readonly searchId?: number;
  /** `keyHash` of its title key: what the `by-title` index holds. */
  readonly th?: number;
  /** `keyHash` of each of its repositories, cited repositories, organisations and datasets: what `by-repo`, `by-cited`, `by-org` and `by-dataset` hold. */
  readonly rh?: readonly number[];
  readonly ch?: readonly number[];
  readonly oh?: readonly number[];
  readonly dh?: readonly number[];
}

/** The lists of a paper the indexes of lists hold, by index. */
export const LIST_OF = { 'by-repo': 'repos', 'by-cited': 'citedRepos', 'by-org': 'orgs', 'by-dataset': 'datasets' } as const;
export type ListIndex = keyof typeof LIST_OF;

/** A row of the papers store: the packed form, or a whole record written before it. */
export type PaperRow = StoredPaper | PaperRecord;

/**
 * A title key, repository, organisation or dataset as a number below 2^53 (an index key of 9
 * bytes, not twice the text's length): two independent 32-bit hashes, so two of a million values
 * share one about once in ten million stores. Readers check the value on what they find, so a
 * shared hash costs a read, never a wrong answer.
 */
export function keyHash(value: string): number {
  const [h1, h2] = hashesOf([value]);
  return h1! * 2 ** 21 + (h2! >>> 11);
}

/** Keys of papers without an arXiv id start so (add-digest's keyFor). */
const isTitleOrNameKey = (key: string): boolean => key.startsWith('t:') || key.startsWith('n:');

/** The GitHub key a github.com address gives: `owner/repo` for a repository, `owner` for an organisation. */
function githubOf(url: string, kind: CodeKind): string | undefined {
  const m = /^https:\/\/github\.com\/([^/?#]+)(?:\/([^/?#]+))?/.exec(url);
  if (!m) return undefined;
  if (kind === 'org') return m[2] === undefined ? m[1]!.toLowerCase() : undefined;
  return kind === 'repo' && m[2] !== undefined ? `${m[1]}/${m[2]}`.toLowerCase() : undefined;
}

const GITHUB = 'https://github.com/';

/** An address as stored: a GitHub one without its host ("/owner/repo"; no address starts so). */
const packUrl = (url: string): string => (url.startsWith(GITHUB) ? url.slice(GITHUB.length - 1) : url);
const unpackUrl = (s: string): string => (s.startsWith('/') ? `${GITHUB}${s.slice(1)}` : s);

/** The short name a title gives: its text before the first colon, when there is one. */
function shortNameOf(title: string | undefined): string | undefined {
  const colon = title?.indexOf(':') ?? -1;
  return colon > 0 ? title!.slice(0, colon).trim() : undefined;
}

const sectionsOf = (contexts: readonly MentionContext[]): Section[] => [...new Set(contexts.map((c) => c.section))];
const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function packLinks(links: readonly CodeLink[]): (string | number)[] {
  return links.flatMap((c) => {
    const g: GithubCell = c.github === undefined ? 0 : c.github === githubOf(c.url, c.kind) ? 1 : c.github;
    return [packUrl(c.url), c.kind, g];
  });
}

function unpackLinks(flat: readonly (string | number)[]): CodeLink[] {
  const out: CodeLink[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const url = unpackUrl(String(flat[i]));
    const kind = flat[i + 1] as CodeKind;
    const g = flat[i + 2] as GithubCell;
    const github = g === 0 ? undefined : g === 1 ? githubOf(url, kind) : g;
    out.push({ url, kind, ...(github !== undefined ? { github } : {}) });
  }
  return out;
}

/** The theme title a mention of digest `h` carries for theme `theme`. */
const themeTitleIn = (h: DigestHeader, theme: number | undefined): string | undefined => (theme === undefined ? undefined : h.themeTitles[theme]);

/** Whether a mention carries exactly its digest's header, so that a reader can join it back. */
const carries = (m: MentionRecord, h: DigestHeader | undefined): h is DigestHeader =>
  h !== undefined &&
  m.digestDate === h.date &&
  m.digestTitle === h.title &&
  m.digestUrl === h.url &&
  m.topic === h.topic &&
  m.themeTitle === themeTitleIn(h, m.theme);

function packMention(m: MentionRecord, title: string | undefined, headers: DigestHeaders): PackedMention | JoinedMention {
  const own = [
    m.name !== '' && m.name === shortNameOf(m.title) ? 1 : m.name,
    m.title === undefined ? 0 : m.title === title ? 1 : m.title,
    m.theme ?? -1,
  ] as const;
  const rest = [
    m.placements.flatMap((p) => [p.theme, p.k, p.n]),
    sameList(m.sections, sectionsOf(m.contexts)) ? 1 : m.sections,
    m.contexts.flatMap((c) => [c.section, c.theme ?? -1, c.text]),
    packLinks(m.codeUrls),
    m.datasets,
    m.institutions,
    m.authors,
  ] as const;
  if (carries(m, headers(m.digestId))) return [m.digestId, ...own, ...rest];
  return [m.digestId, m.digestDate, m.digestTitle, m.digestUrl === m.digestId ? 1 : m.digestUrl, m.topic, ...own, m.themeTitle ?? 0, ...rest];
}

/** A joined mention's header when its digest is not stored (never so when writes keep both stores in step). */
const UNKNOWN_HEADER: DigestHeader = { date: '', title: '', url: '', topic: '', themeTitles: [] };

function unpackMention(p: PackedMention | JoinedMention, paperTitle: string | undefined, headers: DigestHeaders): MentionRecord {
  let digestId: string;
  let digestDate: string;
  let digestTitle: string;
  let digestUrl: string;
  let topic: string;
  let n: string | 1;
  let t: TitleCell;
  let theme: number;
  let themeTitle: string | undefined;
  let tail: readonly [
    readonly number[],
    readonly Section[] | 1,
    readonly (string | number)[],
    readonly (string | number)[],
    readonly string[],
    readonly string[],
    readonly string[],
  ];
  if (isJoined(p)) {
    [digestId, n, t, theme] = p;
    const h = headers(digestId) ?? { ...UNKNOWN_HEADER, url: digestId };
    ({ date: digestDate, title: digestTitle, url: digestUrl, topic } = h);
    themeTitle = themeTitleIn(h, theme >= 0 ? theme : undefined);
    tail = [p[4], p[5], p[6], p[7], p[8], p[9], p[10]];
  } else {
    let u: string | 1;
    let tt: string | 0;
    [digestId, digestDate, digestTitle, u, topic, n, t, theme, tt] = p;
    digestUrl = u === 1 ? digestId : u;
    themeTitle = tt === 0 ? undefined : tt;
    tail = [p[9], p[10], p[11], p[12], p[13], p[14], p[15]];
  }
  const [flatPlacements, s, flatContexts, links, datasets, institutions, authors] = tail;
  const title = t === 0 ? undefined : t === 1 ? paperTitle : t;
  const name = n === 1 ? shortNameOf(title)! : n;
  const placements: Placement[] = [];
  for (let i = 0; i + 2 < flatPlacements.length; i += 3) placements.push({ theme: flatPlacements[i]!, k: flatPlacements[i + 1]!, n: flatPlacements[i + 2]! });
  const contexts: MentionContext[] = [];
  for (let i = 0; i + 2 < flatContexts.length; i += 3) {
    const th = flatContexts[i + 1] as number;
    contexts.push({ section: flatContexts[i] as Section, ...(th >= 0 ? { theme: th } : {}), text: String(flatContexts[i + 2]) });
  }
  return {
    digestId,
    digestDate,
    digestTitle,
    digestUrl,
    topic,
    name,
    ...(title !== undefined ? { title } : {}),
    ...(theme >= 0 ? { theme } : {}),
    ...(themeTitle !== undefined ? { themeTitle } : {}),
    placements,
    sections: s === 1 ? sectionsOf(contexts) : s,
    contexts,
    codeUrls: unpackLinks(links),
    datasets,
    institutions,
    authors,
  };
}

const NO_HEADERS: DigestHeaders = () => undefined;

/**
 * The row a paper is stored as: a mention whose digest `headers` gives, with the header it
 * carries, is joined. `decodePaper(encodePaper(p, h), h)` equals `p` for every record
 * `buildPaper` made, as long as `h` gives the same headers to both.
 */
export function encodePaper(p: PaperRecord, headers: DigestHeaders = NO_HEADERS): StoredPaper {
  const a = p.arxivId === undefined ? (isTitleOrNameKey(p.key) ? undefined : 0) : p.arxivId === p.key ? undefined : p.arxivId;
  return {
    key: p.key,
    m: p.mentions.map((m) => packMention(m, p.title, headers)),
    ...(p.title !== undefined ? { t: p.title } : {}),
    ...(a !== undefined ? { a } : {}),
    ...(p.searchId !== undefined ? { searchId: p.searchId } : {}),
    ...(p.titleKey ? { th: keyHash(p.titleKey) } : {}),
    ...(p.repos.length ? { rh: p.repos.map(keyHash) } : {}),
    ...(p.citedRepos.length ? { ch: p.citedRepos.map(keyHash) } : {}),
    ...(p.orgs.length ? { oh: p.orgs.map(keyHash) } : {}),
    ...(p.datasets.length ? { dh: p.datasets.map(keyHash) } : {}),
  };
}

export const isStoredPaper = (row: PaperRow): row is StoredPaper => 'm' in row;

/**
 * The record a row holds: made again from its mentions, as every write makes it, joined mentions
 * with the headers `headers` gives (the `digests` store's: `joinedDigests` says which).
 */
export function decodePaper(row: PaperRow, headers: DigestHeaders): PaperRecord {
  if (!isStoredPaper(row)) return row;
  const arxivId = row.a === undefined ? (isTitleOrNameKey(row.key) ? undefined : (row.key as ArxivId)) : row.a === 0 ? undefined : row.a;
  const paper = buildPaper(
    row.key,
    row.m.map((m) => unpackMention(m, row.t, headers)),
    arxivId ? { arxivId } : undefined,
  );
  return row.searchId !== undefined ? { ...paper, searchId: row.searchId } : paper;
}
