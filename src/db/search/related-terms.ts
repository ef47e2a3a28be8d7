/**
 * Related papers by salient terms: papers of any digest whose words share the rarest words of this
 * paper's title, read off the search index (docs/search.md). Merges keep, per word, how many papers
 * its postings hold (`termCounts`: void ones included, so an upper bound), so rarity is known
 * from one small read per word; only the few rarest words are read in full, counted exactly, and
 * the rarest of them used. A common word's postings are never read.
 */

import { titleKey } from '../../core/ids/title-key.ts';
import type { PaperRecord } from '../../core/index/types.ts';
import type { TextNeighbour } from '../../core/index/view.ts';
import type { SearchDoc } from '../../core/search/document.ts';
import { infoDay, infoIsPaper, relatableWord } from '../../core/search/terms.ts';
import type { DB } from '../schema.ts';
import { IndexMoved, openIndexReader } from './reader.ts';

/** Words of the title considered; the rarest TERMS of them used. */
const CANDIDATE_WORDS = 8;
const TERMS = 3;
/** A word in more papers than this (or this share of the index, at least 3) says nothing about how two papers relate. */
const MAX_PAPERS = 2_000;
const MAX_SHARE = 0.03;
/** Words read in full: the READ_WORDS counted rarest, and only those counted under COUNT_SLACK × the cap (the count includes void papers). */
const READ_WORDS = 4;
const COUNT_SLACK = 1.5;
const FEW = 64;

export interface TermRelative {
  readonly key: string;
  readonly terms: readonly string[];
}

/** How a search by rare shared words goes: which words, how many kept, how many a result must share. */
interface Probe {
  readonly words: readonly string[];
  /** The document searched from (not a result), when it is in the index. */
  readonly self?: number;
  readonly limit: number;
  /** Rarest words kept, and how many of them a result must share. */
  readonly terms: number;
  readonly need: number;
  /** A word in fewer papers than this says nothing (a paper's own words are in its own document). */
  readonly minPapers: number;
  /** Digests may be results too. */
  readonly digests: boolean;
}

/**
 * The words worth reading in full: every word counted in at most FEW papers (a small read; a word
 * with no count yet is only in pending rows, already in memory), and the READ_WORDS counted
 * rarest of the others under the cap, with some slack (the exact count decides later).
 */
export function wordsToRead(words: readonly string[], counts: readonly (number | undefined)[], maxPapers: number): string[] {
  const counted = words.map((word, i) => ({ word, n: counts[i] ?? 0 }));
  const few = counted.filter((w) => w.n <= FEW).map((w) => w.word);
  const others = counted
    .filter((w) => w.n > FEW && w.n <= maxPapers * COUNT_SLACK)
    .sort((a, b) => a.n - b.n)
    .slice(0, READ_WORDS)
    .map((w) => w.word);
  return [...few, ...others];
}

const candidateWords = (title: string | undefined, max = CANDIDATE_WORDS): string[] =>
  [...new Set(titleKey(title ?? '').split(' '))].filter(relatableWord).slice(0, max);

/** Words of a page's title and abstract considered; the rarest TEXT_TERMS of them used, two shared at least. */
const TEXT_WORDS = 40;
const TEXT_TERMS = 5;

/**
 * The papers and digests of the index closest to a page no digest names: those sharing the most
 * of the rarest words of its title and abstract (title words first), newest first among equals.
 */
export async function neighboursOfText(db: DB, title: string, abstract: string, limit: number): Promise<TextNeighbour[]> {
  const words = [...new Set([...candidateWords(title, TEXT_WORDS), ...candidateWords(abstract.slice(0, 4000), TEXT_WORDS)])].slice(0, TEXT_WORDS);
  const found = await withRetry(() => sharedRareWords(db, { words, limit, terms: TEXT_TERMS, need: Math.min(2, words.length), minPapers: 1, digests: true }));
  return found.map(({ doc, terms }) => ({
    kind: doc.kind,
    key: doc.key,
    title: doc.title,
    ...(doc.name ? { name: doc.name } : {}),
    ...(doc.arxivId ? { arxivId: doc.arxivId } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    date: doc.date,
    terms,
  }));
}

// A merge landing between the reads (a sync running meanwhile) moves the index on: read again.
async function withRetry<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (e) {
      if (!(e instanceof IndexMoved) || attempt >= 2) throw e;
    }
  }
}

/** Up to `limit` papers sharing the most of this paper's rarest title words, newest first among equals. */
export async function relativesByTerms(db: DB, paper: PaperRecord, limit: number): Promise<TermRelative[]> {
  // The paper's own document, by the id its record carries (one of an index since rebuilt matches nothing).
  const probe = { words: candidateWords(paper.title), limit, terms: TERMS, need: 2, minPapers: 2, digests: false };
  const found = await withRetry(() => sharedRareWords(db, paper.searchId === undefined ? probe : { ...probe, self: paper.searchId }));
  return found.map(({ doc, terms }) => ({ key: doc.key, terms }));
}

async function sharedRareWords(db: DB, probe: Probe): Promise<{ doc: SearchDoc; terms: string[] }[]> {
  const { words, self, limit } = probe;
  if (words.length === 0 || !db.objectStoreNames.contains('termCounts')) return [];
  const counts = db.transaction('termCounts').store;
  // Issued at once; the reader's own transaction is another one (no vocabulary: nothing is expanded).
  const [countsRead, reader] = await Promise.all([Promise.all(words.map((w) => counts.get(w))), openIndexReader(db, { vocabulary: false })]);
  // An index being rebuilt answers nothing here; the other relatives still show.
  if (!reader) return [];
  const { first, limit: idLimit } = await reader.idRange();
  const docCount = idLimit - first;
  const maxPapers = Math.min(MAX_PAPERS, Math.max(3, Math.floor(docCount * MAX_SHARE)));
  const readable = wordsToRead(words, countsRead, maxPapers);
  if (readable.length === 0) return [];
  const all = await reader.postings(readable);
  const papersIn = (list: Uint32Array) => {
    let n = 0;
    for (let j = 1; j < list.length; j += 2) if (infoIsPaper(list[j]!)) n++;
    return n;
  };
  // Rarest first; a word only this paper has relates it to nothing.
  const chosen = readable
    .map((w, i) => ({ w, list: all[i]!, papers: papersIn(all[i]!) }))
    .filter((x) => x.papers >= probe.minPapers && x.papers <= maxPapers)
    .sort((a, b) => a.papers - b.papers)
    .slice(0, probe.terms);
  const rarest = chosen.map((x) => x.w);
  // Per paper: which of the rare words it has (a bit each), and its newest digest's day.
  const shared = new Map<number, { bits: number; day: number }>();
  chosen.forEach(({ list }, t) => {
    for (let j = 0; j < list.length; j += 2) {
      const id = list[j]!;
      const info = list[j + 1]!;
      if (id === self || (!probe.digests && !infoIsPaper(info))) continue;
      const s = shared.get(id);
      if (s) s.bits |= 1 << t;
      else shared.set(id, { bits: 1 << t, day: infoDay(info) });
    }
  });
  const count = (bits: number) => {
    let n = 0;
    for (let b = bits; b; b &= b - 1) n++;
    return n;
  };
  // Two shared rare words when there are two to share; else one.
  const need = Math.min(probe.need, chosen.length);
  const best = [...shared.entries()]
    .filter(([, s]) => count(s.bits) >= need)
    .sort((a, b) => count(b[1].bits) - count(a[1].bits) || b[1].day - a[1].day || a[0] - b[0])
    .slice(0, limit);
  if (best.length === 0) return [];
  const docs = await reader.docs(best.map(([id]) => id));
  return best.flatMap(([, s], i) => {
    const doc = docs[i];
    return doc ? [{ doc, terms: rarest.filter((_, t) => s.bits & (1 << t)) }] : [];
  });
}
