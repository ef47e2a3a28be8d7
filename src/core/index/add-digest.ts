import { compareVersions, identityKeys, type VersionFacts } from '../digest/identity.ts';
import type { Digest, PaperMention } from '../digest/types.ts';
import type { ArxivId } from '../ids/arxiv-id.ts';
import { titleKey } from '../ids/title-key.ts';
import { isCitedAsCode } from './code-role.ts';
import { compactText } from './compact-text.ts';
import { buildPaper, mentionKeys } from './paper.ts';
import type { DigestRecord, MentionRecord, PaperRecord, Placement, RecordStore, WriteReport } from './types.ts';

export const titleRecordKey = (tk: string): string => `t:${tk}`;
export const nameRecordKey = (digestId: string, nameKey: string): string => `n:${digestId}#${nameKey}`;

/** Code links that identify a paper: its own repositories (not upstream libraries, not organisations). */
function ownRepos(m: PaperMention): string[] {
  return m.codeUrls.filter((c) => c.kind === 'repo' && c.github && !isCitedAsCode(c)).map((c) => c.github!);
}

/**
 * Papers found by one lookup in key order: every store (in memory, IndexedDB, buffered) gives
 * them alike, and so merges their mentions alike (the first one's name leads a merged mention).
 */
const inKeyOrder = (papers: PaperRecord[]): PaperRecord[] => papers.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/**
 * Finds the stored paper a mention belongs to. arXiv id first; then the full title; then a short
 * name, but only when a code link agrees (SENSE, PAD, TRACE name different papers in different weeks).
 */
async function findExisting(store: RecordStore, m: PaperMention): Promise<PaperRecord[]> {
  const found = new Map<string, PaperRecord>();
  if (m.arxivId) {
    const byId = await store.getPaper(m.arxivId);
    if (byId) found.set(byId.key, byId);
  }
  const { titleKey: tk, nameKeys } = mentionKeys(m);
  if (tk) {
    for (const p of inKeyOrder(await store.papersByTitleKey(tk))) {
      // Two different arXiv papers never merge, whatever their titles say.
      if (m.arxivId && p.arxivId && p.arxivId !== m.arxivId) continue;
      found.set(p.key, p);
    }
  }
  for (const repo of ownRepos(m)) {
    for (const p of inKeyOrder(await store.papersByRepo(repo))) {
      if (m.arxivId && p.arxivId && p.arxivId !== m.arxivId) continue;
      const titleAgrees = tk !== undefined && p.titleKey === tk;
      const nameAgrees = nameKeys.some((k) => p.nameKeys.includes(k));
      if (titleAgrees || nameAgrees) found.set(p.key, p);
    }
  }
  return [...found.values()];
}

/**
 * What `addDigest` will look up for a digest, named here beside the lookups themselves
 * (findExisting, keyFor) so a store can read them all at once beforehand: record keys, title
 * keys and repositories.
 */
export function digestLookups(digest: Digest): { keys: Set<string>; titleKeys: Set<string>; repos: Set<string> } {
  const keys = new Set<string>();
  const titleKeys = new Set<string>();
  const repos = new Set<string>();
  for (const m of digest.papers) {
    const tk = mentionKeys(m).titleKey;
    if (tk) titleKeys.add(tk);
    // Without an arXiv id, the key it may be stored under.
    keys.add(m.arxivId ?? keyFor(m, undefined, digest.id));
    for (const r of ownRepos(m)) repos.add(r);
  }
  return { keys, titleKeys, repos };
}

function keyFor(m: PaperMention, arxivId: ArxivId | undefined, digestId: string): string {
  if (arxivId) return arxivId;
  if (m.title) {
    const tk = titleKey(m.title);
    if (tk) return titleRecordKey(tk);
  }
  return nameRecordKey(digestId, titleKey(m.name) || 'unnamed');
}

function mentionRecord(digest: Digest, m: PaperMention, placements: Placement[]): MentionRecord {
  const theme = m.theme !== undefined ? digest.themes[m.theme] : undefined;
  return {
    digestId: digest.id,
    digestDate: digest.date,
    digestTitle: digest.title,
    digestUrl: digest.url,
    topic: digest.topic,
    name: m.name,
    ...(m.title ? { title: m.title } : {}),
    ...(m.theme !== undefined ? { theme: m.theme } : {}),
    ...(theme ? { themeTitle: theme.title } : {}),
    placements,
    sections: m.sections,
    contexts: m.contexts,
    codeUrls: m.codeUrls,
    datasets: m.datasets,
    institutions: m.institutions,
    authors: m.authors,
  };
}

/** Replaces every reference to `from` in the digests that mention it. */
async function rekeyInDigests(store: RecordStore, paper: PaperRecord, to: string): Promise<void> {
  const swap = (keys: readonly string[]): string[] => [...new Set(keys.map((k) => (k === paper.key ? to : k)))];
  for (const id of new Set(paper.mentions.map((m) => m.digestId))) {
    const d = await store.getDigest(id);
    if (!d) continue;
    await store.putDigest({ ...d, paperKeys: swap(d.paperKeys), themes: d.themes.map((t) => ({ ...t, paperKeys: swap(t.paperKeys) })) });
  }
}

/** Merges several mentions of one digest (two names, one arXiv id) into one. */
function mergeSameDigest(a: MentionRecord, b: MentionRecord): MentionRecord {
  const cat = <T>(x: readonly T[], y: readonly T[], key: (t: T) => string = String): T[] => {
    const seen = new Set(x.map(key));
    return [...x, ...y.filter((t) => !seen.has(key(t)))];
  };
  const title = a.title ?? b.title;
  return {
    ...a,
    ...(title !== undefined ? { title } : {}),
    placements: cat(a.placements, b.placements, (p) => String(p.theme)),
    sections: cat(a.sections, b.sections),
    contexts: cat(a.contexts, b.contexts, (c) => c.text),
    codeUrls: cat(a.codeUrls, b.codeUrls, (c) => c.url),
    datasets: cat(a.datasets, b.datasets),
    institutions: cat(a.institutions, b.institutions),
    authors: cat(a.authors, b.authors),
  };
}

function addMention(mentions: readonly MentionRecord[], m: MentionRecord): MentionRecord[] {
  const same = mentions.find((x) => x.digestId === m.digestId);
  if (!same) return [...mentions, m];
  return mentions.map((x) => (x === same ? mergeSameDigest(x, m) : x));
}

/** The stored digests that are versions of the post these identity keys name, by id. */
async function storedVersions(store: RecordStore, identity: readonly string[]): Promise<DigestRecord[]> {
  const found = new Map<string, DigestRecord>();
  for (const list of await Promise.all(identity.map((k) => store.digestsByIdentity(k)))) for (const d of list) found.set(d.id, d);
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A stored record's identity keys: those it carries, or (from before identity) those its fields give. */
export const recordIdentity = (d: DigestRecord): readonly string[] => d.identity ?? identityKeys(d);

export const recordFacts = (d: DigestRecord): VersionFacts => ({
  ...(d.modified ? { modified: d.modified } : {}),
  mentions: d.paperKeys.length,
  names: recordIdentity(d).length,
});

const union = (...lists: (readonly string[])[]): string[] => [...new Set(lists.flat())].sort();

/** The best of several stored versions of one post (the first by id among equals). */
export function bestVersion(versions: readonly DigestRecord[]): DigestRecord | undefined {
  return versions.reduce<DigestRecord | undefined>((best, d) => (!best || compareVersions(recordFacts(d), recordFacts(best)) > 0 ? d : best), undefined);
}

/** Adds up what several removals (or a removal and a write) changed. */
function sumReports(reports: readonly WriteReport[]): WriteReport {
  return {
    digestsAdded: reports.reduce((n, r) => n + r.digestsAdded, 0),
    papersAdded: reports.reduce((n, r) => n + r.papersAdded, 0),
    papersRemoved: reports.reduce((n, r) => n + r.papersRemoved, 0),
    mentionsDelta: reports.reduce((n, r) => n + r.mentionsDelta, 0),
    touched: [...new Set(reports.flatMap((r) => r.touched))],
  };
}

/**
 * Keeps `best`, the stored version of a post, and removes every other stored version of it
 * (`losers`); `best` learns the names the others knew it by (a post id, another address).
 */
export async function keepVersion(
  store: RecordStore,
  best: DigestRecord,
  losers: readonly DigestRecord[],
  names: readonly string[] = [],
  postId?: string,
): Promise<WriteReport> {
  const reports: WriteReport[] = [];
  for (const d of losers) reports.push(await removeDigest(store, d.id));
  reports.push(
    await adoptNamedPapers(
      store,
      best.id,
      losers.map((d) => d.id),
    ),
  );
  const kept = (await store.getDigest(best.id)) ?? best;
  const identity = union(recordIdentity(kept), names, ...losers.map(recordIdentity));
  const post = kept.postId ?? postId ?? losers.find((d) => d.postId)?.postId;
  const learnt = !sameList(identity, kept.identity ?? []) || post !== kept.postId;
  if (learnt) await store.putDigest({ ...kept, identity, ...(post ? { postId: post } : {}) });
  return { ...sumReports(reports), heldAs: best.id, replaced: losers.map((d) => d.id), learnt };
}

/**
 * Papers known by a short name alone are keyed by the digest that named them (`n:<digest id>#…`):
 * those the kept version shares with a removed copy of its post were keyed by the copy, and take
 * the kept version's key (merging with a paper already under it).
 */
async function adoptNamedPapers(store: RecordStore, keptId: string, removedIds: readonly string[]): Promise<WriteReport> {
  const kept = await store.getDigest(keptId);
  const touched: string[] = [];
  let papersRemoved = 0;
  for (const key of kept?.paperKeys ?? []) {
    const from = removedIds.find((id) => key.startsWith(nameRecordKey(id, '')));
    const paper = from === undefined ? undefined : await store.getPaper(key);
    if (from === undefined || !paper) continue;
    const to = nameRecordKey(keptId, key.slice(nameRecordKey(from, '').length));
    const other = await store.getPaper(to);
    let mentions = [...(other?.mentions ?? [])];
    for (const m of paper.mentions) mentions = addMention(mentions, m);
    await rekeyInDigests(store, paper, to);
    await store.deletePaper(key);
    await store.putPaper(buildPaper(to, mentions, paper.arxivId ? { arxivId: paper.arxivId } : undefined));
    if (other) papersRemoved++;
    touched.push(key, to);
  }
  return { digestsAdded: 0, papersAdded: 0, papersRemoved, mentionsDelta: 0, touched };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Writes one digest's records: a paper per mention (merged into what the store already holds),
 * and the digest with its themes' paper order. A digest is its post: a version of the same post
 * already stored (under this id, or another route's) is replaced, so an edited or re-routed post
 * never leaves duplicate mentions; unless the stored version is the better one (compareVersions),
 * which then stands and this digest writes nothing (`heldAs`).
 */
export async function addDigest(store: RecordStore, parsed: Digest): Promise<WriteReport> {
  // Records keep the digest's text: stored at one byte a character where it can be.
  const digest = compactText(parsed);
  const identity = identityKeys(digest);
  const sameId = await store.getDigest(digest.id);
  const others = (await storedVersions(store, identity)).filter((d) => d.id !== digest.id);
  const best = bestVersion(others);
  const facts: VersionFacts = { ...(digest.modified ? { modified: digest.modified } : {}), mentions: digest.papers.length, names: identity.length };
  if (best && compareVersions(facts, recordFacts(best)) <= 0) {
    return keepVersion(store, best, [...others.filter((d) => d !== best), ...(sameId ? [sameId] : [])], identity, digest.postId);
  }
  const replaced: WriteReport[] = [];
  for (const d of others) replaced.push(await removeDigest(store, d.id));
  const removed = sameId ? await removeDigest(store, digest.id) : undefined;
  const gone = sumReports([...replaced, ...(removed ? [removed] : [])]);
  const touched = new Set<string>(gone.touched);
  let papersAdded = 0;
  let papersRemoved = gone.papersRemoved;

  // First pass: each mention's key, merging into stored papers (re-keying them when the id arrives).
  const keys: string[] = [];
  for (const m of digest.papers) {
    const existing = await findExisting(store, m);
    const arxivId = m.arxivId ?? existing.find((p) => p.arxivId)?.arxivId;
    // A title outranks a short name as a key; an arXiv id outranks both.
    const key = arxivId ?? (m.title ? keyFor(m, undefined, digest.id) : (existing[0]?.key ?? keyFor(m, undefined, digest.id)));
    keys.push(key);
    let mentions: MentionRecord[] = [];
    for (const p of existing) {
      for (const x of p.mentions) mentions = addMention(mentions, x);
      if (p.key !== key) {
        await rekeyInDigests(store, p, key);
        await store.deletePaper(p.key);
        papersRemoved++;
        touched.add(p.key);
      }
    }
    const already = await store.getPaper(key);
    if (already && !existing.some((p) => p.key === key)) for (const x of already.mentions) mentions = addMention(mentions, x);
    if (!already) papersAdded++;
    const placements: Placement[] = [];
    mentions = addMention(mentions, mentionRecord(digest, m, placements));
    await store.putPaper(buildPaper(key, mentions, arxivId ? { arxivId } : undefined));
    touched.add(key);
  }

  // Second pass: theme order ("paper k of n"), now that every key is settled.
  const themeKeys = digest.themes.map(() => [] as string[]);
  digest.papers.forEach((m, i) => {
    const themesOfMention = new Set<number>();
    if (m.theme !== undefined) themesOfMention.add(m.theme);
    for (const c of m.contexts) if (c.theme !== undefined) themesOfMention.add(c.theme);
    for (const t of themesOfMention) if (themeKeys[t] && !themeKeys[t]!.includes(keys[i]!)) themeKeys[t]!.push(keys[i]!);
  });
  for (const key of new Set(keys)) {
    const paper = await store.getPaper(key);
    if (!paper) continue;
    const placements: Placement[] = [];
    themeKeys.forEach((list, t) => {
      const k = list.indexOf(key);
      if (k >= 0) placements.push({ theme: t, k: k + 1, n: list.length });
    });
    const mentions = paper.mentions.map((x) => (x.digestId === digest.id ? { ...x, placements } : x));
    await store.putPaper({ ...paper, mentions });
  }

  const postId = digest.postId ?? [...others, ...(sameId ? [sameId] : [])].find((d) => d.postId)?.postId;
  const record: DigestRecord = {
    id: digest.id,
    url: digest.url,
    ...(postId ? { postId } : {}),
    source: digest.source,
    title: digest.title,
    topic: digest.topic,
    date: digest.date,
    ...(digest.modified ? { modified: digest.modified } : {}),
    ...(digest.paperCount !== undefined ? { paperCount: digest.paperCount } : {}),
    intro: digest.intro,
    themes: digest.themes.map((t, i) => ({ ...t, paperKeys: themeKeys[i]! })),
    paperKeys: [...new Set(keys)],
    warnings: digest.warnings,
    parserVersion: digest.parserVersion,
    identity: union(identity, ...[...others, ...(sameId ? [sameId] : [])].map(recordIdentity)),
  };
  await store.putDigest(record);
  return {
    digestsAdded: 1 + gone.digestsAdded,
    papersAdded,
    papersRemoved,
    mentionsDelta: gone.mentionsDelta + record.paperKeys.length,
    touched: [...touched],
    ...(others.length ? { replaced: others.map((d) => d.id) } : {}),
  };
}

/** Removes a digest and its mentions; papers it alone mentioned go with it. */
export async function removeDigest(store: RecordStore, id: string): Promise<WriteReport> {
  const digest = await store.getDigest(id);
  if (!digest) return { digestsAdded: 0, papersAdded: 0, papersRemoved: 0, mentionsDelta: 0, touched: [] };
  let papersRemoved = 0;
  for (const key of digest.paperKeys) {
    const paper = await store.getPaper(key);
    if (!paper) continue;
    const mentions = paper.mentions.filter((m) => m.digestId !== id);
    if (mentions.length === 0) {
      await store.deletePaper(key);
      papersRemoved++;
    } else {
      await store.putPaper(buildPaper(key, mentions, paper.arxivId ? { arxivId: paper.arxivId } : undefined));
    }
  }
  await store.deleteDigest(id);
  return { digestsAdded: -1, papersAdded: 0, papersRemoved, mentionsDelta: -digest.paperKeys.length, touched: digest.paperKeys };
}

/**
 * Records an arXiv id learnt elsewhere (an arXiv page whose title matched a paper known by title
 * alone), so the paper's PDF tab resolves next time. Merges with a paper already under that id.
 */
export async function assignArxivId(store: RecordStore, key: string, arxivId: ArxivId): Promise<PaperRecord | undefined> {
  const paper = await store.getPaper(key);
  if (!paper) return undefined;
  if (paper.key === arxivId) return paper;
  if (paper.arxivId && paper.arxivId !== arxivId) return paper;
  const other = await store.getPaper(arxivId);
  let mentions = [...(other?.mentions ?? [])];
  for (const m of paper.mentions) mentions = addMention(mentions, m);
  await rekeyInDigests(store, paper, arxivId);
  await store.deletePaper(paper.key);
  const merged = buildPaper(arxivId, mentions, { arxivId });
  await store.putPaper(merged);
  return merged;
}
