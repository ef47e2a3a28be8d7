/**
 * Related papers by salient terms: papers of any digest whose words share the rarest words of this
 * paper's title, read off the search index (docs/search.md). A word's document frequency is
 * estimated first, without reading all its postings: the keys of its chunks (how many id ranges
 * it appears in) and one complete chunk (how dense it is there). Words estimated common are skipped; the others are read in
 * full, counted exactly, and the rarest few used.
 */
import type { PaperRecord } from '../core/index/types.ts';
import { titleKey } from '../core/ids/title-key.ts';
import { infoDay, infoIsPaper } from '../core/search/terms.ts';
import type { DB } from './schema.ts';
import { openIndexReader } from './search-reader.ts';
import { paperRef } from './search-write.ts';

/** Words of the title considered; the rarest TERMS of them used. */
const CANDIDATE_WORDS = 8;
const TERMS = 3;
/** A word in more papers than this (or this share of the index, at least 3) says nothing about how two papers relate. */
const MAX_PAPERS = 2_000;
const MAX_SHARE = 0.03;
/** Words read in full: the READ_WORDS estimated rarest, and only those estimated under ESTIMATE_SLACK × the cap. */
const READ_WORDS = 4;
const ESTIMATE_SLACK = 1.5;

export interface TermRelative {
  readonly key: string;
  readonly terms: readonly string[];
}

export interface WordSpan {
  readonly word: string;
  /** How many postings chunks the word has (0: none merged yet). */
  readonly chunks: number;
  /** The length (2 per pair) of one complete chunk of it: the next to last, as the last may still be filling. */
  readonly sampled: number;
}

/**
 * The words worth reading in full, rarest first: a word in at most one chunk costs one small read;
 * the others are estimated at (papers in a recent chunk) × (chunks), and kept when the estimate is
 * under the cap (with some slack: the exact count decides later).
 */
export function wordsToRead(spans: readonly WordSpan[], maxPapers: number): string[] {
  const small = spans.filter((s) => s.chunks <= 1).map((s) => s.word);
  const estimated = spans
    .filter((s) => s.chunks > 1)
    .map((s) => ({ word: s.word, df: (s.sampled / 2) * s.chunks }))
    .filter((s) => s.df <= maxPapers * ESTIMATE_SLACK)
    .sort((a, b) => a.df - b.df)
    .slice(0, READ_WORDS)
    .map((s) => s.word);
  return [...small, ...estimated];
}

const candidateWords = (title: string | undefined): string[] =>
  [...new Set(titleKey(title ?? '').split(' '))].filter((w) => w.length >= 4 && !/^\d+$/.test(w)).slice(0, CANDIDATE_WORDS);

/** Up to `limit` papers sharing the most of this paper's rarest title words, newest first among equals. */
export async function relativesByTerms(db: DB, paper: PaperRecord, limit: number): Promise<TermRelative[]> {
  const words = candidateWords(paper.title);
  if (words.length === 0 || !db.objectStoreNames.contains('postings')) return [];
  const tx = db.transaction(['postings', 'searchDocs']);
  const postings = tx.objectStore('postings');
  const readerOpened = openIndexReader(db);
  const selfRead = tx.objectStore('searchDocs').index('by-ref').getKey(paperRef(paper.key));
  // The keys of each word's chunks, then, in the same transaction while it is active (nothing but
  // its own requests awaited in between), one complete chunk of each.
  const chunkKeys = await Promise.all(words.map((w) => postings.getAllKeys(IDBKeyRange.bound([w, 0], [w, Infinity]))));
  const sampled = await Promise.all(chunkKeys.map((keys) => (keys.length > 1 ? postings.get(keys.at(-2)!).then((l) => l?.length ?? 0) : 0)));
  const [self, reader] = await Promise.all([selfRead, readerOpened]);
  // An index being rebuilt answers nothing here; the other relatives still show.
  if (!reader) return [];
  const docCount = await reader.idLimit();
  const maxPapers = Math.min(MAX_PAPERS, Math.max(3, Math.floor(docCount * MAX_SHARE)));
  const readable = wordsToRead(words.map((word, i) => ({ word, chunks: chunkKeys[i]!.length, sampled: sampled[i]! })), maxPapers);
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
    .filter((x) => x.papers >= 2 && x.papers <= maxPapers)
    .sort((a, b) => a.papers - b.papers)
    .slice(0, TERMS);
  const rarest = chosen.map((x) => x.w);
  // Per paper: which of the rare words it has (a bit each), and its newest digest's day.
  const shared = new Map<number, { bits: number; day: number }>();
  chosen.forEach(({ list }, t) => {
    for (let j = 0; j < list.length; j += 2) {
      const id = list[j]!;
      const info = list[j + 1]!;
      if (id === self || !infoIsPaper(info)) continue;
      const s = shared.get(id);
      if (s) s.bits |= 1 << t;
      else shared.set(id, { bits: 1 << t, day: infoDay(info) });
    }
  });
  const count = (bits: number) => (bits & 1) + ((bits >> 1) & 1) + ((bits >> 2) & 1);
  // Two shared rare words when there are two to share; else one.
  const need = Math.min(2, chosen.length);
  const best = [...shared.entries()]
    .filter(([, s]) => count(s.bits) >= need)
    .sort((a, b) => count(b[1].bits) - count(a[1].bits) || b[1].day - a[1].day || a[0] - b[0])
    .slice(0, limit);
  if (best.length === 0) return [];
  const docs = await reader.docs(best.map(([id]) => id));
  return best.flatMap(([, s], i) => {
    const doc = docs[i];
    return doc ? [{ key: doc.key, terms: rarest.filter((_, t) => s.bits & (1 << t)) }] : [];
  });
}
