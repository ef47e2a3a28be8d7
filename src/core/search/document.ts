import { titleKey } from '../ids/title-key.ts';
import type { DigestRecord, PaperRecord } from '../index/types.ts';

/** Field weights: a match in the title outranks one in a name, then institutions/datasets, then context. */
export const FIELD_WEIGHTS = { title: 8, name: 5, meta: 2, context: 1 } as const;
export type Field = keyof typeof FIELD_WEIGHTS;

/** What search sees of a paper or a digest: display text plus its words by field. */
export interface SearchDoc {
  readonly kind: 'paper' | 'digest';
  /** Paper key or digest id. */
  readonly key: string;
  readonly title: string;
  /** Short name (papers) shown beside the title when it differs. */
  readonly name?: string;
  readonly arxivId?: string;
  readonly topics: readonly string[];
  /** Newest digest date: ranks ties and serves y: filters. */
  readonly date: string;
  readonly years: readonly number[];
  readonly hasCode: boolean;
  /** A digest's address; a paper's first digest's, when it has no arXiv id. */
  readonly url?: string;
  readonly fields: Readonly<Record<Field, readonly string[]>>;
  /** Title-keyed text in reading order, for "quoted phrases". */
  readonly phraseText: string;
}

/**
 * A document's display facts and its title-keyed texts by field, in reading order — title, name,
 * meta, context, then meta outside the phrase text (authors, repositories). Its words and phrase
 * text are made from them (`searchDoc`). Rows written by the version before `StoredDoc` hold this.
 */
export interface TextDoc extends Omit<SearchDoc, 'fields' | 'phraseText'> {
  readonly texts: readonly [
    title: readonly string[],
    name: readonly string[],
    meta: readonly string[],
    context: readonly string[],
    metaOnly: readonly string[],
  ];
}

/**
 * A document as stored: a tuple, since a stored object spells out its property names in every
 * row. Kind and key are the row's `ref`, and what the rest gives is left out: the title's key,
 * the first name's key, a name that is the title's head, an arXiv id that is the key, years that
 * are the date's. `lists`: the topics, then the texts by field from the name on, each text
 * followed by LF and the lists parted by TAB; a sixth list holds the title's texts when they are
 * not its key. Absent slots at the end are dropped.
 */
export type StoredDoc = readonly [
  flags: number,
  /** Days since 1970 when that gives the date back, else the date. */
  date: number | string,
  title: string,
  lists: string,
  name?: string | undefined,
  url?: string | undefined,
  /** When it is not the key. */
  arxivId?: string | undefined,
  /** When they are not just the date's year. */
  years?: readonly number[] | undefined,
];

/** Title keys of the texts given (none for an absent one). */
const keysOf = (texts: readonly (string | undefined)[]): string[] => texts.flatMap((t) => (t ? [titleKey(t)] : []));
const words = (...keys: (readonly string[])[]): string[] => [
  ...new Set(
    keys
      .flat()
      .flatMap((k) => k.split(' '))
      .filter(Boolean),
  ),
];

/** A document as search reads it: words by field and the phrase text, from its texts. */
export function searchDoc(doc: TextDoc): SearchDoc {
  const { texts, ...facts } = doc;
  const [title, name, meta, context, metaOnly] = texts;
  return {
    ...facts,
    fields: { title: words(title), name: words(name), meta: words(meta, metaOnly), context: words(context) },
    phraseText: ` ${[...title, ...name, ...meta, ...context].join(' | ')} `,
  };
}

const HAS_CODE = 1;
const ARXIV_IS_KEY = 2;
/** The first name text is the key of the display name, or else of the title. */
const NAME_KEYED = 4;
/** The display name is the title's head, before its first colon ("MKG-CARE: Multimodal …"). */
const NAME_IS_HEAD = 8;
// Title keys hold letters, marks, digits and single spaces: neither separator.
const TEXT_END = '\n';
const LIST_SEP = '\t';
const DAY = 86_400_000;

const dayDate = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const yearOf = (date: string): number => Number(date.slice(0, 4));
const headOf = (title: string): string | undefined => {
  const colon = title.indexOf(':');
  return colon >= 0 ? title.slice(0, colon) : undefined;
};

function packDate(date: string): number | string {
  const day = Date.parse(`${date}T00:00:00Z`) / DAY;
  return Number.isInteger(day) && dayDate(day) === date ? day : date;
}

const packList = (texts: readonly string[]): string => texts.map((t) => t + TEXT_END).join('');
const unpackList = (list: string): string[] => (list ? list.slice(0, -1).split(TEXT_END) : []);

/** The stored form of a document (`StoredDoc`); `unpackDoc` gives it back exactly. */
export function packDoc(doc: TextDoc): StoredDoc {
  const [titleTexts, names, meta, context, metaOnly] = doc.texts;
  const nameKeyed = names.length > 0 && names[0] === titleKey(doc.name ?? doc.title);
  const titleKeyed = titleTexts.length === 1 && titleTexts[0] === titleKey(doc.title);
  const lists = [doc.topics, nameKeyed ? names.slice(1) : names, meta, context, metaOnly, ...(titleKeyed ? [] : [titleTexts])];
  const arxivIsKey = doc.arxivId !== undefined && doc.arxivId === doc.key;
  const nameIsHead = doc.name !== undefined && doc.name === headOf(doc.title);
  const packed = [
    (doc.hasCode ? HAS_CODE : 0) | (arxivIsKey ? ARXIV_IS_KEY : 0) | (nameKeyed ? NAME_KEYED : 0) | (nameIsHead ? NAME_IS_HEAD : 0),
    packDate(doc.date),
    doc.title,
    lists.map(packList).join(LIST_SEP),
    nameIsHead ? undefined : doc.name,
    doc.url,
    arxivIsKey ? undefined : doc.arxivId,
    doc.years.length === 1 && doc.years[0] === yearOf(doc.date) ? undefined : doc.years,
  ];
  while (packed.length > 4 && packed.at(-1) === undefined) packed.pop();
  return packed as unknown as StoredDoc;
}

/** A stored document's facts and texts; its kind and key are its row's. */
export function unpackDoc(stored: StoredDoc, kind: SearchDoc['kind'], key: string): TextDoc {
  const [flags, packedDate, title, packedLists, packedName, url, arxivId, years] = stored;
  const name = flags & NAME_IS_HEAD ? headOf(title) : packedName;
  const [topics = [], names = [], meta = [], context = [], metaOnly = [], titleTexts = [titleKey(title)]] = packedLists.split(LIST_SEP).map(unpackList);
  const date = typeof packedDate === 'number' ? dayDate(packedDate) : packedDate;
  const id = flags & ARXIV_IS_KEY ? key : arxivId;
  return {
    kind,
    key,
    title,
    ...(name !== undefined ? { name } : {}),
    ...(id !== undefined ? { arxivId: id } : {}),
    topics,
    date,
    years: years ?? [yearOf(date)],
    hasCode: (flags & HAS_CODE) !== 0,
    ...(url !== undefined ? { url } : {}),
    texts: [titleTexts, flags & NAME_KEYED ? [titleKey(name ?? title), ...names] : names, meta, context, metaOnly],
  };
}

/**
 * A stored document as search reads it, whichever version wrote it: a `StoredDoc`, a `TextDoc`,
 * or (the first versions) the whole `SearchDoc`. Kind and key: its row's.
 */
export function readStoredDoc(doc: StoredDoc | TextDoc | SearchDoc, kind: SearchDoc['kind'], key: string): SearchDoc {
  if (Array.isArray(doc)) return searchDoc(unpackDoc(doc as StoredDoc, kind, key));
  return 'texts' in doc ? searchDoc(doc) : (doc as SearchDoc);
}

export function paperTexts(p: PaperRecord): TextDoc {
  const name = p.names[0] ?? p.key;
  return {
    kind: 'paper',
    key: p.key,
    title: p.title ?? name,
    ...(p.title && p.title !== name ? { name } : {}),
    ...(p.arxivId ? { arxivId: p.arxivId } : {}),
    topics: [...new Set(p.mentions.map((m) => titleKey(m.topic)))],
    date: p.lastDate,
    years: [...new Set(p.mentions.map((m) => Number(m.digestDate.slice(0, 4))))],
    hasCode: p.codeUrls.length > 0,
    // Without an arXiv id, a paper opens the digest that names it.
    ...(!p.arxivId && p.mentions[0]?.digestUrl ? { url: p.mentions[0].digestUrl } : {}),
    texts: [
      keysOf([p.title]),
      keysOf(p.names),
      keysOf([...p.institutions, ...p.datasets]),
      keysOf(p.mentions.flatMap((m) => m.contexts.map((c) => c.text))),
      keysOf([...p.authors, ...p.repos]),
    ],
  };
}

export function digestTexts(d: DigestRecord): TextDoc {
  return {
    kind: 'digest',
    key: d.id,
    title: d.title,
    topics: [titleKey(d.topic)],
    date: d.date,
    years: [Number(d.date.slice(0, 4))],
    hasCode: false,
    url: d.url,
    texts: [keysOf([d.title]), keysOf([d.topic]), keysOf(d.themes.map((t) => t.title)), keysOf([d.intro]), []],
  };
}

export const storedPaperDoc = (p: PaperRecord): StoredDoc => packDoc(paperTexts(p));
export const storedDigestDoc = (d: DigestRecord): StoredDoc => packDoc(digestTexts(d));
export const paperDoc = (p: PaperRecord): SearchDoc => searchDoc(paperTexts(p));
export const digestDoc = (d: DigestRecord): SearchDoc => searchDoc(digestTexts(d));
