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
 * A document as stored: its display facts and its title-keyed texts by field, in reading order —
 * title, name, meta, context, then meta outside the phrase text (authors, repositories). Its
 * words and phrase text are made from them on reading (`searchDoc`), not stored twice.
 */
export interface StoredDoc extends Omit<SearchDoc, 'fields' | 'phraseText'> {
  readonly texts: readonly [
    title: readonly string[],
    name: readonly string[],
    meta: readonly string[],
    context: readonly string[],
    metaOnly: readonly string[],
  ];
}

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

/** A stored document as search reads it: words by field and the phrase text, from its texts. */
export function searchDoc(stored: StoredDoc): SearchDoc {
  const { texts, ...facts } = stored;
  const [title, name, meta, context, metaOnly] = texts;
  return {
    ...facts,
    fields: { title: words(title), name: words(name), meta: words(meta, metaOnly), context: words(context) },
    phraseText: ` ${[...title, ...name, ...meta, ...context].join(' | ')} `,
  };
}

/** Rows stored before documents kept only their texts hold the whole document. */
export const readStoredDoc = (row: StoredDoc | SearchDoc): SearchDoc => ('texts' in row ? searchDoc(row) : row);

export function storedPaperDoc(p: PaperRecord): StoredDoc {
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

export function storedDigestDoc(d: DigestRecord): StoredDoc {
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

export const paperDoc = (p: PaperRecord): SearchDoc => searchDoc(storedPaperDoc(p));
export const digestDoc = (d: DigestRecord): SearchDoc => searchDoc(storedDigestDoc(d));
