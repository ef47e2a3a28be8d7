import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { randomDigests } from '../../../tests/support/random-digests.ts';
import { normalizeArxivId } from '../../core/ids/arxiv-id.ts';
import { addDigest, assignArxivId } from '../../core/index/add-digest.ts';
import { MemoryStore } from '../../core/index/memory-store.ts';
import { isJoined, isStoredPaper } from '../../core/index/paper-codec.ts';
import { readAllPapers } from '../paper-rows.ts';
import { type DB, openDigestDb } from '../schema.ts';
import { withSearchId } from '../search/index.ts';
import { rememberArxivIdIn, writeDigestsTo, writeDigestTo } from './write.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const byKey = <T>(entries: [string, T][]) => Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));

const stored = async (db: DB) => ({
  papers: byKey((await readAllPapers(db)).map((p) => [p.key, withSearchId(p, undefined)])),
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

describe('paper rows join their digests’ headers', () => {
  it('every mention a sync writes is joined, and a digest written again with a new title reads with it', async () => {
    const db = await openDigestDb();
    const digests = randomDigests(5, 12).filter((d, i, all) => all.findIndex((e) => e.url === d.url) === i);
    await writeDigestsTo(db, digests);
    const rows = await db.getAll('papers');
    const mentions = rows.flatMap((r) => (isStoredPaper(r) ? r.m : []));
    expect(rows.every(isStoredPaper)).toBe(true);
    expect(mentions.length).toBeGreaterThan(10);
    expect(mentions.every(isJoined)).toBe(true);

    const edited = { ...digests[0]!, title: `${digests[0]!.title} (revised)` };
    await writeDigestTo(db, edited);
    const titleOf = new Map((await db.getAll('digests')).map((d) => [d.id, d.title]));
    const papers = await readAllPapers(db);
    for (const m of papers.flatMap((p) => p.mentions)) expect(m.digestTitle).toBe(titleOf.get(m.digestId));
    expect(papers.flatMap((p) => p.mentions).some((m) => m.digestTitle.endsWith('(revised)'))).toBe(true);
    expect((await db.getAll('papers')).flatMap((r) => (isStoredPaper(r) ? r.m : [])).every(isJoined)).toBe(true);
    db.close();
  });
});
