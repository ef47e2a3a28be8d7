// The popup's own reading of the index: the worker's very answers, and nothing where the worker
// alone may act (no database yet, one to upgrade, an index behind its records, an upgrade waiting).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type Digest, parseDigestDocument } from '../core/digest/index.ts';
import type { SearchAnswer } from '../core/search/answer.ts';
import { prepareSearchInPage, searchInPage } from './page-search.ts';
import { searchAnswerIn } from './records/index.ts';
import { writeDigestTo } from './records/write.ts';
import { type DB, DB_NAME, DB_VERSION, openDigestDb } from './schema.ts';
import { forgetSearchCache, searchIndexReady } from './search/index.ts';

const SEEDS = join(import.meta.dirname, '../../tests/fixtures/seeds');
const seedIndex = JSON.parse(readFileSync(join(SEEDS, 'index.json'), 'utf8')) as { file: string; url: string }[];
const seeds: Digest[] = seedIndex.map((e) => parseDigestDocument(readFileSync(join(SEEDS, e.file), 'utf8'), { url: e.url, fileName: e.file }).digests[0]!);

const versionOf = async (): Promise<number | undefined> => (await indexedDB.databases()).find((d) => d.name === DB_NAME)?.version;
const withoutTime = ({ tookMs: _, inPage: __, ...rest }: SearchAnswer) => rest;

beforeAll(() => {
  globalThis.indexedDB = new IDBFactory();
  forgetSearchCache();
});

describe('the popup reading the index itself', () => {
  it('creates no database where the worker has made none', async () => {
    expect(await searchInPage('segmentation', 30)).toBeUndefined();
    await prepareSearchInPage();
    expect(await versionOf()).toBeUndefined();
  });

  it('leaves an older database for the worker to upgrade', async () => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, DB_VERSION - 1);
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    expect(await searchInPage('segmentation', 30)).toBeUndefined();
    expect(await versionOf()).toBe(DB_VERSION - 1);
    await new Promise((resolve) => {
      indexedDB.deleteDatabase(DB_NAME).onsuccess = resolve;
    });
  });

  let worker: DB;
  it("gives the worker's answers, counts, reasons and pasted papers alike", async () => {
    worker = await openDigestDb();
    for (const d of seeds) await writeDigestTo(worker, d);
    await searchIndexReady(worker);
    // A query typed while the page still prepares: both read the same pending rows once.
    const [, first] = await Promise.all([prepareSearchInPage(), searchInPage('medical image segmentation', 30)]);
    expect(withoutTime(first!)).toEqual(withoutTime(await searchAnswerIn(worker, 'medical image segmentation', 30)));
    const queries = [
      'segmentation',
      'segmentaton',
      'diffusion mod',
      '"medical imaging"',
      'kidney y:2026',
      'c: graph',
      't:robotics',
      'Nazarbayev',
      '2602.22544',
      'nothing-matches-this',
    ];
    for (const q of queries) {
      const here = await searchInPage(q, 30);
      expect(here, q).toBeDefined();
      expect(here!.inPage, q).toBe(true);
      expect(withoutTime(here!), q).toEqual(withoutTime(await searchAnswerIn(worker, q, 30)));
    }
    expect((await searchInPage('segmentation', 30))!.results.length).toBeGreaterThan(0);
  });

  it('answers nothing while copies of one post wait for the worker to merge them', async () => {
    await worker.put('meta', [['one', 'other']] as never, 'identityMerges');
    vi.resetModules();
    expect(await (await import('./page-search.ts')).searchInPage('segmentation', 30)).toBeUndefined();
    await worker.delete('meta', 'identityMerges');
    vi.resetModules();
    expect(await (await import('./page-search.ts')).searchInPage('segmentation', 30)).toBeDefined();
  });

  it('answers nothing while the index is behind its records, and rebuilds nothing', async () => {
    const state = await worker.get('meta', 'search');
    await worker.put('meta', { ...(state as object), stamp: 'behind' } as never, 'search');
    expect(await searchInPage('segmentation', 30)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(((await worker.get('meta', 'search')) as { stamp: string }).stamp).toBe('behind');
    await worker.put('meta', state!, 'search');
    expect(await searchInPage('segmentation', 30)).toBeDefined();
  });

  it('lets the worker upgrade the database at once, and then leaves it to the worker', async () => {
    worker.close();
    const upgraded = await Promise.race([
      openDigestDb(DB_NAME, DB_VERSION + 1).then((db) => {
        db.close();
        return 'upgraded';
      }),
      new Promise((r) => setTimeout(() => r('blocked'), 2000)),
    ]);
    expect(upgraded).toBe('upgraded');
    expect(await searchInPage('segmentation', 30)).toBeUndefined();
  });
});
