import type { IDBPTransaction } from 'idb';
import type { PaperRef } from '../../core/detect/index.ts';
import { type RelatedProbe, relatedProbes } from '../../core/index/related-reasons.ts';
import { paperRole } from '../../core/index/role.ts';
import type { DigestRecord, PaperRecord } from '../../core/index/types.ts';
import type { DigestSummary, LookupResult, PaperView, RelatedPaper } from '../../core/index/view.ts';
import { paperIn, readPaper, readPaperKeysBy, readPapersBy, readPapersByTitle } from '../paper-rows.ts';
import type { DB, DigestLensDB } from '../schema.ts';
import { relativesByTerms, type TermRelative } from '../search/index.ts';

type ReadTx = IDBPTransaction<DigestLensDB, ('digests' | 'papers')[], 'readonly'>;

/** The papers a reference names, with their mentions: what the badge and the chip need. */
export interface PaperMatch {
  readonly own: readonly PaperRecord[];
  /** On a repository page: papers that give it as code but only cite it. */
  readonly cited: readonly PaperRecord[];
}

const RELATED_PER_PAPER = 12;
// Papers of other digests read per probe.
const PER_PROBE = 4;

function summary(d: DigestRecord): DigestSummary {
  return {
    id: d.id,
    url: d.url,
    title: d.title,
    topic: d.topic,
    date: d.date,
    ...(d.paperCount !== undefined ? { paperCount: d.paperCount } : {}),
    themes: d.themes.map(({ title, summary: s, section }) => ({ title, summary: s, section })),
  };
}

async function findPapers(
  tx: IDBPTransaction<DigestLensDB, ['papers', 'digests'], 'readonly'>,
  ref: PaperRef,
): Promise<{ own: PaperRecord[]; cited: PaperRecord[] }> {
  const papers = tx.objectStore('papers');
  switch (ref.kind) {
    case 'arxiv': {
      // A paper with an arXiv id is keyed by it (assignArxivId moves it there; imports are checked).
      const byKey = await readPaper(papers, ref.id);
      return { own: byKey ? [byKey] : [], cited: [] };
    }
    case 'title':
      return { own: ref.key ? await readPapersByTitle(papers, ref.key, 5) : [], cited: [] };
    case 'github-repo': {
      const [own, cited] = await Promise.all([readPapersBy(papers, 'by-repo', ref.key), readPapersBy(papers, 'by-cited', ref.key)]);
      return { own, cited };
    }
    case 'github-org':
      return { own: await readPapersBy(papers, 'by-org', ref.key, 200), cited: [] };
  }
}

/** The page lookup: the papers a reference names, with their mentions, in one transaction. */
export async function findPapersIn(db: DB, ref: PaperRef): Promise<PaperMatch> {
  return findPapers(db.transaction(['papers', 'digests']), ref);
}

/** Distinct digests mentioning the papers: the badge number. */
export const digestCountOf = (own: readonly PaperRecord[]): number => new Set(own.flatMap((p) => p.mentions.map((m) => m.digestId))).size;

// Relatives by salient terms are looked for when a page names a few papers, not an organisation's 200.
const TERM_RELATIVES_UP_TO = 3;

type ByTerms = ReadonlyMap<string, readonly TermRelative[]>;

async function termRelatives(db: DB, papers: readonly PaperRecord[]): Promise<ByTerms> {
  if (papers.length > TERM_RELATIVES_UP_TO) return new Map();
  // Extra relatives are never worth failing the panel for.
  const lists = await Promise.all(
    papers.map((p) =>
      relativesByTerms(db, p, RELATED_PER_PAPER).catch((e: unknown) => {
        console.warn('Digest Lens: related papers by title words failed', e);
        return [];
      }),
    ),
  );
  return new Map(papers.map((p, i) => [p.key, lists[i]!]));
}

/** The side panel's view of papers already found: their digests and related papers. */
export async function viewPapersInDb(db: DB, match: PaperMatch): Promise<LookupResult> {
  // Read first, from the search index: the view's own transaction must await nothing else.
  const byTerms = await termRelatives(db, [...match.own, ...match.cited]);
  return viewPapersIn(db.transaction(['digests', 'papers']), [...match.own], [...match.cited], byTerms);
}

/**
 * Everything the side panel shows for a reference: the papers, every digest that mentions them,
 * and related papers (same theme, then other digests: dataset, code organisation, salient terms).
 */
export async function lookupIn(db: DB, ref: PaperRef): Promise<LookupResult> {
  return viewPapersInDb(db, await findPapersIn(db, ref));
}

/** A paper by its record key (the popup's choice), viewed as a lookup would show it. */
export async function lookupKeyIn(db: DB, key: string): Promise<LookupResult> {
  const paper = await paperIn(db, key);
  return viewPapersInDb(db, { own: paper ? [paper] : [], cited: [] });
}

async function viewPapersIn(tx: ReadTx, own: PaperRecord[], cited: PaperRecord[], byTerms: ByTerms): Promise<LookupResult> {
  const all = [...own, ...cited];
  if (all.length === 0) return { status: 'not-indexed', papers: [], cited: [], digests: {}, digestCount: 0 };
  const digestIds = [...new Set(all.flatMap((p) => p.mentions.map((m) => m.digestId)))];
  // Relatives in other digests need only the paper: read beside its digests, not after them.
  const probed = new Map(all.map((p) => [p.key, probeAcross(tx, p)]));
  const records = await Promise.all(digestIds.map((id) => tx.objectStore('digests').get(id)));
  const byId = new Map(records.filter((d): d is DigestRecord => !!d).map((d) => [d.id, d]));
  const view = async (paper: PaperRecord): Promise<PaperView> => ({
    paper,
    related: await related(tx, paper, byId, await probed.get(paper.key)!, byTerms.get(paper.key) ?? []),
  });
  const result: LookupResult = {
    status: 'found',
    papers: await Promise.all(own.map(view)),
    cited: await Promise.all(cited.map(view)),
    digests: Object.fromEntries([...byId.values()].map((d) => [d.id, summary(d)])),
    digestCount: digestCountOf(own),
  };
  return result;
}

async function related(
  tx: ReadTx,
  paper: PaperRecord,
  digests: Map<string, DigestRecord>,
  across: Probed[],
  byTerms: readonly TermRelative[],
): Promise<RelatedPaper[]> {
  const wanted: { key: string; via: RelatedPaper['via']; reason?: string; digestId: string }[] = [];
  const seen = new Set([paper.key]);
  // Its neighbours in the theme each digest puts it in (not in every section it is named in).
  for (const m of paper.mentions) {
    const theme = m.theme === undefined ? undefined : digests.get(m.digestId)?.themes[m.theme];
    for (const key of theme?.paperKeys ?? []) {
      if (seen.has(key)) continue;
      seen.add(key);
      wanted.push({ key, via: 'theme', digestId: m.digestId });
    }
  }
  // Then papers of other digests sharing a dataset or a code organisation.
  for (const { probe, keys } of across) {
    for (const key of keys) {
      if (wanted.length >= RELATED_PER_PAPER) break;
      if (seen.has(key)) continue;
      seen.add(key);
      wanted.push({ key, via: probe.index === 'by-dataset' ? 'dataset' : 'org', reason: probe.reason, digestId: '' });
    }
  }
  // Then papers anywhere sharing the rarest words of its title.
  for (const r of byTerms) {
    if (wanted.length >= RELATED_PER_PAPER) break;
    if (seen.has(r.key)) continue;
    seen.add(r.key);
    wanted.push({ key: r.key, via: 'terms', reason: `shared terms: ${r.terms.join(', ')}`, digestId: '' });
  }
  const list = wanted.slice(0, RELATED_PER_PAPER);
  const records = await Promise.all(list.map((w) => readPaper(tx.objectStore('papers'), w.key)));
  return list.flatMap((w, i) => {
    const r = records[i];
    // Never the paper itself under another name.
    if (!r || sameName(paper, r)) return [];
    // A paper found across digests is named as its newest digest names it.
    const digestId = w.digestId || r.mentions[0]?.digestId || '';
    const mention = r.mentions.find((m) => m.digestId === digestId);
    const name = mention?.name ?? r.names[0] ?? r.key;
    const role = mention && (paperRole(mention.contexts[0]?.text ?? '', [name, ...(mention.title ? [mention.title] : [])]) ?? 'In the same theme');
    const reason = w.via === 'theme' ? (role ?? 'In the same theme') : w.reason!;
    return [
      {
        key: r.key,
        name,
        ...(r.title ? { title: r.title } : {}),
        ...(r.arxivId ? { arxivId: r.arxivId } : {}),
        via: w.via,
        reason,
        digestId,
        sameTheme: w.via === 'theme',
      },
    ];
  });
}

/** Two records a reader would take for one paper: the same arXiv id, title or name. */
function sameName(a: PaperRecord, b: PaperRecord): boolean {
  if (a.arxivId && a.arxivId === b.arxivId) return true;
  if (a.titleKey && a.titleKey === b.titleKey) return true;
  return b.nameKeys.some((k) => a.nameKeys.includes(k) || k === a.titleKey);
}

interface Probed {
  readonly probe: RelatedProbe;
  readonly keys: string[];
}

/** Papers sharing a dataset or code organisation with `paper`, a few keys per probe. */
function probeAcross(tx: ReadTx, paper: PaperRecord): Promise<Probed[]> {
  const store = tx.objectStore('papers');
  return Promise.all(
    relatedProbes(paper).map(async (probe) => {
      // One bounded key read per probe (a cursor would cost a round trip per step).
      return { probe, keys: await readPaperKeysBy(store, probe.index, probe.key, PER_PROBE + 1) };
    }),
  );
}
