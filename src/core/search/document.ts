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

/** Title keys of the texts given (none for an absent one), each computed once for words and phrases alike. */
const keysOf = (texts: readonly (string | undefined)[]): string[] => texts.flatMap((t) => (t ? [titleKey(t)] : []));
const joinKeys = (keys: readonly string[]): string => ` ${keys.join(' | ')} `;
const words = (...keys: (readonly string[])[]): string[] => [
  ...new Set(
    keys
      .flat()
      .flatMap((k) => k.split(' '))
      .filter(Boolean),
  ),
];

export function paperDoc(p: PaperRecord): SearchDoc {
  const name = p.names[0] ?? p.key;
  const title = keysOf([p.title]);
  const names = keysOf(p.names);
  const institutions = keysOf(p.institutions);
  const datasets = keysOf(p.datasets);
  const contexts = keysOf(p.mentions.flatMap((m) => m.contexts.map((c) => c.text)));
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
    fields: {
      title: words(title),
      name: words(names),
      meta: words(institutions, datasets, keysOf(p.authors), keysOf(p.repos)),
      context: words(contexts),
    },
    phraseText: joinKeys([...title, ...names, ...institutions, ...datasets, ...contexts]),
  };
}

export function digestDoc(d: DigestRecord): SearchDoc {
  return {
    kind: 'digest',
    key: d.id,
    title: d.title,
    topics: [titleKey(d.topic)],
    date: d.date,
    years: [Number(d.date.slice(0, 4))],
    hasCode: false,
    url: d.url,
    fields: {
      title: words(keysOf([d.title])),
      name: words(keysOf([d.topic])),
      meta: words(keysOf(d.themes.map((t) => t.title))),
      context: words(keysOf([d.intro])),
    },
    phraseText: joinKeys(keysOf([d.title, d.topic, ...d.themes.map((t) => t.title), d.intro])),
  };
}
