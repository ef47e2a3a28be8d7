import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { rng } from '../../../tests/server/generate-posts.ts';
import { digest, type MentionSpec } from '../../../tests/support/make-digest.ts';
import { randomDigests } from '../../../tests/support/random-digests.ts';
import { BloomFilter, hashesOf } from '../../core/bloom/bloom-filter.ts';
import type { Digest } from '../../core/digest/types.ts';
import { addDigest } from '../../core/index/add-digest.ts';
import { MemoryStore } from '../../core/index/memory-store.ts';
import { decodePaper, headersOf } from '../../core/index/paper-codec.ts';
import { readAllPapers } from '../paper-rows.ts';
import { type AliasState, type CountersRecord, type DB, openDigestDb } from '../schema.ts';
import { withSearchId } from '../search/index.ts';
import type { RecordTx } from '../tx.ts';
import { aliasStats, chunksOf, digestAlias, FOLD_ROWS, filterFrom, forgetAliasFilters, openAliases, paperAliases, rebuildAliasFilter } from './alias-filter.ts';
import { importRecordsTo } from './export-import.ts';
import { RECORD_STORES, writeDigestsTo, writeDigestTo } from './write.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  for (const k of Object.keys(aliasStats) as (keyof typeof aliasStats)[]) aliasStats[k] = 0;
});

describe('the alias filter in chunks', () => {
  it('reads back from its stored chunks, and a missing chunk is damage', () => {
    const f = new BloomFilter();
    const held = Array.from({ length: 150_000 }, (_, i) => `k 2605.${String(i).padStart(5, '0')}`);
    f.addHashes(hashesOf(held));
    const chunks = chunksOf(f).map((c) => c.words);
    expect(chunks.length).toBeGreaterThan(f.sizes().length);
    const again = filterFrom(f.sizes(), chunks);
    expect(held.filter((a) => !again.mayHold(a))).toEqual([]);
    expect(() => filterFrom(f.sizes(), chunks.slice(1))).toThrow(/damaged/);
    expect(() => filterFrom(f.sizes(), [...chunks, new Uint32Array(1)])).toThrow(/damaged/);
  });
});

const stored = async (db: DB) => ({
  papers: Object.fromEntries((await readAllPapers(db)).map((p) => [p.key, withSearchId(p, undefined)])),
  digests: Object.fromEntries((await db.getAll('digests')).map((d) => [d.id, withSearchId(d, undefined)])),
});
const inMemory = (s: MemoryStore) => ({ papers: Object.fromEntries(s.papers), digests: Object.fromEntries(s.digests) });

/** Digests of mostly new papers (as real ones are), now and then one met before. */
function freshDigests(seed: number, count: number, from = 0): Digest[] {
  const r = rng(seed);
  let n = from;
  return Array.from({ length: count }, (_, d) => {
    const papers: MentionSpec[] = Array.from({ length: 6 }, () => {
      const again = n > from && r() < 0.2 ? from + Math.floor(r() * (n - from)) : n++;
      return {
        name: `NET${again}`,
        title: `Paper number ${again} on bees`,
        ...(again % 2 ? { arxiv: `2605.${String(10_000 + again)}` } : {}),
        ...(again % 3 ? {} : { code: [`https://github.com/lab/net-${again}`] }),
      };
    });
    return digest(`fresh-${seed}-${from}-${d}`, `2026-06-${String(1 + (d % 28)).padStart(2, '0')}`, papers);
  });
}

/** Whether the filter, loaded from the database as a new context would, agrees and holds every stored value. */
async function filterHoldsEverything(db: DB): Promise<{ agrees: boolean; missing: string[] }> {
  forgetAliasFilters(db);
  const tx = db.transaction(RECORD_STORES, 'readonly') as unknown as RecordTx;
  const aliases = await openAliases(tx, tx.objectStore('meta').get('counters') as Promise<CountersRecord | undefined>);
  const [rows, digests] = await Promise.all([tx.objectStore('papers').getAll(), tx.objectStore('digests').getAll()]);
  const headers = headersOf(digests);
  const papers = rows.map((r) => decodePaper(r, headers));
  const digestIds = digests.map((d) => d.id);
  const values = [...papers.flatMap(paperAliases), ...(digestIds as string[]).map(digestAlias)];
  return { agrees: aliases.absent !== undefined, missing: aliases.absent ? values.filter((v) => aliases.absent!(v)) : [] };
}

describe('writes with the alias filter', () => {
  it('skip the lookups it rules out and write exactly the records the in-memory store does', async () => {
    const db = await openDigestDb();
    const memory = new MemoryStore();
    const some = randomDigests(3, 20);
    const digests = freshDigests(1, 30).flatMap((d, i) => (some[i] ? [d, some[i]] : [d]));
    for (const [n, d] of digests.entries()) {
      if (n % 5 === 4) await writeDigestsTo(db, [d]);
      else await writeDigestTo(db, d);
      await addDigest(memory, d);
      expect(await stored(db), `digest ${n}`).toEqual(inMemory(memory));
    }
    expect(aliasStats.skipped).toBeGreaterThan(100);
    expect(await filterHoldsEverything(db)).toEqual({ agrees: true, missing: [] });
    db.close();
  });

  it('fold their rows into the stored filter, which another context loads', async () => {
    const db = await openDigestDb();
    const memory = new MemoryStore();
    for (const d of freshDigests(2, FOLD_ROWS + 6)) {
      await writeDigestTo(db, d);
      await addDigest(memory, d);
    }
    expect(aliasStats.folds).toBe(1);
    const state = (await db.get('meta', 'aliases')) as AliasState;
    expect(state.rows).toBe(6);
    expect(state.sizes.length).toBeGreaterThan(0);
    expect(await filterHoldsEverything(db)).toEqual({ agrees: true, missing: [] });
    // Another context: loads it once, then keeps it in step.
    forgetAliasFilters(db);
    const loads = aliasStats.loads;
    for (const d of freshDigests(2, 4, 10_000)) {
      await writeDigestTo(db, d);
      await addDigest(memory, d);
    }
    expect(aliasStats.loads).toBe(loads + 1);
    expect(await stored(db)).toEqual(inMemory(memory));
    db.close();
  });

  it('read everything after a write that bypassed the filter, and the rebuilt filter serves again', async () => {
    const db = await openDigestDb();
    const memory = new MemoryStore();
    for (const d of freshDigests(4, 5)) {
      await writeDigestTo(db, d);
      await addDigest(memory, d);
    }
    // An export file's import writes records without the filter (another source's digest).
    const other = new MemoryStore();
    const imported = digest('imported', '2026-05-30', [{ name: 'IMP', title: 'An imported paper on ants', code: ['https://github.com/elsewhere/imp'] }]);
    await addDigest(other, imported);
    expect((await importRecordsTo(db, [...other.digests.values()], [...other.papers.values()])).map((o) => o.outcome)).toEqual(['added']);
    await addDigest(memory, imported);
    expect((await filterHoldsEverything(db)).agrees).toBe(false);
    // A digest naming the imported paper by its title must find it (a stale filter would call it absent).
    const skipped = aliasStats.skipped;
    const naming = digest('naming', '2026-06-02', [{ name: 'IMP', title: 'An imported paper on ants', arxiv: '2606.00001' }]);
    await writeDigestTo(db, naming);
    await addDigest(memory, naming);
    expect(aliasStats.skipped).toBe(skipped);
    expect(await stored(db)).toEqual(inMemory(memory));
    // That write started a rebuild; once done, the filter agrees and holds everything.
    await rebuildAliasFilter(db);
    expect(await filterHoldsEverything(db)).toEqual({ agrees: true, missing: [] });
    db.close();
  });

  it('rebuilt while writes go on: the writes made meanwhile join it', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v5 = await openDigestDb('old', 5);
    const memory = new MemoryStore();
    for (const d of freshDigests(5, 8)) {
      await writeDigestTo(v5, d);
      await addDigest(memory, d);
    }
    v5.close();
    const db = await openDigestDb('old');
    expect(await db.get('meta', 'aliases')).toBeUndefined();
    // The first write finds no filter: it reads everything, and starts the rebuild.
    const more = freshDigests(6, 6, 20_000);
    await writeDigestTo(db, more[0]!);
    await addDigest(memory, more[0]!);
    const rebuilt = rebuildAliasFilter(db);
    for (const d of more.slice(1)) {
      await writeDigestTo(db, d);
      await addDigest(memory, d);
    }
    expect(await rebuilt).toBe(true);
    expect(aliasStats.rebuilds).toBeGreaterThanOrEqual(1);
    expect(await filterHoldsEverything(db)).toEqual({ agrees: true, missing: [] });
    expect(await stored(db)).toEqual(inMemory(memory));
    db.close();
  });

  it('a rebuild gives up when something wrote records without the filter meanwhile', async () => {
    const db = await openDigestDb();
    for (const d of freshDigests(7, 3)) await writeDigestTo(db, d);
    await db.put('meta', { ...((await db.get('meta', 'aliases')) as AliasState), stamp: 'none' }, 'aliases');
    const rebuilt = rebuildAliasFilter(db);
    // Counters moved by a write that appended nothing.
    const c = (await db.get('meta', 'counters')) as CountersRecord;
    await db.put('meta', { ...c, updated: new Date(Date.parse(c.updated!) + 5).toISOString() }, 'counters');
    expect(await rebuilt).toBe(false);
    expect((await filterHoldsEverything(db)).agrees).toBe(false);
    expect(await rebuildAliasFilter(db)).toBe(true);
    expect(await filterHoldsEverything(db)).toEqual({ agrees: true, missing: [] });
    db.close();
  });
});
