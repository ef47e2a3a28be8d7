// Search through the real write path (fake-indexeddb): the index answers exactly as the linear
// scan over the same records, on the seeds; and it agrees with the records after any failure.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rng } from '../../../tests/server/generate-posts.ts';
import { digest } from '../../../tests/support/make-digest.ts';
import { searchIdProblems } from '../../../tests/support/search-ids.ts';
import { type Digest, parseDigestDocument } from '../../core/digest/index.ts';
import { type StoredDoc, unpackDoc } from '../../core/search/document.ts';
import type { SearchHit, SearchPage } from '../../core/search/match.ts';
import { packPairs, unpackIds, unpackPairs, unpackPostings } from '../../core/search/postings-codec.ts';
import { parseQuery } from '../../core/search/query.ts';
import { termStarts, termsOf } from '../../core/search/sorted-terms.ts';
import { paperIn, readAllPapers } from '../paper-rows.ts';
import { clearAllIn, dropDigestsBeforeIn, importRecordsTo, RECORD_STORES, writeDigestsTo, writeDigestTo, writeInOneTx } from '../records/index.ts';
import { type DB, openDigestDb, type PackedVocabulary, type RecentRow, type RecentWindow, type SearchStateRecord, type VocabularyKeys } from '../schema.ts';
import { DOC_PAGE, MERGING, mergedChunk, RECENT, RECENT_TERMS, VOCAB_KEYS, VOCAB_PACKED, VOID_TERM, vocabPart, vocabRowKeys } from './layout.ts';
import { MERGE_ROWS, mergePending, mergeWaiting, movedOn, STRIP } from './merge.ts';
import { docOf, docPagesOf, readDocs, rowDoc } from './pages.ts';
import { IndexMoved, openIndexReader } from './reader.ts';
import { rebuildSearchIndex } from './rebuild.ts';
import { forgetSearchCache, indexState, linearSearchIn, searchIn, searchIndexReady, searchPageIn } from './search.ts';

const SEEDS = join(import.meta.dirname, '../../../tests/fixtures/seeds');
const seedIndex = JSON.parse(readFileSync(join(SEEDS, 'index.json'), 'utf8')) as { file: string; url: string }[];
const seeds: Digest[] = seedIndex.map((e) => parseDigestDocument(readFileSync(join(SEEDS, e.file), 'utf8'), { url: e.url, fileName: e.file }).digests[0]!);

// Titles made of these words, and queries of every kind over them.
const WORDS = ['segments', 'livers', 'kidneys', 'graphs', 'diffusion', 'denoising', 'ultrasound', 'federated', 'privacy', 'tumours', 'retrieval', 'agents'];
const QUERIES = [
  'segments',
  'seg',
  'segmnets',
  'livers kid',
  'diffusion',
  'ultra',
  'privacy fed',
  'net',
  'c:',
  't:bench',
  'y:2026 agents',
  '"denoising diffusion"',
  'zzz',
];

let n = 0;
/** An empty database in an IndexedDB of its own. */
async function freshDb(): Promise<DB> {
  globalThis.indexedDB = new IDBFactory();
  forgetSearchCache();
  return openDigestDb(`search-${n++}`);
}

const titles = async (db: DB, q: string) => (await searchIn(db, parseQuery(q), 10)).map((h) => h.doc.title);

/** The merged void ids as the vocabulary's copies hold them: every id of VOID_TERM's chunks once, ascending. */
async function voidCopy(db: DB): Promise<Uint32Array> {
  const ids = unpackIds(await db.getAll('postings', IDBKeyRange.bound([VOID_TERM, 0], [VOID_TERM, Infinity])));
  return Uint32Array.from(new Set(ids)).sort();
}

describe('search documents by pages', () => {
  it("cuts a write's documents at every multiple of the page size and reads any id back with one request per page", async () => {
    const doc = (id: number) => ({ id, ref: `p ${id}`, doc: {} as never });
    const made = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map(doc);
    const pages = docPagesOf(made);
    expect(pages.map((p) => p.map((d) => d.id))).toEqual([
      [6, 7],
      [8, 9, 10, 11, 12, 13, 14, 15],
      [16, 17],
    ]);
    // A gap (another write's ids) starts a page too.
    expect(docPagesOf([doc(1), doc(2), doc(5)]).map((p) => p.length)).toEqual([2, 1]);
    // Stored as a later write's pages beside an earlier one's (ids 0–5 in one page).
    const stored = [[0, docPagesOf([0, 1, 2, 3, 4, 5].map(doc))[0]!], ...pages.map((p) => [p[0]!.id, p] as const)] as const;
    const requests: [number, number][] = [];
    const store = {
      getAll: async (range: IDBKeyRange) => {
        requests.push([range.lower as number, range.upper as number]);
        return stored.filter(([k]) => range.includes(k)).map(([, p]) => p);
      },
    };
    const ids = [3, 7, 6, 9, 15, 17, 30];
    expect((await readDocs(store, ids)).map((r) => r?.id)).toEqual([3, 7, 6, 9, 15, 17, undefined]);
    expect(requests).toEqual([
      [0, 7],
      [8, 15],
      [16, 17],
      [24, 30],
    ]);
    expect(DOC_PAGE).toBe(8);
  });
});

describe('search quality on the seeds', () => {
  let db: DB;
  beforeAll(async () => {
    db = await freshDb();
    for (const d of seeds) await writeDigestTo(db, d);
    expect((await indexState(db)).fresh).toBe(true);
  });

  it('finds a paper by a word of its title, its short name, an author, an institution and a dataset', async () => {
    expect((await searchIn(db, parseQuery('axiomatizing'), 5))[0]!.doc.title).toMatch(/Axiomatizing Neural Networks/);
    expect((await titles(db, 'HADS-Net'))[0]).toBe('HADS-Net');
    expect(await titles(db, 'BUSI')).toContain('HADS-Net');
    expect(await titles(db, 'Nazarbayev')).toContain('HADS-Net');
    const pauwels = await searchIn(db, parseQuery('Pauwels'), 5);
    expect(pauwels.map((h) => h.doc.name ?? h.doc.title)).toContain('HARU-Net');
  });

  it('forgives a misspelling and completes a prefix while typing', async () => {
    const seg = await searchIn(db, parseQuery('segmantation'), 20);
    expect(seg.length).toBeGreaterThan(3);
    expect(seg[0]!.doc.fields.title).toContain('segmentation');
    expect(await titles(db, 'hads-ne')).toEqual([]);
    expect((await titles(db, 'hads-net'))[0]).toBe('HADS-Net');
    expect(await titles(db, 'breast ultras')).toContain('HADS-Net');
  });

  it('ranks a phrase in a title above the same phrase in digest prose', async () => {
    const hits = await searchIn(db, parseQuery('"medical imaging"'), 10);
    expect(
      hits.map((h) => h.doc.title),
      JSON.stringify(hits.map((h) => [h.score, h.doc.title])),
    ).toContain('Quantized Machine Learning Models for Medical Imaging in Low-Resource Healthcare Settings');
    // The paper with the phrase in its title comes first (before the digest with it in its title:
    // papers before digests among equals); the rest have it in their prose alone.
    expect(hits[0]!.doc.title).toBe('Quantized Machine Learning Models for Medical Imaging in Low-Resource Healthcare Settings');
    expect(hits.slice(2).every((h) => h.score < hits[0]!.score)).toBe(true);
  });

  it('counts every match beyond the page, exactly without phrases and as a bound with them', async () => {
    for (const q of ['t:deep', 'y:2026', 'c:', 'deep']) {
      const page = await searchPageIn(db, parseQuery(q), 30);
      const all = await linearSearchIn(db, parseQuery(q), 10_000);
      expect(page.hits).toHaveLength(Math.min(30, all.length));
      expect([page.total, page.exact], q).toEqual([all.length, true]);
    }
    expect((await searchPageIn(db, parseQuery('t:deep'), 30)).total).toBeGreaterThan(30);
    const phrase = await searchPageIn(db, parseQuery('"deep learning"'), 5);
    const phraseAll = await linearSearchIn(db, parseQuery('"deep learning"'), 10_000);
    expect(phrase.total).toBeGreaterThanOrEqual(phraseAll.length);
    const read = await searchPageIn(db, parseQuery('"deep learning"'), 10_000);
    expect([read.total, read.exact]).toEqual([phraseAll.length, true]);
  });

  it('answers exactly as the linear scan, for words, prefixes, typos, filters and phrases', async () => {
    const queries = [
      '"medical imaging"',
      '"graph neural" networks',
      'segmentation',
      'segmantation',
      'seg',
      'breast ultra',
      'medical image segm',
      'deep learning',
      'uncertianty',
      'BUSI',
      'HADS-Net',
      'graph neural',
      'c:',
      't:deep',
      't:neural c:',
      'y:2026 diffusion',
      'y:<2026',
      '"breast ultrasound"',
      '"deep ensembles" uncertainty',
      'transformer c: y:2026',
      'zzzz',
      'a',
      'lea',
      'netw',
      'knowledge graph c:',
    ];
    for (const q of queries) {
      const a = await searchIn(db, parseQuery(q), 30);
      const b = await linearSearchIn(db, parseQuery(q), 30);
      expect(
        a.map((h) => [h.doc.key, h.score, h.matched]),
        q,
      ).toEqual(b.map((h) => [h.doc.key, h.score, h.matched]));
    }
  });
});

/**
 * What a run reads of the vocabulary: its rows, by key (a row's key is its first term's first two
 * characters), and how many times the packed copy of every row.
 */
async function vocabularyReads<T>(run: () => Promise<T>): Promise<{ result: T; rows: string[]; packed: number }> {
  const { getAll, get } = IDBObjectStore.prototype;
  const rows: string[] = [];
  let packed = 0;
  IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
    const req = getAll.apply(this, args);
    if (this.name === 'vocab') req.addEventListener('success', () => rows.push(...(req.result as string[]).map((r) => r.split('\u0000')[0]!.slice(0, 2))));
    return req;
  };
  IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<typeof get>) {
    if (this.name === 'vocab' && args[0] === VOCAB_PACKED) packed++;
    return get.apply(this, args);
  };
  try {
    const result = await run();
    return { result, rows: rows.sort(), packed };
  } finally {
    Object.assign(IDBObjectStore.prototype, { getAll, get });
  }
}

describe('vocabulary rows read per query', () => {
  const rowsRead = async (run: () => Promise<unknown>): Promise<string[]> => (await vocabularyReads(run)).rows;

  it("answers a context's first query as the scan when a typo changes the first two letters", async () => {
    const db = await freshDb();
    for (const d of seeds) await writeDigestTo(db, d);
    await mergePending(db);
    // First letters swapped, dropped, replaced or doubled; a prefix within a typo; budgets 1 and 2.
    const queries = [
      'rbeast',
      'reast',
      'xreast',
      'bbreast',
      'emdical imaging',
      'edical',
      'enural networks',
      'rgaph',
      'emdic',
      'medical rgaph',
      'eural',
      'lutrasound',
      'ltrasound',
      'esgmentation',
    ];
    for (const q of queries) {
      // Nothing read yet: a popup just opened, a worker just started.
      forgetSearchCache();
      const a = await searchIn(db, parseQuery(q), 30);
      const b = await linearSearchIn(db, parseQuery(q), 30);
      expect(b.length, q).toBeGreaterThan(0);
      expect(
        a.map((h) => [h.doc.key, h.score, h.matched]),
        q,
      ).toEqual(b.map((h) => [h.doc.key, h.score, h.matched]));
    }
  });

  it('reads only the rows a query can need, each once per main', async () => {
    const db = await freshDb();
    const titles = [
      'Kidney stones',
      'Idle inference',
      'Zika virus',
      'Ski tracking',
      'Ankle pose',
      'Bike routing',
      'Liver cysts',
      'Medical imaging',
      'Okapi herds',
    ];
    await writeDigestTo(
      db,
      digest(
        'a',
        '2026-05-23',
        titles.map((title, i) => ({ name: `N${i}`, title })),
      ),
    );
    await mergePending(db);
    const keys = (await db.getAllKeys('vocab')).filter((k) => k.length === 2 && k.charCodeAt(0) > 1);
    // "kidny": a typo in five letters, so the row of "ki" and those one edit of the first letters
    // leads to: "k…" (second letter replaced or inserted), "…i" (first replaced), "…k" (a letter
    // inserted before it, or the first two swapped), "id" (the first dropped).
    const oneTypo = keys.filter((k) => k[0] === 'k' || k[1] === 'i' || k[1] === 'k' || k === 'id');
    expect(oneTypo).toEqual(expect.arrayContaining(['bi', 'id', 'ki', 'li', 'sk', 'zi']));
    expect(oneTypo).not.toContain('me');
    const twoLetters = (rows: string[]) => rows.filter((k) => k.length === 2);
    forgetSearchCache();
    expect(await rowsRead(() => searchIn(db, parseQuery('kid'), 5))).toEqual(['ki']);
    const typo = await rowsRead(() => searchIn(db, parseQuery('kidny'), 5));
    expect(twoLetters(typo)).toEqual(oneTypo.filter((k) => k !== 'ki'));
    // Read once: the same words again read nothing, another word only its own row.
    expect(await rowsRead(() => searchIn(db, parseQuery('kidny'), 5))).toEqual([]);
    expect(await rowsRead(() => searchIn(db, parseQuery('ankl'), 5))).toEqual(['an']);
    // A budget of two reaches every row: most are still unread, so the packed copy instead, as the scan.
    const all = await vocabularyReads(() => searchIn(db, parseQuery('kidneyses'), 5));
    expect(all).toMatchObject({ rows: [], packed: 1 });
    expect(all.result.map((h) => h.doc.key)).toEqual((await linearSearchIn(db, parseQuery('kidneyses'), 5)).map((h) => h.doc.key));
    // A merge moves `main`: rows are read again.
    await writeDigestTo(db, digest('b', '2026-05-30', [{ name: 'K', title: 'Kidney cysts' }]));
    await mergePending(db);
    expect(await rowsRead(() => searchIn(db, parseQuery('kid'), 5))).toEqual(['ki']);
  });

  /** The packed copy of every row, and the rows themselves (merge.ts). */
  const packedAndRows = async (db: DB) => {
    const packed = (await db.get('vocab', VOCAB_PACKED)) as PackedVocabulary | undefined;
    const range = vocabRowKeys();
    return { packed, keys: await db.getAllKeys('vocab', range), rows: await db.getAll('vocab', range) };
  };

  it('reads every row as one packed value when a fresh context needs them all, and only while it is current', async () => {
    const db = await freshDb();
    for (const d of seeds.slice(0, 3)) await writeDigestTo(db, d);
    await mergePending(db);
    // Each merge writes the copy, stamped with the `main` it leaves.
    let { packed, keys, rows } = await packedAndRows(db);
    expect(packed?.main).toBe((await indexState(db)).record?.main);
    expect([packed?.keys, packed?.rows]).toEqual([keys, rows]);
    // With where each term starts in the rows joined, so a reader need not look for them.
    expect(packed?.starts).toEqual(termStarts(rows as string[], '\u0000'));
    await writeDigestTo(db, seeds[3]!);
    await mergePending(db);
    ({ packed, keys, rows } = await packedAndRows(db));
    expect(packed?.main).toBe((await indexState(db)).record?.main);
    expect([packed?.keys, packed?.rows]).toEqual([keys, rows]);

    // A misspelt word with two typos in a fresh context: the row of its own first letters (nothing
    // there without typos), then the packed value instead of the other rows.
    const q = 'segmentatoin';
    const expected = (await linearSearchIn(db, parseQuery(q), 10)).map((h) => h.doc.key);
    expect(expected.length).toBeGreaterThan(0);
    forgetSearchCache();
    let hits: string[] = [];
    const read = await vocabularyReads(async () => (hits = (await searchIn(db, parseQuery(q), 10)).map((h) => h.doc.key)));
    expect(read).toMatchObject({ rows: ['se'], packed: 1 });
    expect(hits).toEqual(expected);

    // A copy of another `main` (a merge stopped between moving `main` and writing it) is passed
    // over: the rows are read, and the query answers the same.
    await db.put('vocab', { main: packed!.main - 1, keys: [], rows: [] }, VOCAB_PACKED);
    forgetSearchCache();
    // (each once: every two-letter head, which two typos may reach; no filter's).
    const read2 = await rowsRead(async () => (hits = (await searchIn(db, parseQuery(q), 10)).map((h) => h.doc.key)));
    expect(new Set(read2).size).toBe(read2.length);
    expect(read2).toEqual(expect.arrayContaining(keys.filter((k) => k.length === 2 && k.charCodeAt(0) > 1)));
    expect(read2.filter((k) => k.charCodeAt(0) <= 1)).toEqual([]);
    expect(hits).toEqual(expected);
    // And none at all (a database from before it), likewise.
    await db.delete('vocab', VOCAB_PACKED);
    forgetSearchCache();
    expect((await searchIn(db, parseQuery(q), 10)).map((h) => h.doc.key)).toEqual(expected);
    // The next merge writes it again; a rebuild's merges too.
    await writeDigestTo(db, seeds[4]!);
    await mergePending(db);
    expect((await packedAndRows(db)).packed?.main).toBe((await indexState(db)).record?.main);
    await rebuildSearchIndex(db);
    ({ packed, keys, rows } = await packedAndRows(db));
    expect(packed?.main).toBe((await indexState(db)).record?.main);
    expect([packed?.keys, packed?.rows]).toEqual([keys, rows]);
  });

  it("takes a fresh context's row keys from their copy while it is this index's, else from the store", async () => {
    const db = await freshDb();
    for (const d of seeds) await writeDigestTo(db, d);
    await mergePending(db);
    const copy = (await db.get('vocab', VOCAB_KEYS)) as VocabularyKeys | undefined;
    expect(copy).toEqual({ main: (await indexState(db)).record?.main, keys: await db.getAllKeys('vocab', vocabRowKeys()), voids: await voidCopy(db) });
    // A word of one typo reads some rows, chosen by their keys: how many times were keys read?
    const q = 'medcal';
    const expected = (await linearSearchIn(db, parseQuery(q), 10)).map((h) => h.doc.key);
    expect(expected.length).toBeGreaterThan(0);
    const keyReads = async (): Promise<[number, string[]]> => {
      const spy = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
      try {
        forgetSearchCache();
        const hits = (await searchIn(db, parseQuery(q), 10)).map((h) => h.doc.key);
        return [spy.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'vocab').length, hits];
      } finally {
        spy.mockRestore();
      }
    };
    expect(await keyReads()).toEqual([0, expected]);
    // Another `main`'s copy (a merge stopped before writing it) or none (an older database): the keys are read.
    await db.put('vocab', { main: copy!.main - 1, keys: [] }, VOCAB_KEYS);
    expect(await keyReads()).toEqual([1, expected]);
    await db.delete('vocab', VOCAB_KEYS);
    expect(await keyReads()).toEqual([1, expected]);
  });
});

/** Document pages read, and paper records read whole, while `run` runs. */
async function docReads<T>(run: () => Promise<T>): Promise<[T, number, number]> {
  const { getAll, get } = IDBObjectStore.prototype;
  let reads = 0;
  let records = 0;
  IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
    if (this.name === 'docPages') reads++;
    return getAll.apply(this, args);
  };
  IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<typeof get>) {
    if (this.name === 'papers') records++;
    return get.apply(this, args);
  };
  try {
    return [await run(), reads, records];
  } finally {
    Object.assign(IDBObjectStore.prototype, { getAll, get });
  }
}

/** Digest records read while `run` runs. */
async function digestReads<T>(run: () => Promise<T>): Promise<[T, number]> {
  const { get } = IDBObjectStore.prototype;
  let reads = 0;
  IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<typeof get>) {
    if (this.name === 'digests') reads++;
    return get.apply(this, args);
  };
  try {
    return [await run(), reads];
  } finally {
    IDBObjectStore.prototype.get = get;
  }
}

/** A search in a fresh context, and the terms whose whole postings (key ranges of `postings`) it read, a term once per read. */
async function wholeReads(db: DB, q: string, limit = 10): Promise<{ page: SearchPage; terms: string[] }> {
  const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
  try {
    forgetSearchCache();
    const page = await searchPageIn(db, parseQuery(q), limit);
    const terms = getAll.mock.calls.flatMap((args, i) => {
      const range = args[0];
      return (getAll.mock.contexts[i] as IDBObjectStore).name === 'postings' && range instanceof IDBKeyRange ? [(range.lower as [string, number])[0]] : [];
    });
    return { page, terms };
  } finally {
    getAll.mockRestore();
  }
}

/** Every document page as older ones are kept, refs alone (the newest keep their documents). */
async function asOlderPages(db: DB): Promise<void> {
  const tx = db.transaction('docPages', 'readwrite');
  for (const page of await tx.store.getAll())
    await tx.store.put(
      page.map(({ id, ref }) => ({ id, ref })),
      page[0]!.id,
    );
  await tx.done;
  forgetSearchCache();
}

describe('documents read per query', () => {
  it("keeps the headers of older documents' digests until a write, which may change them", async () => {
    const db = await freshDb();
    const papers = Array.from({ length: 6 }, (_, i) => ({ name: `K${i}`, title: `Kidney stones ${i}`, arxiv: `2605.${String(100 + i).padStart(5, '0')}` }));
    await writeDigestTo(db, { ...digest('a', '2026-05-23', papers), topic: 'Urology' });
    await mergePending(db);
    await asOlderPages(db);
    const topics = (hits: readonly SearchHit[]) => [...new Set(hits.flatMap((h) => h.doc.topics))];
    const [first, read] = await digestReads(() => searchIn(db, parseQuery('kidney'), 3));
    expect(topics(first)).toEqual(['urology']);
    expect(read).toBe(1);
    // Other papers of the same digest: their records are read, its header is not.
    const [other, again] = await digestReads(() => searchIn(db, parseQuery('stones 4'), 3));
    expect(other.map((h) => h.doc.key)).toContain('2605.00104');
    expect(again).toBe(0);
    // The digest written again under another topic: its papers' documents change, and the
    // header is read again.
    await writeDigestTo(db, { ...digest('a', '2026-05-23', papers), topic: 'Nephrology' });
    await mergePending(db);
    await asOlderPages(db);
    expect(topics(await searchIn(db, parseQuery('kidney'), 3))).toEqual(['nephrology']);
  });

  it('orders the candidates tied at the cut by their keys, and reads only those shown whole', async () => {
    const db = await freshDb();
    // Twelve papers alike but for their ids, listed in reverse key order: ids ascend as keys descend.
    const alike = Array.from({ length: 12 }, (_, i) => ({ name: `K${i}`, title: 'Kidney stones', arxiv: `2605.${String(100 - i).padStart(5, '0')}` }));
    await writeDigestTo(db, digest('a', '2026-05-23', alike));
    // Twelve others on twelve days, nothing tied, each among seven fillers: in a page of its own.
    for (let i = 0; i < 12; i++) {
      const fillers = Array.from({ length: 7 }, (_, j) => ({ name: `F${i}-${j}`, title: `Filler ${i} ${j}` }));
      await writeDigestTo(
        db,
        digest(`d${i}`, `2026-04-${String(10 + i).padStart(2, '0')}`, [
          { name: `L${i}`, title: 'Liver cysts', arxiv: `2604.${String(200 + i).padStart(5, '0')}` },
          ...fillers,
        ]),
      );
    }
    await mergePending(db);
    // Pages of older ids: their documents are made from the records.
    await asOlderPages(db);
    for (const q of ['kidney', 'liver']) {
      const [hits, reads, records] = await docReads(() => searchIn(db, parseQuery(q), 3));
      expect(
        hits.map((h) => h.doc.key),
        q,
      ).toEqual((await linearSearchIn(db, parseQuery(q), 3)).map((h) => h.doc.key));
      // Twelve tied papers of one write sit in two or three pages, read once for their keys and
      // kept for the three chosen; three untied ones in three pages.
      expect(reads, q).toBeLessThanOrEqual(3);
      // Only the three shown are read whole: the tied ones' keys are in their pages.
      expect(records, q).toBe(3);
      forgetSearchCache();
    }
    // The same query again (a popup opened again): the tied candidates' keys and the documents
    // shown were kept, and nothing is read.
    const first = await searchIn(db, parseQuery('kidney'), 3);
    const [again, reads, records] = await docReads(() => searchIn(db, parseQuery('kidney'), 3));
    expect(again.map((h) => h.doc.key)).toEqual(first.map((h) => h.doc.key));
    expect([reads, records]).toEqual([0, 0]);
  });
});

describe('documents as stored', () => {
  it('keep the newest documents, older ones as refs (records make them), and pages of earlier versions still read', async () => {
    const db = await freshDb();
    await writeDigestTo(
      db,
      digest('s1', '2026-05-23', [
        { name: 'KidneyNet', title: 'Kidney stone segmentation with "quoted" phrases', arxiv: '2605.00400' },
        { name: 'LiverNet', title: 'Liver cyst detection' },
      ]),
    );
    await mergePending(db);
    const queries = ['kidney', 'segmentaton', '"stone segmentation"', 'livernet'];
    const answers = async (on: DB) => Promise.all(queries.map(async (q) => (await searchIn(on, parseQuery(q), 5)).map((h) => `${h.doc.key} ${h.score}`)));
    const expected = await Promise.all(queries.map(async (q) => (await linearSearchIn(db, parseQuery(q), 5)).map((h) => `${h.doc.key} ${h.score}`)));
    expect(await answers(db)).toEqual(expected);
    const pages = await db.getAll('docPages');
    // Among the newest: each page holds its documents, exactly what their records make.
    const recordOf = async (ref: string) => (ref.startsWith('p ') ? (await paperIn(db, ref.slice(2)))! : (await db.get('digests', ref.slice(2)))!);
    const packed = new Map<string, StoredDoc>();
    for (const row of pages.flat()) packed.set(row.ref, docOf(row.ref, await recordOf(row.ref)));
    expect(pages.flat().map((row) => row.doc)).toEqual(pages.flat().map((row) => packed.get(row.ref)));
    expect(await searchIdProblems(db)).toEqual([]);
    // The same pages as older ids keep them (refs alone, the documents made from the records),
    // and as earlier versions wrote them: packed, texts by field with kind and key, and whole
    // documents, words and phrase text included.
    const older = [
      () => undefined,
      (ref: string) => packed.get(ref)!,
      (ref: string) => unpackDoc(packed.get(ref)!, ref.startsWith('p ') ? 'paper' : 'digest', ref.slice(2)),
      (ref: string) => rowDoc({ ref, doc: packed.get(ref)! }),
    ];
    for (const shape of older) {
      const tx = db.transaction('docPages', 'readwrite');
      for (const page of pages)
        await tx.store.put(
          page.map((row) => {
            const doc = shape(row.ref);
            return doc === undefined ? { id: row.id, ref: row.ref } : { ...row, doc };
          }),
          page[0]!.id,
        );
      await tx.done;
      forgetSearchCache();
      // Another connection: documents read are kept per connection.
      const again = await openDigestDb(db.name);
      expect(await answers(again)).toEqual(expected);
      again.close();
    }
  });
});

describe('transactions per keystroke', () => {
  it('reads a query in one transaction, so behind a running write a keystroke waits once', async () => {
    const db = await freshDb();
    for (let i = 0; i < 4; i++) {
      await writeDigestTo(
        db,
        digest(`t${i}`, `2026-05-${String(10 + i).padStart(2, '0')}`, [
          { name: `Seg${i}`, title: `Medical image segmentation ${i}`, arxiv: `2605.${String(300 + i).padStart(5, '0')}` },
          { name: `Reg${i}`, title: `Image registration ${i}` },
        ]),
      );
    }
    await mergePending(db);
    const transaction = IDBDatabase.prototype.transaction;
    let opened = 0;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
      opened++;
      return transaction.apply(this, args);
    };
    try {
      for (const q of ['seg', 'segmentation', 'medical image', 'registratoin']) {
        forgetSearchCache();
        opened = 0;
        const hits = await searchIn(db, parseQuery(q), 5);
        expect(hits.length, q).toBeGreaterThan(0);
        expect(opened, q).toBe(1);
      }
    } finally {
      IDBDatabase.prototype.transaction = transaction;
    }
  });
});

describe('search and records agree', () => {
  it("indexes in the digest's own transaction: an aborted write leaves no trace in search", async () => {
    const db = await freshDb();
    await writeDigestTo(db, digest('a', '2026-05-23', [{ name: 'AlphaNet', title: 'AlphaNet segments livers' }]));
    await expect(
      writeInOneTx(db, RECORD_STORES, digest('b', '2026-05-30', [{ name: 'BetaNet', title: 'BetaNet segments kidneys' }]), async () => {
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect((await indexState(db)).fresh).toBe(true);
    expect(await titles(db, 'segments')).toEqual(['AlphaNet segments livers']);
    expect((await db.getAll('docPages')).flat().length).toBe(2); // the paper and its digest
  });

  it("replaces an edited digest's documents and drops removed papers, batches included", async () => {
    const db = await freshDb();
    await writeDigestsTo(db, [
      digest('a', '2026-05-23', [{ name: 'AlphaNet', title: 'AlphaNet segments livers' }]),
      digest('b', '2026-05-30', [{ name: 'GammaNet', title: 'GammaNet counts cells' }]),
    ]);
    await writeDigestTo(db, digest('a', '2026-05-23', [{ name: 'DeltaNet', title: 'DeltaNet segments lungs' }]));
    expect(await titles(db, 'segments')).toEqual(['DeltaNet segments lungs']);
    expect(await titles(db, 'gammanet')).toEqual(['GammaNet counts cells']);
    expect(await titles(db, 'livers')).toEqual([]);
  });

  it('notices a write that bypassed the index, answers from the records, and rebuilds', async () => {
    const db = await freshDb();
    await writeDigestTo(db, digest('a', '2026-05-23', [{ name: 'AlphaNet', title: 'AlphaNet segments livers' }]));
    // Records imported by code that does not index (export-import): counters move, the index does not.
    const other = await openDigestDb('other-for-export');
    await writeDigestTo(other, digest('b', '2026-05-30', [{ name: 'BetaNet', title: 'BetaNet segments kidneys' }]));
    await importRecordsTo(db, await other.getAll('digests'), await readAllPapers(other));
    expect((await indexState(db)).fresh).toBe(false);
    expect((await titles(db, 'segments')).sort()).toEqual(['AlphaNet segments livers', 'BetaNet segments kidneys']);
    await searchIndexReady(db);
    expect((await indexState(db)).fresh).toBe(true);
    expect((await titles(db, 'segments')).sort()).toEqual(['AlphaNet segments livers', 'BetaNet segments kidneys']);
  });

  it('completes a rebuild cut short (a crash mid-way) on the next search', async () => {
    const db = await freshDb();
    await writeDigestTo(db, digest('a', '2026-05-23', [{ name: 'AlphaNet', title: 'AlphaNet segments livers' }]));
    // A rebuild that died after clearing the index: the stamp says so.
    const tx = db.transaction(['meta', 'postings', 'docPages', 'vocab'], 'readwrite');
    await Promise.all([
      tx.objectStore('postings').clear(),
      tx.objectStore('docPages').clear(),
      tx.objectStore('meta').put({ stamp: 'rebuilding', nextId: 0 }, 'search'),
      tx.done,
    ]);
    expect(await titles(db, 'segments')).toEqual(['AlphaNet segments livers']);
    await searchIndexReady(db);
    expect(await titles(db, 'segments')).toEqual(['AlphaNet segments livers']);
  });

  it('keeps writes made during a rebuild', async () => {
    const db = await freshDb();
    await writeDigestTo(db, digest('a', '2026-05-23', [{ name: 'AlphaNet', title: 'AlphaNet segments livers' }]));
    const rebuilding = rebuildSearchIndex(db);
    await writeDigestTo(db, digest('b', '2026-05-30', [{ name: 'BetaNet', title: 'BetaNet segments kidneys' }]));
    await rebuilding;
    await searchIndexReady(db);
    expect((await titles(db, 'segments')).sort()).toEqual(['AlphaNet segments livers', 'BetaNet segments kidneys']);
    expect(await searchIdProblems(db)).toEqual([]);
  });

  it('gives a rebuilt index ids above every earlier one, so a record written meanwhile keeps only a live one', async () => {
    const db = await freshDb();
    await writeDigestTo(
      db,
      digest('a', '2026-05-23', [
        { name: 'AlphaNet', title: 'AlphaNet segments livers' },
        { name: 'GammaNet', title: 'GammaNet counts cells' },
      ]),
    );
    const before = (await readAllPapers(db)).map((p) => p.searchId!);
    const rebuilding = rebuildSearchIndex(db);
    // Written while the rebuild runs, over a record whose id is one of the index being cleared.
    await writeDigestTo(db, digest('b', '2026-05-30', [{ name: 'AlphaNet', title: 'AlphaNet segments livers', code: ['https://github.com/lab/alpha'] }]));
    await rebuilding;
    await searchIndexReady(db);
    const after = (await readAllPapers(db)).map((p) => p.searchId!);
    expect(Math.min(...after)).toBeGreaterThan(Math.max(...before));
    expect(await searchIdProblems(db)).toEqual([]);
    expect(await titles(db, 'c: segments')).toEqual(['AlphaNet segments livers']);
  });
});

describe('related papers across digests', () => {
  it('follows the same theme first, then a shared dataset and code organisation in other digests', async () => {
    const db = await freshDb();
    await writeDigestTo(
      db,
      digest('a', '2026-05-23', [
        { name: 'HADS-Net', arxiv: '2605.00001', datasets: ['BUSI'], code: ['https://github.com/NedumCares/BIUS-Classification'], theme: 0 },
        { name: 'Other', arxiv: '2605.00002', theme: 0 },
      ]),
    );
    await writeDigestTo(
      db,
      digest('b', '2026-05-30', [
        { name: 'BusiSeg', arxiv: '2605.00003', datasets: ['BUSI'], theme: 1 },
        { name: 'NedumTwo', arxiv: '2605.00004', code: ['https://github.com/NedumCares/another'], theme: 1 },
        { name: 'Unrelated', arxiv: '2605.00005', theme: 1 },
      ]),
    );
    const { lookupIn } = await import('../records/index.ts');
    const view = await lookupIn(db, { kind: 'arxiv', id: '2605.00001' as never });
    expect(view.papers[0]!.related.map((r) => [r.name, r.reason, r.digestId])).toEqual([
      ['Other', 'In the same theme', 'a'],
      ['BusiSeg', 'same dataset: BUSI', 'b'],
      ['NedumTwo', 'same code organisation: nedumcares', 'b'],
    ]);
  });

  it('then papers anywhere sharing the rarest words of its title, most shared first', async () => {
    const db = await freshDb();
    await writeDigestTo(
      db,
      digest('a', '2026-05-23', [
        { name: 'HADS-Net', title: 'HADS-Net: hybrid attention for breast ultrasound lesion segmentation', arxiv: '2605.00001' },
        { name: 'Seg1', title: 'Seg1: attention for segmentation', arxiv: '2605.00011' },
        { name: 'Seg2', title: 'Seg2: attention for segmentation', arxiv: '2605.00012' },
        { name: 'Seg3', title: 'Seg3: attention for segmentation of cells', arxiv: '2605.00013' },
      ]),
    );
    await writeDigestTo(
      db,
      digest('b', '2026-05-30', [
        { name: 'LesionDet', title: 'LesionDet: ultrasound lesion detection', arxiv: '2605.00003', theme: 1 },
        { name: 'Breasts', title: 'Breasts: breast density estimation', arxiv: '2605.00004', theme: 2 },
        { name: 'Seg4', title: 'Seg4: attention for segmentation', arxiv: '2605.00014', theme: 3 },
      ]),
    );
    const { lookupIn } = await import('../records/index.ts');
    const view = await lookupIn(db, { kind: 'arxiv', id: '2605.00001' as never });
    const byTerms = view.papers[0]!.related.filter((r) => r.reason.startsWith('shared terms'));
    // The rarest words: hads and hybrid (this paper alone: no use), then ultrasound, lesion and breast
    // (2 papers each), not attention or segmentation (6). Breasts shares one of them: not enough.
    expect(byTerms.map((r) => [r.name, r.reason])).toEqual([['LesionDet', 'shared terms: ultrasound, lesion']]);
  });
});

describe('postings read as one key range per typed prefix', () => {
  it('hands each term exactly the chunks a read per term gives, across chunks and neighbouring prefixes', async () => {
    const db = await freshDb();
    await writeDigestTo(db, digest('a', '2026-05-23', [{ name: 'Kidney', title: 'Kidney livers' }]));
    const pairs = (...ids: number[]) => new Uint32Array(ids.flatMap((id) => [id, 1]));
    const rows: [string, number, Uint32Array][] = [
      ['se', 0, pairs(1)],
      ['seg', 0, pairs(2, 3)],
      ['seg', 2, pairs(8200)],
      ['segment', 0, pairs(4)],
      ['segment', 1, pairs(4100, 4101)],
      ['segment', 3, pairs(12300)],
      ['segments', 1, pairs(4200)],
      ['segz', 0, pairs(5)],
      ['seh', 0, pairs(6)],
    ];
    const tx = db.transaction('postings', 'readwrite');
    for (const [term, chunk, list] of rows) await tx.store.put(packPairs(list), [term, chunk]);
    await tx.done;
    const terms = ['seg', 'segment', 'segments', 'segz', 'segpending'];
    const rangedReader = (await openIndexReader(db))!;
    // One getAll for the five terms, not five.
    const getAll = IDBObjectStore.prototype.getAll;
    let calls = 0;
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
      calls++;
      return getAll.apply(this, args);
    };
    const ranged = await rangedReader.postings(terms, ['seg']).finally(() => (IDBObjectStore.prototype.getAll = getAll));
    expect(calls).toBe(1);
    forgetSearchCache();
    const each = await (await openIndexReader(db))!.postings(terms);
    expect(ranged.map((l) => [...l])).toEqual(each.map((l) => [...l]));
    expect([...ranged[1]!]).toEqual([4, 1, 4100, 1, 4101, 1, 12300, 1]);
    expect(ranged[4]!.length).toBe(0);
    // Read once: the same reader answers from what the range brought, "seh" and "se" untouched.
    forgetSearchCache();
    const reader = (await openIndexReader(db))!;
    await reader.postings(terms, ['seg']);
    expect([...(await reader.postings(['seh']))[0]!]).toEqual([6, 1]);
  });
});

describe('which title words are read for related papers', () => {
  it('reads the words counted rarest, under the cap with some slack, never a common one', async () => {
    const { wordsToRead } = await import('./related-terms.ts');
    const words = ['common', 'rare', 'fresh', 'borderline', 'over', 'spread', 'middle', 'less', 'fewer'];
    // "fresh" has no count: only pending rows hold it. "over" is past 1.5 × the cap. Words in a
    // few papers are all read; of the others the four rarest.
    const counts = [60_000, 3, undefined, 2_900, 3_100, 1_900, 1_000, 500, 200];
    expect(wordsToRead(words, counts, 2000)).toEqual(['rare', 'fresh', 'fewer', 'less', 'middle', 'spread']);
    expect(wordsToRead(words, counts, 100)).toEqual(['rare', 'fresh']);
  });
});

describe('per-word paper counts', () => {
  it("are kept by merges: every paper a word's postings ever held, void ones included", async () => {
    const db = await freshDb();
    await writeDigestTo(
      db,
      digest('a', '2026-05-23', [
        { name: 'HADS-Net', title: 'HADS-Net: hybrid attention for breast ultrasound', arxiv: '2605.00001' },
        { name: 'Seg1', title: 'Seg1: attention for segmentation', arxiv: '2605.00011' },
      ]),
    );
    await mergePending(db);
    expect(await db.get('termCounts', 'attention')).toBe(2);
    expect(await db.get('termCounts', 'ultrasound')).toBe(1);
    // Short words, filters and the void list are not counted; beside the words, the mark of the
    // last merge begun.
    const keys = await db.getAllKeys('termCounts');
    expect(keys.filter((k) => k !== MERGING).every((k) => k.length >= 4 && k.charCodeAt(0) > 1)).toBe(true);
    expect(await db.get('termCounts', MERGING)).toBe(((await db.get('meta', 'search')) as SearchStateRecord).main);
    // HADS-Net named again with a new context: re-indexed under a new id, its old one void.
    await writeDigestTo(
      db,
      digest('b', '2026-05-30', [{ name: 'HADS-Net', title: 'HADS-Net: hybrid attention for breast ultrasound', arxiv: '2605.00001', context: 'again' }]),
    );
    await mergePending(db);
    expect(await db.get('termCounts', 'ultrasound')).toBe(2);
    // Each count is what the postings hold: papers' pairs over every chunk.
    for (const word of keys.filter((k) => k !== MERGING)) {
      const pairs = unpackPairs(await db.getAll('postings', IDBKeyRange.bound([word, 0], [word, Infinity])));
      const papers = pairs.filter((v, j) => j % 2 === 1 && ((v >>> 5) & 1) === 1).length;
      expect(await db.get('termCounts', word), word).toBe(papers);
    }
  });
});

describe('related by title words', () => {
  it('never reads the postings of a word counted common, and still finds the relatives', async () => {
    const db = await freshDb();
    await writeDigestTo(
      db,
      digest('a', '2026-05-23', [
        { name: 'HADS-Net', title: 'HADS-Net: hybrid attention for breast ultrasound lesion segmentation', arxiv: '2605.00001' },
        { name: 'Seg1', title: 'Seg1: attention for segmentation', arxiv: '2605.00011' },
      ]),
    );
    await writeDigestTo(db, digest('b', '2026-05-30', [{ name: 'LesionDet', title: 'LesionDet: ultrasound lesion detection', arxiv: '2605.00003', theme: 1 }]));
    await mergePending(db);
    // As if "attention" and "segmentation" were in 50,000 papers.
    await db.put('termCounts', 50_000, 'attention');
    await db.put('termCounts', 50_000, 'segmentation');
    forgetSearchCache();
    const { relativesByTerms } = await import('./related-terms.ts');
    const paper = (await paperIn(db, '2605.00001'))!;
    const ranges: string[] = [];
    let vocabReads = 0;
    const { getAll, getAllKeys } = IDBObjectStore.prototype;
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
      if (this.name === 'postings' && args[0] instanceof IDBKeyRange) ranges.push(String((args[0].lower as [string, number])[0]));
      if (this.name === 'vocab') vocabReads++;
      return getAll.apply(this, args);
    };
    IDBObjectStore.prototype.getAllKeys = function (this: IDBObjectStore, ...args: Parameters<typeof getAllKeys>) {
      if (this.name === 'vocab') vocabReads++;
      return getAllKeys.apply(this, args);
    };
    const found = await relativesByTerms(db, paper, 12).finally(() => Object.assign(IDBObjectStore.prototype, { getAll, getAllKeys }));
    expect(found.map((r) => [r.key, r.terms])).toEqual([['2605.00003', ['ultrasound', 'lesion']]]);
    expect(ranges).not.toContain('attention');
    expect(ranges).not.toContain('segmentation');
    expect(ranges).toContain('ultrasound');
    // Nothing of the vocabulary was read, not even its keys: a side panel on a woken worker does not
    // pay for it. The void ids came with the keys' copy, not from their chunks.
    expect(vocabReads).toBe(0);
    expect(ranges.some((r) => r.startsWith('\u0000void'))).toBe(false);
  });

  it('reads again when a merge lands between its reads, and finds the same relatives', async () => {
    const db = await freshDb();
    await writeDigestTo(
      db,
      digest('a', '2026-05-23', [{ name: 'HADS-Net', title: 'HADS-Net: hybrid attention for breast ultrasound lesion segmentation', arxiv: '2605.00001' }]),
    );
    await mergePending(db);
    await writeDigestTo(db, digest('b', '2026-05-30', [{ name: 'LesionDet', title: 'LesionDet: ultrasound lesion detection', arxiv: '2605.00003' }]));
    const { relativesByTerms } = await import('./related-terms.ts');
    const paper = (await paperIn(db, '2605.00001'))!;
    // Each attempt opens its own read of the word counts: counted here.
    let attempts = 0;
    let found: ReturnType<typeof relativesByTerms> | undefined;
    const transaction = db.transaction.bind(db);
    db.transaction = ((stores: Parameters<typeof transaction>[0], mode?: string, ...rest: unknown[]) => {
      if (stores === 'termCounts') attempts++;
      // The related read starts as the merge opens its last transaction (the rows removed, `main`
      // moved on): the read's first transactions exist before it, its postings read comes after.
      const names = typeof stores === 'string' ? [stores] : Array.from(stores);
      if (mode === 'readwrite' && names.includes('pending') && !names.includes('papers')) found ??= relativesByTerms(db, paper, 12);
      return (transaction as (...a: unknown[]) => unknown)(stores, mode, ...rest);
    }) as typeof db.transaction;
    const merged = mergePending(db);
    expect(await merged).toBe(1);
    expect((await found!).map((r) => [r.key, r.terms])).toEqual([['2605.00003', ['ultrasound', 'lesion']]]);
    expect(attempts).toBe(2);
  });

  it('finds relatives named only in rows not merged yet (no counts yet)', async () => {
    const db = await freshDb();
    await writeDigestTo(
      db,
      digest('a', '2026-05-23', [{ name: 'HADS-Net', title: 'HADS-Net: hybrid attention for breast ultrasound lesion segmentation', arxiv: '2605.00001' }]),
    );
    await writeDigestTo(db, digest('b', '2026-05-30', [{ name: 'LesionDet', title: 'LesionDet: ultrasound lesion detection', arxiv: '2605.00003' }]));
    expect(await db.count('termCounts')).toBe(0);
    const { relativesByTerms } = await import('./related-terms.ts');
    const found = await relativesByTerms(db, (await paperIn(db, '2605.00001'))!, 12);
    expect(found.map((r) => [r.key, r.terms])).toEqual([['2605.00003', ['ultrasound', 'lesion']]]);
  });
});

describe('pending rows and merges', () => {
  async function expectSameAsScan(db: DB, when: string): Promise<void> {
    for (const q of QUERIES) {
      const { hits: a, total } = await searchPageIn(db, parseQuery(q), 30);
      const b = await linearSearchIn(db, parseQuery(q), 10_000);
      expect(
        a.map((h) => [h.doc.key, h.score, h.matched]),
        `${when}: ${q}`,
      ).toEqual(b.slice(0, 30).map((h) => [h.doc.key, h.score, h.matched]));
      // How many match: a void id left in a word's postings would count a document no longer there.
      if (!q.includes('"')) expect(total, `${when}: ${q}, how many`).toBe(b.length);
    }
  }

  it('answers as the scan with rows pending, merged, or both, through edits, re-mentions and removals', async () => {
    const db = await freshDb();
    const r = rng(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const paper = (g: number) => ({
      name: `Net${g}`,
      title: `Net${g} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
      arxiv: `2605.${String(10000 + g)}`,
      ...(g % 3 ? { code: [`https://github.com/lab${g % 4}/net${g}`] } : {}),
    });
    let merges = 0;
    for (let n = 0; n < 3 * MERGE_ROWS; n++) {
      // Some digests name earlier papers again (merged records), some replace a digest already stored.
      const id = n % 7 === 6 ? `d${n - 3}` : `d${n}`;
      const date = `2026-0${1 + (n % 6)}-1${n % 10}`;
      const papers = Array.from({ length: 1 + Math.floor(r() * 4) }, () => paper(r() < 0.3 ? Math.floor(r() * 2 * n) : 1000 + n * 10 + Math.floor(r() * 10)));
      if (n % 5 === 4) await writeDigestsTo(db, [digest(id, date, papers), digest(`extra${n}`, date, [paper(5000 + n)])]);
      else await writeDigestTo(db, digest(id, date, papers));
      if (n % 11 === 10) {
        await expectSameAsScan(db, `after write ${n}, before a merge`);
        merges += Number((await mergePending(db)) > 0);
      }
    }
    await expectSameAsScan(db, 'rows pending');
    expect(await searchIdProblems(db)).toEqual([]);
    // Removals: every digest of January goes, with the papers only it named.
    expect(await dropDigestsBeforeIn(db, '2026-02-01')).toBeGreaterThan(0);
    await expectSameAsScan(db, 'after removals');
    expect(await searchIdProblems(db)).toEqual([]);
    await mergePending(db);
    const state = (await db.get('meta', 'search')) as SearchStateRecord;
    expect(state.pendingRows).toBe(0);
    expect(await db.count('pending')).toBe(0);
    expect(merges).toBeGreaterThan(0);
    await expectSameAsScan(db, 'all merged');
    expect((await indexState(db)).fresh).toBe(true);
  });

  it('answers as the scan after every write between two merges, as each reader adds only the rows appended', async () => {
    const db = await freshDb();
    const r = rng(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const paper = (g: number) => ({ name: `Net${g}`, title: `Net${g} ${pick(WORDS)} ${pick(WORDS)}`, arxiv: `2605.${String(10000 + g)}` });
    await writeDigestTo(db, digest('d0', '2026-03-01', [paper(1), paper(2), paper(3)]));
    await mergePending(db);
    // Fewer rows than a merge takes: every query below reads the same `main`, rows appended.
    for (let n = 1; n < MERGE_ROWS - 1; n++) {
      // Every third write names earlier papers again (their old ids go void); every fourth replaces
      // the digest before it, whose papers no other digest names (their ids go void, their words
      // untouched by the new row); the rest are new.
      const papers = n % 3 === 0 ? [paper(1 + ((n / 3) % 3)), paper(100 + n)] : [paper(100 + n), paper(200 + n)];
      const id = n % 4 === 0 ? `d${n - 1}` : `d${n}`;
      // A reader opened before the write keeps its view while the next readers extend it.
      forgetSearchCache();
      const before = await (await openIndexReader(db))!.postings(WORDS);
      forgetSearchCache();
      const older = (await openIndexReader(db))!;
      await writeDigestTo(db, digest(id, new Date(Date.UTC(2026, 2, 2 + n)).toISOString().slice(0, 10), papers));
      await expectSameAsScan(db, `after write ${n}`);
      expect(await older.postings(WORDS), `the view before write ${n}`).toEqual(before);
    }
    expect(((await db.get('meta', 'search')) as SearchStateRecord).pendingRows).toBe(MERGE_ROWS - 2);
  });

  it('re-indexes a changed paper under a new id and voids the old one; an unchanged write re-indexes nothing', async () => {
    const db = await freshDb();
    // The paper's document id, as its record names it.
    const ids = async () => (await readAllPapers(db)).map((p) => p.searchId);
    await writeDigestTo(db, digest('a', '2026-05-16', [{ name: 'Vox', title: 'Vox segments kidneys', arxiv: '2605.00001' }]));
    await mergePending(db);
    const [first] = await ids();
    // The same digest again: same documents, nothing pending, nothing void.
    await writeDigestTo(db, digest('a', '2026-05-16', [{ name: 'Vox', title: 'Vox segments kidneys', arxiv: '2605.00001' }]));
    expect(await db.count('pending')).toBe(0);
    expect(await ids()).toEqual([first]);
    // Named again in a later digest: the record changed, so a new id; the old one stays in the
    // postings it was merged into (they only grow), listed void.
    await writeDigestTo(db, digest('b', '2026-05-23', [{ name: 'Vox', title: 'Vox segments kidneys', arxiv: '2605.00001' }]));
    await mergePending(db);
    const [second] = await ids();
    expect(second).toBeGreaterThan(first!);
    const kidneys = await db.getAll('postings', IDBKeyRange.bound(['kidneys', 0], ['kidneys', Infinity]));
    expect(unpackIds(kidneys)).toEqual([first, second]);
    const voids = await db.getAll('postings', IDBKeyRange.bound([VOID_TERM, 0], [VOID_TERM, Infinity]));
    expect(unpackIds(voids)).toEqual([first]);
    // Search shows the paper once, as it is now (in both digests).
    const hits = await searchIn(db, parseQuery('kidneys'), 10);
    expect(hits.map((h) => [h.doc.key, h.doc.date])).toEqual([['2605.00001', '2026-05-23']]);
  });

  it("takes a fresh context's void ids from the vocabulary's copies while they are this index's, else from their chunks", async () => {
    const db = await freshDb();
    const vox = (id: string, date: string) => digest(id, date, [{ name: 'Vox', title: 'Vox segments kidneys', arxiv: '2605.00001' }]);
    await writeDigestTo(db, vox('a', '2026-05-16'));
    await mergePending(db);
    await writeDigestTo(db, vox('b', '2026-05-23'));
    await mergePending(db);
    await writeDigestTo(db, vox('c', '2026-05-30'));
    await mergePending(db);
    // Two merges each voided an earlier document: both copies list both ids.
    const voids = await voidCopy(db);
    expect(voids).toHaveLength(2);
    const main = (await indexState(db)).record?.main ?? 0;
    const packed = (await db.get('vocab', VOCAB_PACKED)) as PackedVocabulary;
    const keysCopy = (await db.get('vocab', VOCAB_KEYS)) as VocabularyKeys;
    expect([packed.main, packed.voids, keysCopy.main, keysCopy.voids]).toEqual([main, voids, main, voids]);
    // How many times the void chunks were read, the hits, and how many documents matched.
    const voidChunksRead = async (q: string): Promise<[number, string[], number]> => {
      const { page, terms } = await wholeReads(db, q);
      return [terms.filter((t) => t === VOID_TERM).length, page.hits.map((h) => `${h.doc.key} ${h.doc.date}`), page.total];
    };
    // Either copy serves: the packed one for a word with two typos, the keys' copy otherwise.
    const once = ['2605.00001 2026-05-30'];
    expect(await voidChunksRead('kidneys')).toEqual([0, once, 1]);
    expect(await voidChunksRead('segmentsss')).toEqual([0, once, 1]);
    // The copy is what the reader uses: without its void ids, the voided documents match again
    // (and are dropped only when read, their records naming another id).
    await db.put('vocab', { ...keysCopy, voids: new Uint32Array(0) }, VOCAB_KEYS);
    expect((await voidChunksRead('kidneys'))[2]).toBe(3);
    // A copy of another `main` (a merge stopped before writing it), or one from before void ids
    // were copied: their chunks are read, and the paper shows once.
    await db.put('vocab', { ...keysCopy, main: main - 1 }, VOCAB_KEYS);
    expect(await voidChunksRead('kidneys')).toEqual([1, once, 1]);
    const { voids: _, ...older } = keysCopy;
    await db.put('vocab', older, VOCAB_KEYS);
    expect(await voidChunksRead('kidneys')).toEqual([1, once, 1]);
    // The next merge writes them again, with the ids before it (read from their chunks when the
    // copy it finds lacks them) and its own.
    await db.put('vocab', { main, keys: packed.keys, rows: packed.rows }, VOCAB_PACKED);
    await writeDigestTo(db, vox('d', '2026-06-06'));
    await mergePending(db);
    expect(((await db.get('vocab', VOCAB_PACKED)) as PackedVocabulary).voids).toHaveLength(3);
    expect(((await db.get('vocab', VOCAB_KEYS)) as VocabularyKeys).voids).toEqual(await voidCopy(db));
    expect(await voidChunksRead('kidneys')).toEqual([0, ['2605.00001 2026-06-06'], 1]);
  });

  it('merges whatever waits once a sync or an import is done, after the merge already running', async () => {
    const db = await freshDb();
    await mergeWaiting(db);
    expect(await db.count('postings')).toBe(0);
    // Fewer rows than start a merge: they would wait for the next sync.
    for (let n = 0; n < 3; n++) await writeDigestTo(db, digest(`w${n}`, `2026-05-0${n + 1}`, [{ name: `W${n}`, title: `W${n} segments livers` }]));
    expect(((await db.get('meta', 'search')) as SearchStateRecord).pendingRows).toBe(3);
    await mergeWaiting(db);
    expect(await db.count('pending')).toBe(0);
    expect(((await db.get('meta', 'search')) as SearchStateRecord).pendingRows).toBe(0);
    await expectSameAsScan(db, 'waiting rows merged');
    // A background merge running (enough rows), more rows written behind it: all end merged.
    for (let n = 0; n < MERGE_ROWS; n++)
      await writeDigestTo(db, digest(`x${n}`, `2026-06-${String(1 + (n % 28)).padStart(2, '0')}`, [{ name: `X${n}`, title: `X${n} kidneys` }]));
    await writeDigestTo(db, digest('late', '2026-07-01', [{ name: 'Late', title: 'Late kidneys graphs' }]));
    await mergeWaiting(db);
    expect(await db.count('pending')).toBe(0);
    expect(((await db.get('meta', 'search')) as SearchStateRecord).pendingRows).toBe(0);
    expect(await titles(db, 'graphs')).toEqual(['Late kidneys graphs']);
    await expectSameAsScan(db, 'after the running merge and the rows behind it');
  });

  it('merges in the background once enough rows wait, and a merge under a reader makes it read again', async () => {
    const db = await freshDb();
    for (let n = 0; n < MERGE_ROWS + 2; n++) await writeDigestTo(db, digest(`m${n}`, '2026-05-23', [{ name: `Mu${n}`, title: `Mu${n} segments livers` }]));
    // mergeSoon ran after the write that reached MERGE_ROWS; it settles within a few turns.
    for (let i = 0; i < 50 && (await db.count('pending')) > 2; i++) await new Promise((res) => setTimeout(res, 10));
    expect(await db.count('pending')).toBeLessThanOrEqual(2);
    expect((await searchIn(db, parseQuery('segments'), 100)).length).toBe(MERGE_ROWS + 2);
    await writeDigestTo(db, digest('late', '2026-05-30', [{ name: 'Late', title: 'Late segments kidneys' }]));
    // A reader opened before a merge sees main move when it reads postings: searchIn asks again.
    const reader = (await openIndexReader(db))!;
    expect((await reader.vocabulary()).flatMap(termsOf)).toContain('kidneys');
    await mergePending(db);
    await expect(reader.postings(['kidneys'])).rejects.toBeInstanceOf(IndexMoved);
    expect(await titles(db, 'kidneys')).toEqual(['Late segments kidneys']);
  });

  /** Each word's merged pairs over all its chunks; void ids sorted, each once, as pairs (id, 0). */
  const mergedLists = async (db: DB) => {
    const [keys, chunks] = [await db.getAllKeys('postings'), await db.getAll('postings')];
    const byTerm = new Map<string, Uint8Array[]>();
    keys.forEach(([term], i) => byTerm.set(term, [...(byTerm.get(term) ?? []), chunks[i]!]));
    const voids = (list: Uint8Array[]) => [...new Set(unpackIds(list))].sort((a, b) => a - b).flatMap((id) => [id, 0]);
    return new Map([...byTerm].map(([term, list]) => [term, term === VOID_TERM ? voids(list) : [...unpackPostings(list)]]));
  };
  /**
   * What the merged stores hold: two databases given the same writes hold the same, however their
   * merges fell (each merge writes chunks of its own). Per word its pairs, per void chunk its ids.
   */
  const mergedStores = async (db: DB) => {
    const counts = [await db.getAllKeys('termCounts'), await db.getAll('termCounts')] as const;
    return {
      postings: [...(await mergedLists(db))],
      vocab: await db.getAll('vocab', vocabRowKeys()),
      counts: counts[0].map((k, i) => [k, counts[1][i]]).filter(([k]) => k !== MERGING),
    };
  };
  // Dates spread over a month: more than 20 documents tied on score and date past the cut are
  // taken by id, not key (docs/search.md), where the scan orders all of them by key.
  const mu = (n: number) =>
    digest(`m${n}`, `2026-05-${String(1 + (n % 28)).padStart(2, '0')}`, [{ name: `Mu${n}`, title: `Mu${n} segments livers ${n % 2 ? 'kidneys' : 'graphs'}` }]);
  /** Rows written one per transaction, no merge among them (fewer than start one). */
  async function pendingRows(db: DB, from: number, count: number): Promise<void> {
    for (let n = from; n < from + count; n++) await writeDigestTo(db, mu(n));
  }

  it('reads beside writes: rows written while a merge runs stay pending, counted, and are merged next', async () => {
    const db = await freshDb();
    await pendingRows(db, 0, MERGE_ROWS - 4);
    const merge = mergePending(db);
    // Writes issued while the merge runs: those landing before its own write must not be lost.
    await pendingRows(db, 100, 3);
    // The first may land before the merge reads the rows; the later ones land after.
    const merged = await merge;
    expect(merged).toBeGreaterThanOrEqual(MERGE_ROWS - 4);
    expect(merged).toBeLessThan(MERGE_ROWS - 1);
    const state = (await db.get('meta', 'search')) as SearchStateRecord;
    expect(state.pendingRows).toBe(await db.count('pending'));
    expect(state.pendingRows).toBe(MERGE_ROWS - 1 - merged);
    await expectSameAsScan(db, 'rows written during a merge');
    expect(await mergePending(db)).toBe(MERGE_ROWS - 1 - merged);
    await expectSameAsScan(db, 'all merged');
    // The same writes merged one after the other hold exactly the same.
    const other = await freshDb();
    await pendingRows(other, 0, MERGE_ROWS - 4);
    await mergePending(other);
    await pendingRows(other, 100, 3);
    await mergePending(other);
    expect(await mergedStores(db)).toEqual(await mergedStores(other));
  });

  it('a merge in slices, cut short, ends as one whole merge, answering as the scan throughout', async () => {
    const write = async (db: DB, from: number, to: number) => {
      for (let n = from; n < to; n++) {
        const papers = [0, 1, 2].map((k) => ({
          name: `Sl${n}x${k}`,
          title: `Sl${n}x${k} ${WORDS[(n * 7 + k) % WORDS.length]} ${WORDS[(n + k) % WORDS.length]}`,
          // Some name an earlier digest's paper again: its old document goes void.
          arxiv: `2605.${String(20000 + (k === 0 && n % 4 === 3 ? n - 2 : n) * 10 + k)}`,
        }));
        await writeDigestTo(db, digest(`s${n}`, `2026-05-${String(10 + (n % 18))}`, papers));
      }
    };
    const stores = async (db: DB) => ({
      ...(await mergedStores(db)),
      pending: await db.count('pending'),
      state: await db.get('meta', 'search').then((st) => [(st as SearchStateRecord).pendingRows, (st as SearchStateRecord).pendingPairs]),
    });
    const started = async () => {
      const db = await freshDb();
      await writeDigestTo(db, digest('s-first', '2026-05-01', [{ name: 'First', title: 'First segments livers' }]));
      await mergePending(db);
      return db;
    };
    const whole = await started();
    await write(whole, 0, 12);
    // A merge reads no chunk: it writes one of its own per word, keyed by the main it makes.
    const reads = vi.spyOn(IDBObjectStore.prototype, 'get');
    expect(await mergePending(whole)).toBe(12);
    expect(reads.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'postings')).toEqual([]);
    reads.mockRestore();
    await write(whole, 12, 20);
    expect(await mergePending(whole)).toBe(8);
    const main = ((await whole.get('meta', 'search')) as SearchStateRecord).main ?? 0;
    const livers = (await whole.getAllKeys('postings', IDBKeyRange.bound(['livers', 0], ['livers', Infinity]))).map(([, chunk]) => chunk);
    expect(livers).toEqual([mergedChunk(main - 2), mergedChunk(main - 1), mergedChunk(main)]);

    // Cut short after some slices (a stopped worker): nothing leaves `pending`, search is unchanged.
    const cut = await started();
    await write(cut, 0, 12);
    const listsNow = async () => {
      forgetSearchCache();
      const reader = (await openIndexReader(cut))!;
      return (await reader.postings([...new Set((await reader.vocabulary()).flatMap(termsOf))].sort())).map((l) => [...l]);
    };
    const listsBefore = await listsNow();
    const postingsBefore = await cut.count('postings');
    expect(await mergePending(cut, { slicePuts: 10, maxSlices: 3 })).toBe(0);
    expect(await cut.count('pending')).toBe(12);
    expect(await cut.count('postings')).toBeGreaterThan(postingsBefore);
    // Pairs in both `postings` and `pending` are read once.
    expect(await listsNow()).toEqual(listsBefore);
    await expectSameAsScan(cut, 'a merge cut short');
    await write(cut, 12, 15);
    await expectSameAsScan(cut, 'a merge cut short, more rows since');
    expect(await mergePending(cut, { slicePuts: 3, maxSlices: 5 })).toBe(0);
    await expectSameAsScan(cut, 'two merges cut short');
    // Finished in small slices: nothing is appended or counted twice.
    expect(await mergePending(cut, { slicePuts: 4 })).toBe(15);
    await write(cut, 15, 20);
    expect(await mergePending(cut, { slicePuts: 2 })).toBe(5);
    await expectSameAsScan(cut, 'merged in slices');
    expect(await stores(cut)).toEqual(await stores(whole));
    expect((await stores(cut)).state).toEqual([0, 0]);
  });

  it('reads and merges onto the chunks of a database from before, one of its merges cut short included', async () => {
    // Ids near the end of a chunk of 4096, as databases from before keyed them: chunks 0 and 1.
    const started = async () => {
      const db = await freshDb();
      await writeDigestTo(db, mu(0));
      await mergePending(db);
      await db.put('meta', { ...((await db.get('meta', 'search')) as SearchStateRecord), nextId: 4096 - 3 }, 'search');
      await pendingRows(db, 1, 5);
      await mergePending(db);
      return db;
    };
    const db = await started();
    // Laid out as then: a word's pairs in chunks of the ids / 4096, none of a merge's own.
    const lists = await mergedLists(db);
    await db.clear('postings');
    const layOld = async (term: string, pairs: ArrayLike<number>) => {
      for (const chunk of new Set(Array.from({ length: pairs.length / 2 }, (_, j) => Math.floor(pairs[j * 2]! / 4096)))) {
        const within = Array.from(pairs).filter((_, j) => Math.floor(pairs[j - (j % 2)]! / 4096) === chunk);
        await db.put('postings', packPairs(within), [term, chunk]);
      }
    };
    for (const [term, pairs] of lists) await layOld(term, pairs);
    expect((await db.getAllKeys('postings')).every(([, chunk]) => chunk < 2)).toBe(true);
    await expectSameAsScan(db, 'chunks of ids / 4096');
    // A merge of then, cut short: "segments" had its pending pairs appended to its last chunk.
    await pendingRows(db, 6, 4);
    const segments = unpackPairs(await db.getAll('postings', IDBKeyRange.bound(['segments', 0], ['segments', Infinity])));
    const pending = (await db.getAll('pending')).flatMap((row) => Array.from(row.lists[row.terms.indexOf('segments')]!));
    await layOld('segments', [...segments, ...pending]);
    await expectSameAsScan(db, 'a merge of then cut short');
    // This merge writes those pairs again, in a chunk of its own, above the old ones: read once.
    expect(await mergePending(db)).toBe(4);
    await expectSameAsScan(db, 'merged onto chunks of then');
    const other = await started();
    await pendingRows(other, 6, 4);
    await mergePending(other);
    expect(await mergedStores(db)).toEqual(await mergedStores(other));
  });

  it('two merges at once end as one, and clearing waits for a running merge', async () => {
    const db = await freshDb();
    await pendingRows(db, 0, 6);
    // One waits for the other, and finds nothing left.
    expect((await Promise.all([mergePending(db), mergePending(db)])).sort()).toEqual([0, 6]);
    const other = await freshDb();
    await pendingRows(other, 0, 6);
    await mergePending(other);
    expect(await mergedStores(db)).toEqual(await mergedStores(other));
    await expectSameAsScan(db, 'two merges at once');

    await pendingRows(db, 6, 4);
    const merge = mergePending(db, { slicePuts: 2 });
    await clearAllIn(db);
    expect(await merge).toBe(4);
    expect(await db.count('postings')).toBe(0);
    expect(await db.count('vocab')).toBe(0);
    expect(await titles(db, 'segments')).toEqual([]);
  });

  it('reads again when a paper is written again between its postings and its document', async () => {
    const db = await freshDb();
    await writeDigestTo(db, digest('a', '2026-05-16', [{ name: 'Vox', title: 'Vox segments kidneys', arxiv: '2605.00001' }]));
    const reader = (await openIndexReader(db))!;
    const [list] = await reader.postings(['kidneys']);
    const id = list![0]!;
    // The snapshot's transaction ends; the paper is named again (a new document, its old id void).
    await new Promise((res) => setTimeout(res, 0));
    await writeDigestTo(db, digest('b', '2026-05-23', [{ name: 'Vox', title: 'Vox segments kidneys', arxiv: '2605.00001' }]));
    // An older id's page keeps its ref alone: its document is made from the record, which now
    // carries the new id. (A page that keeps the document gives the snapshot's as it was.)
    await asOlderPages(db);
    await expect(reader.docs([id])).rejects.toBeInstanceOf(IndexMoved);
    const hits = await searchIn(db, parseQuery('kidneys'), 10);
    expect(hits.map((h) => [h.doc.key, h.doc.date])).toEqual([['2605.00001', '2026-05-23']]);
  });
});

describe('the newest documents first', () => {
  // No phrases: a phrase may reject any candidate, so those queries always read every document.
  const NEWEST = [...QUERIES.filter((q) => !q.includes('"')), 'kidney'];
  let before = RECENT.ids;
  beforeAll(() => {
    before = RECENT.ids;
  });
  afterEach(() => {
    RECENT.ids = before;
  });

  /** Every query's page as the scan's best `limit`, its count exact or (newest documents only) at most the scan's; how many stopped early. */
  async function expectSameAsScan(db: DB, when: string, limit = 10): Promise<number> {
    let early = 0;
    for (const q of NEWEST) {
      const page = await searchPageIn(db, parseQuery(q), limit);
      const b = await linearSearchIn(db, parseQuery(q), 10_000);
      expect(
        page.hits.map((h) => [h.doc.key, h.score, h.matched]),
        `${when}: ${q}`,
      ).toEqual(b.slice(0, limit).map((h) => [h.doc.key, h.score, h.matched]));
      if (page.atLeast) {
        early++;
        expect(page.exact, `${when}: ${q}`).toBe(false);
        expect(page.total, `${when}: ${q}, how many`).toBeGreaterThanOrEqual(limit);
        expect(page.total, `${when}: ${q}, how many`).toBeLessThanOrEqual(b.length);
      } else expect(page.total, `${when}: ${q}, how many`).toBe(b.length);
    }
    return early;
  }

  /** `count` days from `first`, `step` apart (a negative step: written backwards). */
  const daysFrom = (first: number, count: number, step = 1) => Array.from({ length: count }, (_, d) => first + d * step);

  /** A digest of each of `days` (days after 2026-01-01, in the order given), merged every few writes. */
  async function writeDays(db: DB, r: () => number, days: readonly number[]): Promise<void> {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    for (const [i, day] of days.entries()) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      // Some papers are named again (a new id, the old one void), most are new.
      const papers = Array.from({ length: 3 }, (_, j) => {
        const g = r() < 0.2 ? Math.floor(r() * 3 * Math.abs(day)) : 2000 + day * 10 + j;
        return {
          name: `Net${g}`,
          title: `Net${g} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
          arxiv: `2605.${String(10000 + g)}`,
          ...(g % 3 ? { code: [`https://github.com/lab${g % 4}/net${g}`] } : {}),
        };
      });
      await writeDigestTo(db, { ...digest(`d${day}`, date, papers), topic: 'bench' });
      if (i % 9 === 8) await mergePending(db);
    }
  }

  it('answers as the scan from the newest merges alone when their best outrank every older document', async () => {
    RECENT.ids = 150;
    const db = await freshDb();
    await writeDays(db, rng(3), daysFrom(0, 120));
    const state = (await db.get('meta', 'search')) as SearchStateRecord;
    // A few merges in the window, the rest older, below its first id.
    expect(state.recent!.chunks.length).toBeGreaterThanOrEqual(2);
    expect(state.recent!.firstId).toBeGreaterThan(state.firstId ?? 0);
    expect(state.recent!.olderDay).toBeGreaterThan(0);
    const early = await expectSameAsScan(db, 'written in date order');
    // The common words stop early; "zzz" and the exact "kidney" (older titles beat the newest) do not.
    expect(early).toBeGreaterThanOrEqual(4);
    expect((await searchPageIn(db, parseQuery('segments'), 10)).atLeast).toBe(true);
    expect((await searchPageIn(db, parseQuery('zzz'), 10)).atLeast).toBeUndefined();
    // With pending rows on top, and after they merge.
    await writeDays(db, rng(4), [120, 121, 122, 123]);
    await expectSameAsScan(db, 'rows pending');
    await mergePending(db);
    await expectSameAsScan(db, 'merged');
    // Show more: 30 results still come from the newest merges.
    await expectSameAsScan(db, 'thirty', 30);
  });

  it('reads older documents when one of them outranks the newest: a better field, or a later day', async () => {
    RECENT.ids = 240;
    const db = await freshDb();
    // The only exact "kidney" in a title is the oldest paper; every newer one has "kidneys".
    await writeDigestTo(db, digest('old', '2026-01-01', [{ name: 'Ren', title: 'Ren kidney atlas', arxiv: '2601.00001' }]));
    const r = rng(5);
    await writeDays(db, r, daysFrom(10, 120));
    await mergePending(db);
    // Found beside the newest documents (the older ones that outrank them), not by every chunk.
    const kidney = await searchPageIn(db, parseQuery('kidney'), 10);
    expect(kidney.hits[0]!.doc.key).toBe('2601.00001');
    expect(kidney.atLeast).toBe(true);
    // The newest hold enough of "kidneys" alone: the window answers that one.
    expect((await searchPageIn(db, parseQuery('kidneys'), 10)).atLeast).toBe(true);
    // Digests of earlier days written last (a reader syncing backwards): the window holds only
    // older days than the documents before it, so no query stops there.
    await writeDays(db, r, daysFrom(-1, 80, -1));
    await mergePending(db);
    expect(await expectSameAsScan(db, 'synced backwards')).toBe(0);
  });

  it("reads a rare term's whole postings when only it could lift an older document above the newest", async () => {
    RECENT.ids = 240;
    /** "seg" exactly in one old paper, then four months of "segments…" titles (6.4 each). */
    const withOldSeg = async (paper: { name: string; title: string }, days = 120) => {
      const db = await freshDb();
      await writeDigestTo(db, digest('old', '2026-01-01', [{ ...paper, arxiv: '2601.00001' }]));
      await writeDays(db, rng(8), daysFrom(10, days));
      await mergePending(db);
      return db;
    };
    // In a short name (weight 5, 5 × 1 below 6.4): the newest hold the best.
    const inName = await withOldSeg({ name: 'Seg', title: 'A kidney atlas' });
    expect((await searchPageIn(inName, parseQuery('seg'), 10)).atLeast).toBe(true);
    expect(await expectSameAsScan(inName, 'a rare name')).toBeGreaterThan(0);
    // In a title (8 × 1): it outranks every "segments" title, so the whole postings of "seg" are
    // read beside the newest documents, not those of "segments" (common among them: a bigger window).
    RECENT.ids = 640;
    const inTitle = await withOldSeg({ name: 'Atlas', title: 'Seg of kidneys' }, 260);
    const { page, terms } = await wholeReads(inTitle, 'seg');
    expect(page.atLeast).toBe(true);
    expect(page.hits[0]!.doc.key).toBe('2601.00001');
    expect(terms).toContain('seg');
    expect(terms.filter((t) => t.startsWith('segment'))).toEqual([]);
    await expectSameAsScan(inTitle, 'a rare title');
  });

  it('answers a word with a typo budget from its exact term and completions when no typo can reach the newest best', async () => {
    RECENT.ids = 150;
    const db = await freshDb();
    await writeDays(db, rng(3), daysFrom(0, 120));
    // The newest day: "ultrasound" in titles, one beside a misspelt "ultrasond" (the scan shows both).
    await writeDigestTo(
      db,
      digest('late', '2026-05-30', [
        { name: 'Late1', title: 'Late1 ultrasond ultrasound agents', arxiv: '2605.90001' },
        { name: 'Late2', title: 'Late2 ultrasound', arxiv: '2605.90002', context: 'Late2 reads ultrasonud frames.' },
      ]),
    );
    await mergePending(db);
    const asScan = async (q: string, page: SearchPage) =>
      expect(page.hits.map((h) => [h.doc.key, h.score, h.matched])).toEqual(
        (await linearSearchIn(db, parseQuery(q), 10)).map((h) => [h.doc.key, h.score, h.matched]),
      );
    // A fresh context: the row of "ul" alone, not the rows one typo of "ul…" may be in (one typo
    // for six letters) nor the packed copy of every row (two typos from nine).
    forgetSearchCache();
    const prefix = await vocabularyReads(() => searchPageIn(db, parseQuery('ultras'), 10));
    expect(prefix).toMatchObject({ rows: ['ul'], packed: 0 });
    await asScan('ultras', prefix.result);
    forgetSearchCache();
    const exact = await vocabularyReads(() => searchPageIn(db, parseQuery('ultrasound'), 10));
    expect(exact).toMatchObject({ rows: ['ul'], packed: 0 });
    expect(exact.result.atLeast).toBe(true);
    expect(exact.result.hits[0]!.matched).toEqual(['ultrasond', 'ultrasound']);
    await asScan('ultrasound', exact.result);
    // Misspelt, it matches through typos alone: every row then, as the packed copy.
    const typo = await vocabularyReads(() => searchPageIn(db, parseQuery('ultrasuond'), 10));
    expect(typo.packed).toBe(1);
    await asScan('ultrasuond', typo.result);
    // Kept by the context since: read as before, once.
    expect(await vocabularyReads(() => searchPageIn(db, parseQuery('ultrasound'), 10))).toMatchObject({ rows: [], packed: 0 });
  });

  it('reads every vocabulary row when a typo in a title could outrank the newest best', async () => {
    RECENT.ids = 150;
    const db = await freshDb();
    // "radiographs" misspelt in an old title (8 × 0.5), then only in the newest papers' text (1 each).
    await writeDigestTo(db, digest('old', '2026-01-01', [{ name: 'Old', title: 'Old radiogarphs agents', arxiv: '2601.00001' }]));
    await writeDays(db, rng(6), daysFrom(10, 100));
    for (let d = 0; d < 20; d++)
      await writeDigestTo(
        db,
        digest(`r${d}`, `2026-05-${String(d + 1).padStart(2, '0')}`, [
          { name: `Ray${d}`, title: `Ray${d} agents`, arxiv: `2605.${String(80000 + d)}`, context: `Ray${d} reads radiographs.` },
        ]),
      );
    await mergePending(db);
    // Alone (4 against 1), and after a word the newest have in their titles (8 + 4 against 8 + 1).
    for (const q of ['radiographs', 'agents radiographs']) {
      forgetSearchCache();
      const { result: page, packed } = await vocabularyReads(() => searchPageIn(db, parseQuery(q), 10));
      expect(packed, q).toBe(1);
      const scan = await linearSearchIn(db, parseQuery(q), 10);
      expect(scan[0]!.doc.key, q).toBe('2601.00001');
      expect(
        page.hits.map((h) => [h.doc.key, h.score, h.matched]),
        q,
      ).toEqual(scan.map((h) => [h.doc.key, h.score, h.matched]));
    }
  });

  it('keeps the copies of the window’s merges only, each older one deleted once it leaves', async () => {
    RECENT.ids = 30;
    const db = await freshDb();
    await writeDays(db, rng(6), daysFrom(0, 45));
    await mergePending(db);
    const { recent } = (await db.get('meta', 'search')) as SearchStateRecord;
    const chunks = new Set((await db.getAllKeys('recentPostings')).map(([, chunk]) => chunk));
    expect([...chunks].sort()).toEqual(recent!.chunks.map((c) => mergedChunk(c.main)));
    // A row per vocabulary row and merge: each term's copy is its chunk in `postings`, byte for byte.
    let copies = 0;
    for (const key of await db.getAllKeys('recentPostings')) {
      if (key[0] === RECENT_TERMS) continue;
      const row = (await db.get('recentPostings', key)) as RecentRow;
      for (const [i, term] of row.terms.split('\u0000').entries()) {
        expect(vocabPart(term), term).toBe(key[0]);
        expect(row.bytes.subarray(i ? row.ends[i - 1] : 0, row.ends[i]), term).toEqual(await db.get('postings', [term, key[1]]));
        copies++;
      }
    }
    // Every term a window's merge wrote, and none other.
    const written = (await db.getAllKeys('postings')).filter(([term, chunk]) => chunks.has(chunk) && term !== VOID_TERM);
    expect(copies).toBe(written.length);
    // A rebuild starts the window again: nothing merged, nothing older.
    await rebuildSearchIndex(db);
    const rebuilt = ((await db.get('meta', 'search')) as SearchStateRecord).recent!;
    expect(rebuilt.olderDay).toBe(-1);
    await expectSameAsScan(db, 'rebuilt');
  });

  /** Ids whose page holds their document, and those whose page holds only their ref. */
  async function pagesKept(db: DB): Promise<{ withDoc: number[]; refOnly: number[] }> {
    const rows = (await db.getAll('docPages')).flat();
    return { withDoc: rows.filter((r) => r.doc !== undefined).map((r) => r.id), refOnly: rows.filter((r) => r.doc === undefined).map((r) => r.id) };
  }

  it('keeps the documents of the window’s ids in their pages, and strips each page once its ids leave', async () => {
    RECENT.ids = 60;
    const before = STRIP.pages;
    // Two pages a transaction: a strip runs in several.
    STRIP.pages = 2;
    try {
      const db = await freshDb();
      await writeDays(db, rng(6), daysFrom(0, 45));
      await mergePending(db);
      const { recent, firstId = 0, nextId } = (await db.get('meta', 'search')) as SearchStateRecord;
      expect(recent!.firstId).toBeGreaterThan(firstId);
      expect(recent!.docsFrom).toBe(recent!.firstId);
      const { withDoc, refOnly } = await pagesKept(db);
      expect(withDoc.sort((a, b) => a - b)).toEqual(Array.from({ length: nextId - recent!.firstId }, (_, i) => recent!.firstId + i));
      expect(refOnly.every((id) => id < recent!.firstId)).toBe(true);
      // Each kept document is exactly what its record makes.
      expect(await searchIdProblems(db)).toEqual([]);
      // A query the window answers makes its documents from their pages alone: no record is read.
      const [page, , records] = await docReads(() => searchPageIn(db, parseQuery('segments'), 5));
      expect(page.atLeast).toBe(true);
      expect(records).toBe(0);
      // A strip cut short (its pages kept their documents, `docsFrom` behind): the next merge's
      // strip takes it up.
      const recordOf = async (ref: string) => (ref.startsWith('p ') ? (await paperIn(db, ref.slice(2)))! : (await db.get('digests', ref.slice(2)))!);
      const full = await Promise.all(
        (await db.getAll('docPages')).map((p) => Promise.all(p.map(async (d) => ({ ...d, doc: docOf(d.ref, await recordOf(d.ref)) })))),
      );
      const tx = db.transaction(['docPages', 'meta'], 'readwrite');
      const state = (await tx.objectStore('meta').get('search')) as SearchStateRecord;
      for (const p of full) await tx.objectStore('docPages').put(p, p[0]!.id);
      await tx.objectStore('meta').put({ ...state, recent: { ...state.recent!, docsFrom: firstId } }, 'search');
      await tx.done;
      await writeDays(db, rng(7), daysFrom(45, 3));
      await mergePending(db);
      const after = ((await db.get('meta', 'search')) as SearchStateRecord).recent!;
      expect(after.docsFrom).toBe(after.firstId);
      expect((await pagesKept(db)).refOnly.filter((id) => id >= after.firstId)).toEqual([]);
      expect((await pagesKept(db)).withDoc.filter((id) => id < after.firstId)).toEqual([]);
      await expectSameAsScan(db, 'stripped');
    } finally {
      STRIP.pages = before;
    }
  });

  it('answers from the window when it holds the page’s results, however few more it holds', async () => {
    // Twenty older "kidney" titles, then twelve newer ones alone in the window: fewer than a
    // page and its slack (ties at the cut), but every one of them outranks the older ones.
    RECENT.ids = 12;
    const db = await freshDb();
    const kidneys = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ name: `K${from + i}`, title: `Kidney ${from + i}`, arxiv: `2605.${String(10000 + from + i)}` }));
    await writeDigestTo(db, digest('old', '2026-02-01', kidneys(0, 20)));
    await mergePending(db);
    await writeDigestTo(db, digest('new', '2026-05-01', kidneys(100, 12)));
    await mergePending(db);
    const { recent } = (await db.get('meta', 'search')) as SearchStateRecord;
    expect(recent!.chunks.length).toBe(1);
    const page = await searchPageIn(db, parseQuery('kidney'), 10);
    expect(page.atLeast).toBe(true);
    expect(page.hits.map((h) => h.doc.key)).toEqual((await linearSearchIn(db, parseQuery('kidney'), 10)).map((h) => h.doc.key));
    expect(page.hits.every((h) => h.doc.date === '2026-05-01')).toBe(true);
    // More results asked for than the window holds: everything is read.
    expect((await searchPageIn(db, parseQuery('kidney'), 14)).atLeast).toBeUndefined();
  });
});

describe('the recent window as merges move it on', () => {
  it('lets a chunk go once the ones after it cover the window, its newest day bounding the older documents', () => {
    RECENT.ids = 100;
    try {
      let w: RecentWindow = { firstId: 0, olderDay: -1, chunks: [] };
      w = movedOn(w, { main: 1, firstId: 0, day: 10 }, 60);
      expect(w).toEqual({ firstId: 0, olderDay: -1, chunks: [{ main: 1, firstId: 0, day: 10 }], docsFrom: 0 });
      w = movedOn(w, { main: 2, firstId: 60, day: 12 }, 120);
      expect(w.chunks.map((c) => c.main)).toEqual([1, 2]);
      // Chunks 2 and 3 cover 100 ids below 160: chunk 1 goes, and day 10 bounds what is older.
      w = movedOn(w, { main: 3, firstId: 120, day: 11 }, 160);
      // Pages below 60 are to be stripped: `docsFrom` stays until a strip moves it.
      expect(w).toEqual({
        firstId: 60,
        olderDay: 10,
        chunks: [
          { main: 2, firstId: 60, day: 12 },
          { main: 3, firstId: 120, day: 11 },
        ],
        docsFrom: 0,
      });
      // A merge of void ids only adds no chunk; the last chunk always stays.
      expect(movedOn(w, { main: 4, firstId: 0, day: -1 }, 160).chunks.length).toBe(2);
      expect(movedOn({ firstId: 0, olderDay: -1, chunks: [] }, { main: 9, firstId: 5000, day: 3 }, 9000).chunks.map((c) => c.main)).toEqual([9]);
    } finally {
      RECENT.ids = 65_536;
    }
  });
});
