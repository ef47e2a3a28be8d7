import type { PaperMention } from '../digest/types.ts';
import { shortNameKey, titleKey } from '../ids/title-key.ts';
import { isCitedAsCode } from './code-role.ts';
import type { MentionRecord, PaperRecord } from './types.ts';

function union<T>(lists: Iterable<readonly T[]>, key: (t: T) => string = String): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

const byNewest = (a: MentionRecord, b: MentionRecord): number => b.digestDate.localeCompare(a.digestDate) || a.digestId.localeCompare(b.digestId);

/** The keys a mention can be found by: its title, and its short name (the part before a colon). */
export function mentionKeys(m: Pick<PaperMention, 'name' | 'title'>): { titleKey?: string; nameKeys: string[] } {
  const tk = m.title ? titleKey(m.title) : undefined;
  const names = new Set<string>();
  const nk = titleKey(m.name);
  if (nk) names.add(nk);
  if (m.title?.includes(':')) names.add(shortNameKey(m.title));
  if (m.name.includes(':')) names.add(shortNameKey(m.name));
  return { ...(tk ? { titleKey: tk } : {}), nameKeys: [...names].filter(Boolean) };
}

/**
 * Rebuilds a paper from its mentions: every aggregate (code, datasets, names…) is a union over the
 * mentions, so removing a digest's mention is just dropping it and rebuilding.
 */
export function buildPaper(key: string, mentions: readonly MentionRecord[], known?: Partial<PaperRecord>): PaperRecord {
  const sorted = [...mentions].sort(byNewest);
  // The longest title seen is usually the complete one (link text can be cut short).
  const titles = sorted.map((m) => m.title).filter((t): t is string => !!t);
  const title = titles.sort((a, b) => b.length - a.length)[0];
  const codeUrls = union(
    sorted.map((m) => m.codeUrls),
    (c) => c.url.toLowerCase(),
  );
  const repos: string[] = [];
  const cited: string[] = [];
  const orgs = new Set<string>();
  for (const link of codeUrls) {
    if (!link.github) continue;
    if (link.kind === 'org') orgs.add(link.github);
    else if (isCitedAsCode(link)) cited.push(link.github);
    else {
      repos.push(link.github);
      orgs.add(link.github.split('/')[0]!);
    }
  }
  const keys = sorted.map((m) => mentionKeys(m));
  const dates = sorted.map((m) => m.digestDate);
  const record: PaperRecord = {
    key,
    ...(known?.arxivId ? { arxivId: known.arxivId } : {}),
    ...(title ? { title, titleKey: titleKey(title) } : {}),
    names: union(sorted.map((m) => [m.name])),
    nameKeys: union(keys.map((k) => k.nameKeys)),
    repos: union([repos]),
    citedRepos: union([cited]),
    orgs: [...orgs],
    codeUrls,
    datasets: union(
      sorted.map((m) => m.datasets),
      (d) => d.toLowerCase(),
    ),
    institutions: union(
      sorted.map((m) => m.institutions),
      (d) => d.toLowerCase(),
    ),
    authors: union(sorted.map((m) => m.authors)),
    mentions: sorted,
    firstDate: dates.length ? dates[dates.length - 1]! : '',
    lastDate: dates[0] ?? '',
  };
  return record;
}
