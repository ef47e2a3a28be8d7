import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digest } from '../../../tests/support/make-digest.ts';
import { parseDigestDocument } from '../../core/digest/index.ts';
import { normalizeArxivId } from '../../core/ids/arxiv-id.ts';
import { isJoined, isStoredPaper } from '../../core/index/paper-codec.ts';
import { clearAll, closeDb, getCounters, openDb, rememberArxivId, writeDigest } from '../index.ts';
import { readAllPapers } from '../paper-rows.ts';
import { withSearchId } from '../search/index.ts';
import { exportIndexFrom, importRecordsTo } from './export-import.ts';
import { importDigestTo } from './import-digest.ts';

const SEEDS = join(import.meta.dirname, '../../../tests/fixtures/seeds');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(closeDb);

/** Every record, without the ids of their search documents (this database's own, never exported). */
async function records() {
  const db = await openDb();
  return {
    digests: (await db.getAll('digests')).map((d) => withSearchId(d, undefined)),
    papers: (await readAllPapers(db)).map((p) => withSearchId(p, undefined)),
  };
}

async function loadSeeds(): Promise<void> {
  const catalogue = JSON.parse(readFileSync(join(SEEDS, 'index.json'), 'utf8')) as { file: string; url: string }[];
  for (const { file, url } of catalogue) {
    const { digests } = parseDigestDocument(readFileSync(join(SEEDS, file), 'utf8'), { format: 'text', url, fileName: file });
    for (const d of digests) await writeDigest(d);
  }
}

const counts = async () => {
  const { digests, papers, mentions } = await getCounters();
  return { digests, papers, mentions };
};

describe('export and import of the whole index', () => {
  it('export → clear → import gives back identical records and counters', async () => {
    await loadSeeds();
    // An arXiv id learnt from a page (not from any digest) must survive the round trip too.
    await rememberArxivId('t:plug in losses for evidential deep learning', normalizeArxivId('2605.12345')!);
    const before = await records();
    const beforeCounts = await counts();
    expect(before.digests).toHaveLength(5);
    const file = JSON.parse(JSON.stringify(await exportIndexFrom(await openDb())));
    expect(JSON.stringify(file)).not.toContain('searchId');

    await clearAll();
    expect((await records()).papers).toEqual([]);
    const out = await importRecordsTo(await openDb(), file.digests, file.papers);
    expect(out.map((o) => o.outcome)).toEqual(['added', 'added', 'added', 'added', 'added']);
    expect(await records()).toEqual(before);
    expect(await counts()).toEqual(beforeCounts);
    // Its rows as small as a sync writes them: every mention joins its digest's header.
    const rows = await (await openDb()).getAll('papers');
    expect(rows.every((r) => isStoredPaper(r) && r.m.every(isJoined))).toBe(true);

    // Again: nothing changes, not even the stamp.
    const stamp = (await getCounters()).updated;
    const again = await importRecordsTo(await openDb(), file.digests, file.papers);
    expect(again.every((o) => o.outcome === 'unchanged')).toBe(true);
    expect((await getCounters()).updated).toBe(stamp);
  });

  it('merges into an index that already holds some of the papers, keeping counters true', async () => {
    await writeDigest(
      digest('a', '2026-05-23', [
        { name: 'A', arxiv: '2605.00001' },
        { name: 'B', title: 'Bee' },
      ]),
    );
    const fileA = await exportIndexFrom(await openDb());
    await clearAll();
    await writeDigest(digest('b', '2026-05-30', [{ name: 'A', arxiv: '2605.00001' }]));
    await importRecordsTo(await openDb(), fileA.digests, fileA.papers);
    const { papers } = await records();
    expect(papers.find((p) => p.key === '2605.00001')!.mentions.map((m) => m.digestId)).toEqual(['b', 'a']);
    expect(await counts()).toEqual({ digests: 2, papers: 2, mentions: 3 });
  });

  it('refuses a damaged digest with the reason and imports the rest', async () => {
    await writeDigest(digest('a', '2026-05-23', [{ name: 'A', arxiv: '2605.00001' }]));
    await writeDigest(digest('b', '2026-05-30', [{ name: 'C', arxiv: '2605.00003' }]));
    const file = await exportIndexFrom(await openDb());
    await clearAll();
    const papers = file.papers.filter((p) => p.key !== '2605.00001');
    const out = await importRecordsTo(await openDb(), [...file.digests, { id: 'x' } as never], papers);
    expect(out).toEqual([
      { id: 'a', title: 'Digest a', outcome: 'failed', reason: 'digest a names paper 2605.00001, which the file does not hold' },
      { id: 'b', title: 'Digest b', outcome: 'added' },
      { id: 'x', title: 'x', outcome: 'failed', reason: 'digest x has no url' },
    ]);
    expect(await counts()).toEqual({ digests: 1, papers: 1, mentions: 1 });
  });

  it('refuses a paper carrying an arXiv id under another key (a lookup by that id would never find it)', async () => {
    await writeDigest(digest('a', '2026-05-23', [{ name: 'A', arxiv: '2605.00001' }]));
    const file = await exportIndexFrom(await openDb());
    await clearAll();
    const papers = file.papers.map((p) => ({ ...p, arxivId: normalizeArxivId('2605.00009')! }));
    const out = await importRecordsTo(await openDb(), file.digests, papers);
    expect(out).toEqual([{ id: 'a', title: 'Digest a', outcome: 'failed', reason: 'paper 2605.00001 has arXiv id 2605.00009 but is not keyed by it' }]);
    expect(await counts()).toEqual({ digests: 0, papers: 0, mentions: 0 });
  });
});

describe('importing a parsed digest', () => {
  it('adds it, then reports the same digest unchanged without writing, and an edited one updated', async () => {
    const db = await openDb();
    const d = digest('a', '2026-05-23', [
      { name: 'A', arxiv: '2605.00001' },
      { name: 'B', title: 'Bee' },
    ]);
    expect(await importDigestTo(db, d)).toBe('added');
    const stamp = (await getCounters()).updated;
    const before = await records();
    expect(await importDigestTo(db, d)).toBe('unchanged');
    expect(await records()).toEqual(before);
    expect((await getCounters()).updated).toBe(stamp);
    expect(await importDigestTo(db, { ...d, title: 'Digest a, corrected' })).toBe('updated');
    expect(await counts()).toEqual({ digests: 1, papers: 2, mentions: 2 });
  });
});

describe('stats', () => {
  it('counts digests per topic and per week, filling empty weeks', async () => {
    const { perTopic, perWeek, weekOf } = await import('./stats.ts');
    expect(weekOf('2026-02-28')).toBe('2026-02-23');
    expect(weekOf('2026-03-02')).toBe('2026-03-02');
    const ds = [
      { date: '2026-02-28', topic: 'deep learning' },
      { date: '2026-02-28', topic: 'deep neural networks' },
      { date: '2026-03-14', topic: 'deep learning' },
    ];
    expect(perWeek(ds)).toEqual([
      { label: '2026-02-23', count: 2 },
      { label: '2026-03-02', count: 0 },
      { label: '2026-03-09', count: 1 },
    ]);
    expect(perTopic(ds)).toEqual([
      { label: 'deep learning', count: 2 },
      { label: 'deep neural networks', count: 1 },
    ]);
  });
});
