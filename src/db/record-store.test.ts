import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { digest, type MentionSpec } from '../../tests/support/make-digest.ts';
import { rng } from '../../tests/server/generate-posts.ts';
import { addDigest, assignArxivId } from '../core/index/add-digest.ts';
import { MemoryStore } from '../core/index/memory-store.ts';
import { normalizeArxivId } from '../core/ids/arxiv-id.ts';
import { openDigestDb, type DB } from './schema.ts';
import { withSearchId } from './search-write.ts';
import { rememberArxivIdIn, writeDigestTo, writeDigestsTo } from './write.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/**
 * Mentions drawn from a few titles, names, ids and repositories, so they keep meeting: an id
 * arriving for a paper known by title, by name and code, two arXiv papers of one title, a cited
 * library shared by many.
 */
function randomDigests(seed: number, count: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const titles = ['Bee colonies', 'Ants at work', 'Wasp nests', 'Moth flight', 'Beetle shells'];
  const names = ['BEE', 'ANT', 'WASP', 'MOTH', 'BTL', 'SAME'];
  const repos = ['https://github.com/o/bee', 'https://github.com/o/ant', 'https://github.com/o/wasp', 'https://github.com/lib/shared'];
  const ids = ['2605.00001', '2605.00002', '2605.00003', '2605.00004', '2605.00005', '2605.00006', '2605.00007'];
  return Array.from({ length: count }, (_, n) => {
    const papers: MentionSpec[] = Array.from({ length: 1 + Math.floor(r() * 5) }, () => ({
      name: pick(names),
      ...(r() < 0.6 ? { title: pick(titles) } : {}),
      ...(r() < 0.5 ? { arxiv: pick(ids) } : {}),
      ...(r() < 0.5 ? { code: [pick(repos)] } : {}),
    }));
    // Now and then a digest is written again, edited (a later fetch of the same post).
    const id = n > 3 && r() < 0.2 ? `d${Math.floor(r() * n)}` : `d${n}`;
    return digest(id, `2026-05-${String(1 + (n % 28)).padStart(2, '0')}`, papers);
  });
}

const byKey = <T>(entries: [string, T][]) => Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));

const stored = async (db: DB) => ({
  papers: byKey((await db.getAll('papers')).map((p) => [p.key, withSearchId(p, undefined)])),
  digests: byKey((await db.getAll('digests')).map((d) => [d.id, withSearchId(d, undefined)])),
});

const inMemory = (s: MemoryStore) => ({ papers: byKey([...s.papers]), digests: byKey([...s.digests]) });

describe('the database writes the records the in-memory store does', () => {
  it('one digest per transaction, through re-keys, name joins, edits and arXiv ids learnt from pages', async () => {
    for (const seed of [1, 2, 3, 4]) {
      globalThis.indexedDB = new IDBFactory();
      const db = await openDigestDb();
      const memory = new MemoryStore();
      const digests = randomDigests(seed, 30);
      for (const [n, d] of digests.entries()) {
        await writeDigestTo(db, d);
        await addDigest(memory, d);
        if (n % 7 === 6) {
          // An arXiv page names a paper known by title alone.
          const loose = [...memory.papers.values()].find((p) => !p.arxivId);
          const id = normalizeArxivId(`2605.000${10 + n}`)!;
          if (loose) {
            await rememberArxivIdIn(db, loose.key, id);
            await assignArxivId(memory, loose.key, id);
          }
        }
        expect(await stored(db), `seed ${seed}, digest ${n}`).toEqual(inMemory(memory));
      }
      db.close();
    }
  });

  it('several digests in one transaction, as a sync batch or an import writes them', async () => {
    const db = await openDigestDb();
    const memory = new MemoryStore();
    const digests = randomDigests(9, 40);
    for (let i = 0; i < digests.length; i += 8) {
      const batch = digests.slice(i, i + 8);
      await writeDigestsTo(db, batch);
      for (const d of batch) await addDigest(memory, d);
      expect(await stored(db)).toEqual(inMemory(memory));
    }
    db.close();
  });
});
