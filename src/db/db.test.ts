import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digest } from '../../tests/support/make-digest.ts';
import { searchIdProblems } from '../../tests/support/search-ids.ts';
import { normalizeArxivId } from '../core/ids/arxiv-id.ts';
import { decodePaper, encodePaper, headersOf, isStoredPaper } from '../core/index/paper-codec.ts';
import { parseQuery } from '../core/search/query.ts';
import { buildStaticIndex } from '../core/static-index/build.ts';
import {
  acquireSyncLock,
  closeDb,
  dropDigestsBefore,
  getCounters,
  getPost,
  getSyncLock,
  listFailures,
  loadStarterIndex,
  lookup,
  openDb,
  releaseSyncLock,
  rememberArxivId,
  StorageFullError,
  savePostWithDigest,
  savePostWithoutDigest,
  stalePostKeys,
  writeDigest,
} from './index.ts';
import { paperIn, readAllPapers } from './paper-rows.ts';
import { compactPapersIn, lookupIn, writeDigestTo } from './records/index.ts';
import { type DB, DB_VERSION, openDigestDb, type PostRecord, type SearchStateRecord } from './schema.ts';
import { indexState, searchIn, searchIndexReady, withSearchId } from './search/index.ts';

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});
afterEach(closeDb);

const ALL_STORES = ['aliases', 'digests', 'docPages', 'failures', 'meta', 'papers', 'pending', 'postings', 'posts', 'recentPostings', 'termCounts', 'vocab'];
const PAPER_INDEXES = ['by-cited', 'by-dataset', 'by-org', 'by-repo', 'by-title'];
// An upgraded database keeps each one's values from before version 9 until its rows are packed.
const WITH_LEGACY_INDEXES = PAPER_INDEXES.flatMap((i) => [i, `${i}-key`]).sort();

/** A migrated database answers search from its records at once, then from the index it builds. */
async function expectSearchable(db: DB): Promise<void> {
  expect((await indexState(db)).fresh).toBe(false);
  expect((await searchIn(db, parseQuery('bee'))).map((h) => h.doc.key)).toEqual(['t:bee']);
  await searchIndexReady(db);
  expect((await indexState(db)).fresh).toBe(true);
  expect((await searchIn(db, parseQuery('bee'))).map((h) => h.doc.key)).toEqual(['t:bee']);
}

/** What a migration must keep: the records and the counters. */
const recordsOf = async (db: DB) => ({
  digests: await db.getAll('digests'),
  papers: await readAllPapers(db),
  counters: await db.get('meta', 'counters'),
});

/** The state of a search index that agreed with these records (today's write code keeps no index of an older version). */
async function markIndexAgreeing(db: DB): Promise<void> {
  await db.put('meta', { stamp: ((await db.get('meta', 'counters')) as { updated: string }).updated, nextId: 0 }, 'search');
}

const arxiv = (id: string) => ({ kind: 'arxiv' as const, id: normalizeArxivId(id)! });

async function realCounts() {
  const db = await openDb();
  const digests = await db.getAll('digests');
  return { digests: digests.length, papers: await db.count('papers'), mentions: digests.reduce((n, d) => n + d.paperKeys.length, 0) };
}

describe('schema', () => {
  it('creates every store and index from version 0', async () => {
    const db = await openDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(ALL_STORES);
    const tx = db.transaction('papers');
    expect([...tx.store.indexNames].sort()).toEqual(PAPER_INDEXES);
    expect(tx.store.index('by-repo').multiEntry).toBe(true);
  });
});

describe('migrations', () => {
  it('upgrades a version 1 database to the current version keeping every record', async () => {
    const v1 = await openDigestDb('migrate', 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['digests', 'meta', 'papers']);
    await writeDigestTo(
      v1,
      digest('a', '2026-05-23', [
        { name: 'A', arxiv: '2605.00001', code: ['https://github.com/o/a'] },
        { name: 'B', title: 'Bee' },
      ]),
    );
    await writeDigestTo(v1, digest('b', '2026-05-30', [{ name: 'A', arxiv: '2605.00001' }]));
    await v1.put('meta', { shards: ['abc'], loaded: '2026-05-01T00:00:00.000Z' }, 'starter');
    const before = {
      digests: await v1.getAll('digests'),
      papers: await readAllPapers(v1),
      counters: await v1.get('meta', 'counters'),
      starter: await v1.get('meta', 'starter'),
    };
    v1.close();

    const v2 = await openDigestDb('migrate');
    expect(v2.version).toBe(DB_VERSION);
    expect([...v2.objectStoreNames].sort()).toEqual(ALL_STORES);
    expect({
      digests: await v2.getAll('digests'),
      papers: await readAllPapers(v2),
      counters: await v2.get('meta', 'counters'),
      starter: await v2.get('meta', 'starter'),
    }).toEqual(before);
    // The title keys of rows from before version 9 stay in their old index until they are packed.
    expect([...v2.transaction('papers').store.indexNames].sort()).toEqual(WITH_LEGACY_INDEXES);
    expect((await lookupIn(v2, arxiv('2605.00001'))).digestCount).toBe(2);
    expect(await v2.count('posts')).toBe(0);
    await expectSearchable(v2);
    v2.close();
  });

  it('upgrades a version 2 database keeping posts, and builds the search index on first search', async () => {
    const v2 = await openDigestDb('migrate2', 2);
    expect([...v2.objectStoreNames].sort()).toEqual(['digests', 'failures', 'meta', 'papers', 'posts']);
    await writeDigestTo(
      v2,
      digest('a', '2026-05-23', [
        { name: 'A', arxiv: '2605.00001', code: ['https://github.com/o/a'] },
        { name: 'B', title: 'Bee' },
      ]),
    );
    await v2.put('posts', {
      key: 'a',
      sourceId: 's',
      url: 'u',
      title: 't',
      date: 'd',
      modified: 'm',
      format: 'wordpress',
      raw: '{}',
      status: 'indexed',
      parserVersion: 1,
      fetched: 'f',
    });
    const before = {
      digests: await v2.getAll('digests'),
      papers: await readAllPapers(v2),
      posts: await v2.getAll('posts'),
      counters: await v2.get('meta', 'counters'),
    };
    v2.close();

    const v3 = await openDigestDb('migrate2');
    expect(v3.version).toBe(DB_VERSION);
    expect({
      digests: await v3.getAll('digests'),
      papers: await readAllPapers(v3),
      posts: await v3.getAll('posts'),
      counters: await v3.get('meta', 'counters'),
    }).toEqual(before);
    await expectSearchable(v3);
    v3.close();
  });
});

describe('migration from version 3', () => {
  it('rebuilds a version 3 search index, which has no word counts, and keeps every record', async () => {
    const v3 = await openDigestDb('migrate3', 3);
    await writeDigestTo(
      v3,
      digest('a', '2026-05-23', [
        { name: 'A', arxiv: '2605.00001', code: ['https://github.com/o/a'] },
        { name: 'B', title: 'Bee' },
      ]),
    );
    // Today's write code keeps no version 3 index (it lacks a store): the state of one that agreed
    // with these records is written by hand. Had the upgrade trusted it, "bee" would find nothing.
    await markIndexAgreeing(v3);
    expect((await indexState(v3)).fresh).toBe(true);
    const before = await recordsOf(v3);
    v3.close();

    const v4 = await openDigestDb('migrate3');
    expect(v4.version).toBe(DB_VERSION);
    expect([...v4.objectStoreNames].sort()).toEqual(ALL_STORES);
    expect(await recordsOf(v4)).toEqual(before);
    await expectSearchable(v4);
    // The rebuilt index's merges counted its words.
    expect(await v4.get('termCounts', 'bee')).toBeUndefined();
    await writeDigestTo(v4, digest('b', '2026-05-30', [{ name: 'C', title: 'Honey bees' }]));
    const { mergePending } = await import('./search/index.ts');
    await mergePending(v4);
    expect(await v4.get('termCounts', 'honey')).toBe(1);
    v4.close();
  });
});

describe('migration from version 5', () => {
  it('rebuilds the search index into pages of documents, keeping every record; it has no alias filter yet', async () => {
    const v5 = await openDigestDb('migrate5', 5);
    await writeDigestTo(
      v5,
      digest('a', '2026-05-23', [
        { name: 'A', arxiv: '2605.00001', code: ['https://github.com/o/a'] },
        { name: 'B', title: 'Bee' },
      ]),
    );
    // Today's write code keeps no version 5 index (documents one row each): its agreeing state, by hand.
    await markIndexAgreeing(v5);
    expect((await indexState(v5)).fresh).toBe(true);
    const before = await recordsOf(v5);
    v5.close();

    const v6 = await openDigestDb('migrate5');
    expect(v6.version).toBe(DB_VERSION);
    expect([...v6.objectStoreNames].sort()).toEqual(ALL_STORES);
    expect(await recordsOf(v6)).toEqual(before);
    expect(await v6.get('meta', 'aliases')).toBeUndefined();
    await expectSearchable(v6);
    expect(await searchIdProblems(v6)).toEqual([]);
    expect((await v6.getAll('docPages')).flat().length).toBeGreaterThan(0);
    v6.close();
  });
});

describe('migration from version 6', () => {
  it('drops the unpacked postings and rebuilds the index packed, keeping every record', async () => {
    const v6 = await openDigestDb('migrate6', 6);
    await writeDigestTo(
      v6,
      digest('a', '2026-05-23', [
        { name: 'A', arxiv: '2605.00001', code: ['https://github.com/o/a'] },
        { name: 'B', title: 'Bee' },
      ]),
    );
    // Today's merges pack postings: a version 6 chunk (pairs as a Uint32Array), by hand, in an index that agreed.
    await v6.put('postings', new Uint32Array([0, 1, 1, 1]) as never, ['bee', 0]);
    await markIndexAgreeing(v6);
    expect((await indexState(v6)).fresh).toBe(true);
    const before = await recordsOf(v6);
    v6.close();

    const v7 = await openDigestDb('migrate6');
    expect(v7.version).toBe(DB_VERSION);
    expect(await recordsOf(v7)).toEqual(before);
    expect(await v7.count('postings')).toBe(0);
    await expectSearchable(v7);
    const chunks = await v7.getAll('postings');
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((c) => c instanceof Uint8Array)).toBe(true);
    expect(await searchIdProblems(v7)).toEqual([]);
    v7.close();
  });
});

describe('migration from version 9', () => {
  it('rebuilds the search index, which then keeps the newest merges apart, and keeps every record', async () => {
    const v9 = await openDigestDb('migrate9', 9);
    await writeDigestTo(
      v9,
      digest('a', '2026-05-23', [
        { name: 'B', title: 'Bee' },
        { name: 'C', title: 'Cicada songs' },
      ]),
    );
    const before = await recordsOf(v9);
    expect(((await v9.get('meta', 'search')) as SearchStateRecord).recent).toBeUndefined();
    v9.close();

    const db = await openDigestDb('migrate9');
    expect(await db.count('recentPostings')).toBe(0);
    expect(await recordsOf(db)).toEqual(before);
    await expectSearchable(db);
    // Rebuilt: nothing older than the index's first id.
    const state = (await db.get('meta', 'search')) as SearchStateRecord;
    expect(state.recent).toMatchObject({ firstId: state.firstId, olderDay: -1 });
    expect(await searchIdProblems(db)).toEqual([]);
    db.close();
  });
});

describe('migration from version 8', () => {
  it('finds papers stored whole by their title until it packs them, a batch at a time, keeping every record', async () => {
    const v8 = await openDigestDb('migrate8', 8);
    await writeDigestTo(
      v8,
      digest('a', '2026-05-23', [
        { name: 'A', arxiv: '2605.00001', code: ['https://github.com/o/a'] },
        { name: 'B', title: 'Bee' },
        { name: 'C', title: 'Cicada songs' },
      ]),
    );
    // Version 8 stored whole records: today's rows, unpacked by hand.
    const tx = v8.transaction(['papers', 'digests'], 'readwrite');
    const headers = headersOf(await tx.objectStore('digests').getAll());
    for (const row of await tx.objectStore('papers').getAll()) await tx.objectStore('papers').put(decodePaper(row, headers));
    await tx.done;
    const before = await recordsOf(v8);
    v8.close();

    const db = await openDigestDb('migrate8');
    expect([...db.transaction('papers').store.indexNames].sort()).toEqual(WITH_LEGACY_INDEXES);
    expect(await recordsOf(db)).toEqual(before);
    expect((await db.getAll('papers')).some(isStoredPaper)).toBe(false);
    expect(await db.get('meta', 'papersToPack')).toBe('');
    // Found by title, repository and organisation through the old indexes, and a later mention joins the stored record.
    const found = async () =>
      Promise.all(
        [
          { kind: 'title' as const, title: 'Bee', key: 'bee' },
          { kind: 'github-repo' as const, owner: 'o', repo: 'a', key: 'o/a' },
          { kind: 'github-org' as const, owner: 'o', key: 'o' },
        ].map(async (ref) => (await lookupIn(db, ref)).papers.map((v) => v.paper.key)),
      );
    expect(await found()).toEqual([['t:bee'], ['2605.00001'], ['2605.00001']]);
    await writeDigestTo(db, digest('b', '2026-05-30', [{ name: 'B', title: 'Bee' }]));
    expect((await paperIn(db, 't:bee'))!.mentions.map((m) => m.digestId)).toEqual(['b', 'a']);
    const written = await recordsOf(db);

    // A worker stopped after the first row resumes after it.
    const first = (await db.getAllKeys('papers'))[0]!;
    await db.put('meta', first, 'papersToPack');
    expect(await compactPapersIn(db, 1)).toBe(1);
    expect(isStoredPaper((await db.get('papers', first))!)).toBe(false);
    await db.put('meta', '', 'papersToPack');
    expect(await compactPapersIn(db, 1)).toBe(1);
    expect((await db.getAll('papers')).every(isStoredPaper)).toBe(true);
    expect(await db.get('meta', 'papersToPack')).toBeUndefined();
    for (const legacy of WITH_LEGACY_INDEXES.filter((i) => i.endsWith('-key'))) expect(await db.countFromIndex('papers', legacy as 'by-title-key')).toBe(0);
    expect(await recordsOf(db)).toEqual(written);
    expect(await found()).toEqual([['t:bee'], ['2605.00001'], ['2605.00001']]);
    expect((await lookupIn(db, { kind: 'title', title: 'Cicada songs', key: 'cicada songs' })).papers.map((v) => v.paper.key)).toEqual(['t:cicada songs']);
    // The index, outdated by version 10, is rebuilt once search asks.
    await searchIndexReady(db);
    expect((await searchIn(db, parseQuery('cicada'))).map((h) => h.doc.key)).toEqual(['t:cicada songs']);
    expect(await searchIdProblems(db)).toEqual([]);
    db.close();
  });

  it('opens a new database without the old title index, nothing to pack', async () => {
    const db = await openDb();
    expect([...db.transaction('papers').store.indexNames].sort()).toEqual(PAPER_INDEXES);
    expect(await db.get('meta', 'papersToPack')).toBeUndefined();
  });
});

describe('migration from version 4', () => {
  it("drops the documents' by-ref index and rebuilds the index, giving each record its search id", async () => {
    const v4 = await openDigestDb('migrate4', 4);
    await writeDigestTo(
      v4,
      digest('a', '2026-05-23', [
        { name: 'A', arxiv: '2605.00001', code: ['https://github.com/o/a'] },
        { name: 'B', title: 'Bee' },
      ]),
    );
    // A version 4 write gave records no search ids (its documents had a by-ref index instead).
    const tx = v4.transaction(['papers', 'digests'], 'readwrite');
    const headers = headersOf(await tx.objectStore('digests').getAll());
    for (const p of await tx.objectStore('papers').getAll())
      await tx.objectStore('papers').put(encodePaper(withSearchId(decodePaper(p, headers), undefined), headers));
    for (const d of await tx.objectStore('digests').getAll()) await tx.objectStore('digests').put(withSearchId(d, undefined));
    await tx.done;
    // Today's write code keeps no version 4 index (its documents go by pages, in a store version 4
    // lacks): the state of one that agreed with these records is written by hand.
    await markIndexAgreeing(v4);
    expect((await indexState(v4)).fresh).toBe(true);
    expect([...v4.transaction('searchDocs' as never).store.indexNames]).toEqual(['by-ref']);
    v4.close();

    const v5 = await openDigestDb('migrate4');
    expect(v5.version).toBe(DB_VERSION);
    // Documents by pages since version 6: the old store is gone.
    expect([...v5.objectStoreNames].sort()).toEqual(ALL_STORES);
    await expectSearchable(v5);
    expect(await searchIdProblems(v5)).toEqual([]);
    v5.close();
  });
});

describe('sync records', () => {
  const post = (key: string, extra: Partial<PostRecord> = {}): PostRecord => ({
    key,
    sourceId: 's',
    url: `https://example.org/${key}`,
    title: key,
    date: '2026-05-23T06:00:00.000Z',
    modified: '2026-05-23T06:00:00.000Z',
    format: 'wordpress',
    raw: '{}',
    status: 'indexed',
    parserVersion: 1,
    fetched: '2026-07-20T00:00:00.000Z',
    ...extra,
  });

  it('stores a post with its digest, and a failure in place of an earlier one', async () => {
    await savePostWithoutDigest(post('a', { status: 'failed' }), {
      key: 'a',
      sourceId: 's',
      url: 'u',
      title: 't',
      reason: 'no digest here',
      modified: 'm',
      parserVersion: 1,
      at: 'x',
    });
    expect(await listFailures()).toHaveLength(1);
    await savePostWithDigest(post('a', { digestId: 'a' }), digest('a', '2026-05-23', [{ name: 'A', arxiv: '2605.00001' }]));
    expect(await listFailures()).toEqual([]);
    expect((await getPost('a'))?.status).toBe('indexed');
    expect((await getCounters()).digests).toBe(1);
    await savePostWithoutDigest(post('b', { parserVersion: 2 }));
    expect(await stalePostKeys(2)).toEqual(['a']);
  });

  it('lets one owner hold the sync lock until it expires or is released', async () => {
    expect((await acquireSyncLock('w1', 1000, 0)).acquired).toBe(true);
    expect(await acquireSyncLock('w2', 1000, 500)).toMatchObject({ acquired: false, holder: { owner: 'w1' } });
    expect((await acquireSyncLock('w1', 1000, 900)).acquired).toBe(true);
    expect((await acquireSyncLock('w2', 1000, 1500)).acquired).toBe(false);
    expect((await acquireSyncLock('w2', 1000, 2000)).acquired).toBe(true);
    await releaseSyncLock('w1');
    expect((await getSyncLock())?.owner).toBe('w2');
    await releaseSyncLock('w2');
    expect(await getSyncLock()).toBeUndefined();
  });

  it('drops digests before a date with their posts, keeping counters true', async () => {
    await savePostWithDigest(
      post('a', { digestId: 'a' }),
      digest('a', '2026-05-23', [
        { name: 'A', arxiv: '2605.00001' },
        { name: 'B', title: 'Bee' },
      ]),
    );
    await writeDigest(digest('b', '2026-06-30', [{ name: 'A', arxiv: '2605.00001' }]));
    expect(await dropDigestsBefore('2026-06-01')).toBe(1);
    expect(await realCounts()).toEqual({ digests: 1, papers: 1, mentions: 1 });
    const c = await getCounters();
    expect({ digests: c.digests, papers: c.papers, mentions: c.mentions }).toEqual(await realCounts());
    expect(await getPost('a')).toBeUndefined();
  });
});

describe('writeDigest and lookup', () => {
  it('finds a paper by arXiv id, title, own repository, cited repository and organisation', async () => {
    await writeDigest(
      digest('a', '2026-02-28', [
        { name: 'RADE-Net', arxiv: '2602.10000', code: ['https://github.com/chr-is-tof/RADE-Net'], theme: 0 },
        { name: 'BigMaQ Dataset', title: 'BigMaQ: a macaque dataset', code: ['https://github.com/open-mmlab/mmpose'], theme: 0 },
        { name: 'Deep LoRA-Unfolding Networks', code: ['https://github.com/DeepLoRA-Unfolding'], theme: 1 },
      ]),
    );
    const byId = await lookup(arxiv('2602.10000v3'));
    expect(byId.status).toBe('found');
    expect(byId.papers[0]!.paper.names).toEqual(['RADE-Net']);
    expect(byId.digestCount).toBe(1);
    expect(byId.digests.a!.themes[0]!.title).toBe('Theme 0');
    expect(byId.papers[0]!.related.map((r) => r.name)).toEqual(['BigMaQ Dataset']);
    expect(byId.papers[0]!.related[0]).toMatchObject({ via: 'theme', sameTheme: true, reason: 'In the same theme' });

    const byTitle = await lookup({ kind: 'title', title: 'BigMaQ: A Macaque Dataset', key: 'bigmaq a macaque dataset' });
    expect(byTitle.papers.map((p) => p.paper.key)).toEqual(['t:bigmaq a macaque dataset']);

    const repo = await lookup({ kind: 'github-repo', key: 'chr-is-tof/rade-net', owner: 'chr-is-tof', repo: 'RADE-Net' });
    expect(repo.papers.map((p) => p.paper.key)).toEqual(['2602.10000']);
    const upstream = await lookup({ kind: 'github-repo', key: 'open-mmlab/mmpose', owner: 'open-mmlab', repo: 'mmpose' });
    expect(upstream.papers).toEqual([]);
    expect(upstream.cited.map((p) => p.paper.names[0])).toEqual(['BigMaQ Dataset']);
    expect(upstream.digestCount).toBe(0);
    const org = await lookup({ kind: 'github-org', key: 'deeplora-unfolding', owner: 'DeepLoRA-Unfolding' });
    expect(org.papers.map((p) => p.paper.names[0])).toEqual(['Deep LoRA-Unfolding Networks']);

    expect((await lookup(arxiv('2602.99999'))).status).toBe('not-indexed');
  });

  it('keeps counters equal to the real counts through new, replaced and merging digests', async () => {
    await writeDigest(
      digest('a', '2026-05-23', [
        { name: 'P', title: 'Plug-in Losses' },
        { name: 'Q', arxiv: '2605.00002' },
      ]),
    );
    await writeDigest(digest('b', '2026-05-30', [{ name: 'P', title: 'Plug-in losses', arxiv: '2605.00001' }, { name: 'R' }]));
    await writeDigest(digest('a', '2026-05-23', [{ name: 'Q', arxiv: '2605.00002' }]));
    await writeDigest(digest('c', '2026-06-06', [{ name: 'S', title: 'Something' }]));
    await rememberArxivId('t:something', normalizeArxivId('2606.00009')!);
    const c = await getCounters();
    expect({ digests: c.digests, papers: c.papers, mentions: c.mentions }).toEqual(await realCounts());
    expect(c.digests).toBe(3);
    expect((await lookup(arxiv('2606.00009'))).status).toBe('found');
  });

  it("moves a paper's search document with it when an arXiv id joins two records into one", async () => {
    await writeDigest(digest('a', '2026-05-23', [{ name: 'S', title: 'Something' }]));
    await writeDigest(digest('b', '2026-05-30', [{ name: 'S2', title: 'Something else entirely', arxiv: '2606.00009' }]));
    await rememberArxivId('t:something', normalizeArxivId('2606.00009')!);
    const db = await openDb();
    expect(await searchIdProblems(db)).toEqual([]);
    expect((await searchIn(db, parseQuery('something'))).map((h) => h.doc.key)).toEqual(['2606.00009']);
    expect((await getCounters()).papers).toBe(1);
  });

  it('lists a paper in two digests newest first', async () => {
    await writeDigest(digest('old', '2026-02-28', [{ name: 'HARU-Net', arxiv: '2602.22544' }]));
    await writeDigest(digest('new', '2026-07-11', [{ name: 'HARU-Net', arxiv: '2602.22544' }]));
    const r = await lookup(arxiv('2602.22544'));
    expect(r.digestCount).toBe(2);
    expect(r.papers[0]!.paper.mentions.map((m) => m.digestId)).toEqual(['new', 'old']);
  });

  it('turns a quota error into StorageFullError and leaves nothing half-written', async () => {
    await writeDigest(digest('a', '2026-05-23', [{ name: 'A', arxiv: '2605.00001' }]));
    const before = await realCounts();
    const db = await openDb();
    const proto = Object.getPrototypeOf(db.transaction('papers', 'readwrite').store) as { put: (...a: unknown[]) => unknown };
    const realPut = proto.put;
    let calls = 0;
    proto.put = function (this: unknown, ...args: unknown[]) {
      // Let the first write through, then refuse, as a full disk does part-way through a digest.
      if (++calls > 1) throw new DOMException('quota', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    try {
      await expect(
        writeDigest(
          digest('b', '2026-05-30', [
            { name: 'B', arxiv: '2605.00002' },
            { name: 'C', arxiv: '2605.00003' },
          ]),
        ),
      ).rejects.toBeInstanceOf(StorageFullError);
    } finally {
      proto.put = realPut;
    }
    expect(await realCounts()).toEqual(before);
    expect((await getCounters()).digests).toBe(1);
    expect((await lookup(arxiv('2605.00002'))).status).toBe('not-indexed');
  });
});

describe('starter index', () => {
  it('loads once, and again only when forced, without duplicates', async () => {
    const index = await buildStaticIndex(
      [digest('s:1', '2026-05-23', [{ name: 'A', arxiv: '2605.00001' }]), digest('s:2', '2026-05-30', [{ name: 'A', arxiv: '2605.00001' }])],
      { source: 'starter' },
    );
    const files = new Map([['index.json', JSON.stringify(index.manifest)], ...index.shards]);
    const fetchText = async (p: string) => files.get(p) ?? Promise.reject(new Error(`404 ${p}`));
    expect(await loadStarterIndex(fetchText)).toEqual({ loaded: true, digests: 2 });
    expect(await loadStarterIndex(fetchText)).toEqual({ loaded: false, digests: 0 });
    expect(await loadStarterIndex(fetchText, { force: true })).toEqual({ loaded: true, digests: 2 });
    expect(await realCounts()).toEqual({ digests: 2, papers: 1, mentions: 2 });
    expect((await lookup(arxiv('2605.00001'))).papers[0]!.paper.mentions).toHaveLength(2);
  });

  it('writes nothing from a shard that fails its hash', async () => {
    const index = await buildStaticIndex([digest('s:1', '2026-05-23', [{ name: 'A', arxiv: '2605.00001' }])], { source: 'starter' });
    const [file, text] = [...index.shards][0]!;
    const files = new Map([
      ['index.json', JSON.stringify(index.manifest)],
      [file, text.replace('"A"', '"Z"')],
    ]);
    await expect(loadStarterIndex(async (p) => files.get(p)!)).rejects.toThrow(/sha256/);
    expect(await realCounts()).toEqual({ digests: 0, papers: 0, mentions: 0 });
  });
});

describe('latest batches', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('gives the newest publication dates, each with its digests by topic, and keeps the newest when bounded', async () => {
    const { latestBatchesFrom } = await import('./records/index.ts');
    const db = await openDigestDb('latest');
    expect(await latestBatchesFrom(db)).toEqual([]);
    const days = ['2026-05-02', '2026-05-09', '2026-05-16', '2026-05-23'];
    for (const [i, day] of days.entries()) {
      for (const t of ['zeta', 'alpha'])
        await writeDigestTo(db, { ...digest(`${t}-${day}`, day, [{ name: `P${i}${t}`, arxiv: `2605.0${i}${t === 'zeta' ? 1 : 2}00` }]), topic: t });
    }
    const batches = await latestBatchesFrom(db, 3);
    expect(batches.map((b) => b.date)).toEqual(['2026-05-23', '2026-05-16', '2026-05-09']);
    expect(batches[0]!.digests.map((d) => d.topic)).toEqual(['alpha', 'zeta']);
    const bounded = await latestBatchesFrom(db, 3, 3);
    expect(bounded.map((b) => [b.date, b.digests.length])).toEqual([
      ['2026-05-23', 2],
      ['2026-05-16', 1],
    ]);
    db.close();
  });
});
