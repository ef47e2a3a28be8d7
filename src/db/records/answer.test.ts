// The popup's answers on the seeds: what a reader pastes (an arXiv id, an address) finds that
// paper first; results say why they matched; counts go past the page.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Digest, parseDigestDocument } from '../../core/digest/index.ts';
import { titleKey } from '../../core/ids/title-key.ts';
import { unexplained } from '../../core/search/why.ts';
import { type DB, openDigestDb } from '../schema.ts';
import { forgetSearchCache, searchIndexReady } from '../search/index.ts';
import { answerQuery } from './answer.ts';
import { writeDigestTo } from './write.ts';

const SEEDS = join(import.meta.dirname, '../../../tests/fixtures/seeds');
const seedIndex = JSON.parse(readFileSync(join(SEEDS, 'index.json'), 'utf8')) as { file: string; url: string }[];
const seeds: Digest[] = seedIndex.map((e) => parseDigestDocument(readFileSync(join(SEEDS, e.file), 'utf8'), { url: e.url, fileName: e.file }).digests[0]!);

let db: DB;
beforeAll(async () => {
  globalThis.indexedDB = new IDBFactory();
  forgetSearchCache();
  db = await openDigestDb('answers');
  for (const d of seeds) await writeDigestTo(db, d);
  await searchIndexReady(db);
});

const names = async (q: string, limit = 10) => (await answerQuery(db, q, limit)).hits.map((h) => h.hit.doc.name ?? h.hit.doc.title);

describe('pasted ids and addresses', () => {
  it('finds the paper an arXiv id or address names first', async () => {
    for (const q of [
      '2602.22544',
      'arXiv:2602.22544v1',
      'arxiv.org/abs/2602.22544',
      'https://arxiv.org/pdf/2602.22544v2',
      'https://www.alphaxiv.org/overview/2602.22544',
      'https://huggingface.co/papers/2602.22544',
    ]) {
      const a = await answerQuery(db, q, 10);
      expect(a.hits[0]?.hit.doc.name, q).toBe('HARU-Net');
      expect(a.hits[0]?.pasted).toBe(true);
      expect(a.hits[0]?.why).toEqual({ label: 'by its id', text: 'arXiv 2602.22544' });
      expect(a.reference).toEqual({ label: 'arXiv 2602.22544', found: 1 });
      expect(a.hits.filter((h) => h.hit.doc.key === '2602.22544')).toHaveLength(1);
    }
    // The digest sentence naming both papers comes after: PatchDenoiser cites HARU-Net's address.
    expect(await names('2602.22544')).toContain('PatchDenoiser');
  });

  it('finds the paper whose code a GitHub address names', async () => {
    expect((await names('https://github.com/NedumCares/BIUS-Classification'))[0]).toBe('HADS-Net');
  });

  it('says when no paper has the id pasted', async () => {
    const a = await answerQuery(db, 'https://arxiv.org/abs/2401.00001', 10);
    expect(a.reference).toEqual({ label: 'arXiv 2401.00001', found: 0 });
    expect(a.hits).toEqual([]);
  });
});

describe('why results matched', () => {
  it('gives results matched outside their title a snippet holding the words', async () => {
    const a = await answerQuery(db, 'segmentation', 30);
    const outside = a.hits.filter((h) => !h.hit.doc.fields.title.includes('segmentation') && !h.hit.doc.fields.name.includes('segmentation'));
    expect(outside.length).toBeGreaterThan(0);
    for (const h of outside) {
      expect(h.why, h.hit.doc.title).toBeDefined();
      // The word it matched by, typos included ("augmentation" is within two edits).
      const words = titleKey(h.why!.text).split(' ');
      expect(
        unexplained(h.hit).some((w) => words.includes(w)),
        h.why!.text,
      ).toBe(true);
    }
    const nazarbayev = (await answerQuery(db, 'Nazarbayev', 5)).hits.find((h) => h.hit.doc.name === 'HADS-Net' || h.hit.doc.title === 'HADS-Net');
    expect(nazarbayev?.why).toEqual({ label: 'institution', text: 'Nazarbayev University' });
  });

  it('counts beyond the page', async () => {
    const a = await answerQuery(db, 'y:2026', 30);
    expect(a.hits).toHaveLength(30);
    expect(a.total).toBeGreaterThan(100);
    expect(a.exact).toBe(true);
  });
});
