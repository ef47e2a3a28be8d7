/** The search index as stored in IndexedDB, read per query term. */
import type { SearchDoc } from '../core/search/document.ts';
import type { IndexReader } from '../core/search/index-reader.ts';
import type { DB, SearchStateRecord } from './schema.ts';

// The vocabulary is the one thing read whole (typo candidates need every word); it is kept per
// index stamp, so a context that searches twice between writes reads it once.
let vocabCache: { db: DB; stamp: string; words: Promise<readonly string[]> } | undefined;

function vocabulary(db: DB, stamp: string): Promise<readonly string[]> {
  if (vocabCache?.db !== db || vocabCache.stamp !== stamp) {
    const words = db.getAllKeys('vocab') as Promise<string[]>;
    vocabCache = { db, stamp, words };
    words.catch(() => (vocabCache = undefined));
  }
  return vocabCache.words;
}

// Typing "s", "se", "seg"… asks for mostly the same terms again: postings read are kept per index
// stamp, up to a bound, so a keystroke reads only the terms it adds.
const POSTINGS_CACHE_ENTRIES = 8_000_000;
let postingsCache: { db: DB; stamp: string; lists: Map<string, Uint32Array>; entries: number } | undefined;

function postingsCacheFor(db: DB, stamp: string) {
  if (postingsCache?.db !== db || postingsCache.stamp !== stamp) postingsCache = { db, stamp, lists: new Map(), entries: 0 };
  return postingsCache;
}

export function forgetVocabulary(): void {
  vocabCache = undefined;
  postingsCache = undefined;
}

function concat(parts: readonly Uint32Array[]): Uint32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function idbReader(db: DB, state: SearchStateRecord): IndexReader {
  return {
    vocabulary: () => vocabulary(db, state.stamp),
    async postings(terms) {
      const cache = postingsCacheFor(db, state.stamp);
      const missing = terms.filter((t) => !cache.lists.has(t));
      if (missing.length) {
        const tx = db.transaction('postings');
        // Every chunk of a term: keys [term, 0] … [term, +∞] are adjacent.
        const read = await Promise.all(missing.map(async (t) => concat(await tx.store.getAll(IDBKeyRange.bound([t, 0], [t, Infinity])))));
        if (cache.entries > POSTINGS_CACHE_ENTRIES) {
          cache.lists.clear();
          cache.entries = 0;
        }
        missing.forEach((t, i) => {
          cache.lists.set(t, read[i]!);
          cache.entries += read[i]!.length;
        });
      }
      return terms.map((t) => cache.lists.get(t)!);
    },
    async docs(ids) {
      const tx = db.transaction('searchDocs');
      const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
      return rows.map((r): SearchDoc | undefined => r?.doc);
    },
    idLimit: async () => state.nextId,
  };
}
