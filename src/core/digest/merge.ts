import type { ArxivId } from '../ids/index.ts';
import { codeLinkKey } from './code-links.ts';
import { bracketedName, nameKey, shortNameOf, titleKey } from './names.ts';
import type { RawMention } from './raw-mention.ts';
import type { CodeLink, MentionContext, PaperMention, Section } from './types.ts';

const MAX_WEAK = 200;

class UnionFind {
  private readonly parent: number[];
  readonly arxiv: (ArxivId | undefined)[];

  constructor(items: readonly RawMention[]) {
    this.parent = items.map((_, i) => i);
    this.arxiv = items.map((m) => m.arxivId);
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    // Path compression keeps later finds near constant.
    let k = i;
    while (this.parent[k] !== r) {
      const up = this.parent[k]!;
      this.parent[k] = r;
      k = up;
    }
    return r;
  }

  /** Joins two groups unless they carry different arXiv ids (then they are different papers). */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const xa = this.arxiv[ra];
    const xb = this.arxiv[rb];
    if (xa && xb && xa !== xb) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[drop] = keep;
    this.arxiv[keep] = xa ?? xb;
  }
}

function keysOf(m: RawMention): string[] {
  const keys: string[] = [];
  if (m.arxivId) keys.push(`a:${m.arxivId}`);
  if (m.weak) return keys;
  const names = [m.name, ...m.aliases];
  if (m.title) {
    const t = titleKey(m.title);
    if (t) keys.push(`t:${t}`);
    const short = shortNameOf(m.title);
    if (short) names.push(short);
  }
  // "Long Context Sparse Attention (LCSA)" is also "LCSA".
  for (const n of [...names]) {
    const inner = bracketedName(n);
    if (inner) names.push(inner);
  }
  for (const n of names) {
    const key = nameKey(n);
    if (key) keys.push(`n:${key}`);
  }
  // A name that is itself a title ("Poisoned Acoustics") matches the same title elsewhere.
  const asTitle = titleKey(m.name);
  if (asTitle.includes(' ')) keys.push(`t:${asTitle}`);
  return keys;
}

function unique<T>(items: readonly T[], key: (t: T) => string = String): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/**
 * Merges the mentions of one paper within one digest: same arXiv id, same title, or same short
 * name. A mention named by a plain phrase joins the one paper whose title contains that phrase.
 */
export function mergeMentions(raw: readonly RawMention[]): PaperMention[] {
  const uf = new UnionFind(raw);
  const firstWithKey = new Map<string, number>();
  raw.forEach((m, i) => {
    for (const key of keysOf(m)) {
      const j = firstWithKey.get(key);
      if (j === undefined) firstWithKey.set(key, i);
      else uf.union(j, i);
    }
  });
  const titled = raw.map((m, i) => ({ i, key: m.title ? ` ${titleKey(m.title)} ` : '' })).filter((t) => t.key !== '' && !raw[t.i]!.weak);
  // Weak mentions come from "phrase (arXiv URL)" pairs: a handful per post, so the scan stays small.
  let weakBudget = MAX_WEAK;
  raw.forEach((m, i) => {
    if (!m.weak || weakBudget-- <= 0) return;
    const phrase = titleKey(m.name);
    if (phrase.split(' ').length < 2) return;
    const groups = new Set(titled.filter((t) => t.key.includes(` ${phrase} `)).map((t) => uf.find(t.i)));
    if (groups.size === 1) uf.union([...groups][0]!, i);
  });
  const groups = new Map<number, RawMention[]>();
  raw.forEach((m, i) => {
    const r = uf.find(i);
    const list = groups.get(r) ?? [];
    list.push(m);
    groups.set(r, list);
  });
  // A mention left with no name at all (a link whose text was only punctuation, and no title or
  // id to fall back on) names nothing a reader could recognise.
  return [...groups.values()]
    .sort((a, b) => a[0]!.order - b[0]!.order)
    .map(combine)
    .filter((m) => m.name !== '');
}

function combine(members: RawMention[]): PaperMention {
  // A paper first named by its title alone goes by the short name a later mention gives it.
  const strong = members.filter((m) => !m.weak);
  const short = strong.find((m) => m.introduced === true);
  const first = strong[0];
  const named = (first && first.title !== undefined && first.name === first.title && short?.title === first.title ? short : first) ?? members[0]!;
  const title = members.find((m) => m.title)?.title;
  const arxivId = members.find((m) => m.arxivId)?.arxivId;
  const theme = members.find((m) => m.theme !== undefined)?.theme;
  const contexts: MentionContext[] = unique(
    members.map((m) => ({ section: m.section, text: m.context, ...(m.theme === undefined ? {} : { theme: m.theme }) })),
    (c) => `${c.section}\n${c.text}`,
  );
  const sections: Section[] = unique(members.map((m) => m.section));
  const codeUrls: CodeLink[] = unique(
    members.flatMap((m) => m.codeUrls),
    codeLinkKey,
  );
  // A link's text can be nothing but punctuation ("”"): then another member's name, the title or the id.
  const name = [named, ...members].map((m) => m.name.trim()).find(Boolean) ?? title ?? (arxivId ? `arXiv:${arxivId}` : '');
  return {
    name,
    ...(title ? { title } : {}),
    ...(arxivId ? { arxivId } : {}),
    codeUrls,
    datasets: unique(members.flatMap((m) => m.datasets)),
    institutions: unique(members.flatMap((m) => m.institutions)),
    authors: unique(members.flatMap((m) => m.authors)),
    placeholderAuthors: members.some((m) => m.placeholder),
    ...(theme === undefined ? {} : { theme }),
    section: members[0]!.section,
    sections,
    context: members[0]!.context,
    contexts,
  };
}
