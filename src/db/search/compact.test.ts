// Compaction (fake-indexeddb, the real write path): runs of merges' chunks joined into one row per
// term, the postings read exactly as before, a run cut short joined by the next merge, and the
// chunks of an index from before term lists were kept joined once.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rng } from '../../../tests/server/generate-posts.ts';
import { digest } from '../../../tests/support/make-digest.ts';
import { searchIdProblems } from '../../../tests/support/search-ids.ts';
import { unpackIds, unpackPostings } from '../../core/search/postings-codec.ts';
import { parseQuery } from '../../core/search/query.ts';
import { writeDigestTo } from '../records/index.ts';
import { type DB, openDigestDb } from '../schema.ts';
import { COMPACT, compactStats } from './compact.ts';
import { LEGACY_NEXT, MERGED_CHUNKS, mergedChunk, SEGMENT_TERMS, VOID_TERM } from './layout.ts';
import { mergePending } from './merge.ts';
import { forgetSearchCache, linearSearchIn, searchPageIn } from './search.ts';

const WORDS = ['segments', 'livers', 'kidneys', 'graphs', 'diffusion', 'denoising', 'ultrasound', 'federated', 'privacy', 'tumours', 'retrieval', 'agents'];
const QUERIES = ['segments', 'seg', 'segmnets', 'livers kid', 'diffusion', 'ultra', 'privacy fed', 'net', 'c:', 'y:2026 agents', '"denoising diffusion"'];
const DEFAULTS = { ...COMPACT };

afterEach(() => {
  Object.assign(COMPACT, DEFAULTS);
  vi.restoreAllMocks();
});

let n = 0;
async function freshDb(): Promise<DB> {
  globalThis.indexedDB = new IDBFactory();
  forgetSearchCache();
  return openDigestDb(`compact-${n++}`);
}

/** Writes digests `from`…`to` − 1 (new papers, papers named again: void ids), then merges. */
async function writeAndMerge(db: DB, from: number, to: number): Promise<void> {
  const r = rng(from + 1);
  const pick = () => WORDS[Math.floor(r() * WORDS.length)]!;
  for (let d = from; d < to; d++) {
    const papers = Array.from({ length: 3 }, (_, k) => {
      // Named again: the last digest but one's paper, and now and then a much older one (void ids out of order across merges).
      const g = k === 0 && d > 2 ? 100 + (d - 2) * 3 + 1 : k === 1 && d % 4 === 3 ? 100 + Math.floor(d / 4) * 3 + 2 : 100 + d * 3 + k;
      return {
        name: `Net${g}`,
        title: `Net${g} ${pick()} ${pick()}`,
        arxiv: `2605.${String(10000 + g)}`,
        ...(g % 2 ? { code: [`https://github.com/lab/net${g}`] } : {}),
      };
    });
    await writeDigestTo(db, digest(`d${d}`, `2026-0${1 + (d % 6)}-1${d % 10}`, papers));
  }
  expect(await mergePending(db)).toBeGreaterThan(0);
}

/** Every term's rows (keys) and its pairs as readers take them: chunks in key order, concatenated. */
async function postingsOf(db: DB) {
  const [keys, rows] = [await db.getAllKeys('postings'), await db.getAll('postings')];
  const byTerm = new Map<string, { chunks: number[]; rows: Uint8Array[] }>();
  keys.forEach(([term, chunk], i) => {
    if (term === SEGMENT_TERMS || term === LEGACY_NEXT) return;
    const t = byTerm.get(term) ?? { chunks: [], rows: [] };
    t.chunks.push(chunk);
    t.rows.push(rows[i]!);
    byTerm.set(term, t);
  });
  const pairs = new Map(
    [...byTerm].map(([term, t]) => [term, term === VOID_TERM ? [...new Set(unpackIds(t.rows))].sort((a, b) => a - b) : [...unpackPostings(t.rows)]]),
  );
  return { chunks: new Map([...byTerm].map(([term, t]) => [term, t.chunks])), pairs };
}

async function expectSameAsScan(db: DB, when: string): Promise<void> {
  forgetSearchCache();
  for (const q of QUERIES) {
    const { hits } = await searchPageIn(db, parseQuery(q), 30);
    const scan = await linearSearchIn(db, parseQuery(q), 10_000);
    expect(
      hits.map((h) => [h.doc.key, h.score]),
      `${when}: ${q}`,
    ).toEqual(scan.slice(0, 30).map((h) => [h.doc.key, h.score]));
  }
}

/** Two databases given the same writes and merges: `compacted` with COMPACT as set, `plain` never compacting. */
async function twins(merges: number, perMerge = 3) {
  const compacted = await freshDb();
  for (let m = 0; m < merges; m++) await writeAndMerge(compacted, m * perMerge, (m + 1) * perMerge);
  const fanout = COMPACT.fanout;
  COMPACT.fanout = 1e9;
  const plain = await freshDb();
  for (let m = 0; m < merges; m++) await writeAndMerge(plain, m * perMerge, (m + 1) * perMerge);
  COMPACT.fanout = fanout;
  return { compacted, plain };
}

describe('postings compaction', () => {
  it("joins each run of merges' chunks into one row per term, tier by tier, and the postings read the same", async () => {
    COMPACT.fanout = 2;
    COMPACT.terms = 3;
    const { compacted, plain } = await twins(11);
    const a = await postingsOf(compacted);
    const b = await postingsOf(plain);
    // The same pairs for every term, void ids included.
    expect([...a.pairs]).toEqual([...b.pairs]);
    expect(b.pairs.get(VOID_TERM)?.length).toBeGreaterThan(0);
    // Merges 1–8 are one run of the third tier, 9–10 one of the first, 11 alone: a term has a row
    // in each it wrote to, under the run's first chunk.
    const runs = [mergedChunk(1), mergedChunk(9), mergedChunk(11)];
    for (const [term, chunks] of a.chunks) {
      const plainChunks = b.chunks.get(term)!;
      const inRuns = runs.map((start, r) => plainChunks.filter((c) => c >= start && c < (runs[r + 1] ?? Infinity)));
      expect(chunks, term).toEqual(inRuns.filter((run) => run.length > 0).map((run) => run[0]));
      expect(chunks.length, term).toBeLessThanOrEqual(3);
    }
    expect(b.chunks.get('segments')!.length).toBeGreaterThan(3);
    // Each run's terms, listed once under its first chunk.
    const lists = await compacted.getAllKeys('postings', IDBKeyRange.bound([SEGMENT_TERMS, 0], [SEGMENT_TERMS, Infinity]));
    expect(lists.map(([, c]) => c)).toEqual(runs);
    await expectSameAsScan(compacted, 'compacted');
    expect(await searchIdProblems(compacted)).toEqual([]);
  });

  it('joins a run cut short again with the next merge, losing nothing meanwhile', async () => {
    COMPACT.fanout = 4;
    COMPACT.terms = 2;
    const db = await freshDb();
    for (let m = 0; m < 3; m++) await writeAndMerge(db, m * 3, m * 3 + 3);
    // The fourth merge ends a run; its joining fails after a few batches (a full disk).
    const put = IDBObjectStore.prototype.put;
    const runs = compactStats.runs;
    let joins = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const term = Array.isArray(key) ? key[0] : undefined;
      if (this.name === 'postings' && compactStats.runs > runs && typeof term === 'string' && term !== SEGMENT_TERMS && ++joins > 3)
        throw new DOMException('full', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The merge itself is done.
    await writeAndMerge(db, 9, 12);
    expect(compactStats.runs).toBe(runs + 1);
    expect(warn).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    const { compacted: _, plain } = await twins(5);
    await expectSameAsScan(db, 'a run cut short');
    // Some terms joined, some not: the run's lists still apart, so the fifth merge joins it.
    expect((await db.getAllKeys('postings', IDBKeyRange.bound([SEGMENT_TERMS, 0], [SEGMENT_TERMS, mergedChunk(4)]))).length).toBe(4);
    await writeAndMerge(db, 12, 15);
    const a = await postingsOf(db);
    expect([...a.pairs]).toEqual([...(await postingsOf(plain)).pairs]);
    for (const [term, chunks] of a.chunks) expect(chunks.filter((c) => c <= mergedChunk(4)).length, term).toBeLessThanOrEqual(1);
    await expectSameAsScan(db, 'joined by the next merge');
  });

  it('joins the chunks of an index from before term lists were kept, a few terms per merge, once', async () => {
    COMPACT.fanout = 1e9;
    COMPACT.legacyTerms = 20;
    const { compacted: db, plain } = await twins(4);
    // As an index written before: no term lists.
    await db.delete('postings', IDBKeyRange.bound([SEGMENT_TERMS, 0], [SEGMENT_TERMS, Infinity]));
    await writeAndMerge(db, 12, 15);
    await writeAndMerge(plain, 12, 15);
    // The fifth merge is the first to list its terms, and leaves the four before it to be joined.
    expect((await db.getAllKeys('postings', IDBKeyRange.bound([SEGMENT_TERMS, 0], [SEGMENT_TERMS, Infinity]))).map(([, c]) => c)).toEqual([mergedChunk(5)]);
    expect(await db.get('postings', [LEGACY_NEXT, 0])).toBeDefined();
    let merges = 5;
    while (await db.get('postings', [LEGACY_NEXT, 0])) {
      await expectSameAsScan(db, `older chunks joined up to merge ${merges}`);
      await writeAndMerge(db, merges * 3, merges * 3 + 3);
      await writeAndMerge(plain, merges * 3, merges * 3 + 3);
      merges++;
      expect(merges).toBeLessThan(40);
    }
    // A few terms a merge: it took more than one.
    expect(merges).toBeGreaterThan(6);
    const a = await postingsOf(db);
    expect([...a.pairs]).toEqual([...(await postingsOf(plain)).pairs]);
    for (const [term, chunks] of a.chunks) expect(chunks.filter((c) => c < mergedChunk(5)).length, term).toBeLessThanOrEqual(1);
    expect(a.chunks.get('segments')!.filter((c) => c < mergedChunk(5))).toEqual([MERGED_CHUNKS + 1]);
    await expectSameAsScan(db, 'older chunks joined');
    // A new index (cleared, rebuilt) has no older chunks: nothing is left to join.
    const fresh = await freshDb();
    await writeAndMerge(fresh, 0, 3);
    expect(await fresh.get('postings', [LEGACY_NEXT, 0])).toBeUndefined();
  });
});
