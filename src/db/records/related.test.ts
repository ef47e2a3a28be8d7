// What the side panel lists beside a paper: its theme's papers with their roles, never itself
// under another name; and, for a page no digest names, the index's closest papers and digests.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseFiles, SEEDS_DIR } from '../../../scripts/cli.ts';
import { digest } from '../../../tests/support/make-digest.ts';
import { openDigestDb } from '../schema.ts';
import { neighboursOfText, searchIndexReady } from '../search/index.ts';
import { lookupIn } from './lookup.ts';
import { writeDigestTo } from './write.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const arxiv = (id: string) => ({ kind: 'arxiv' as const, id: id as never });

describe('related papers', () => {
  it('lists only the papers of the theme a digest puts it in, each with its role', async () => {
    const db = await openDigestDb();
    await writeDigestTo(
      db,
      digest('a', '2026-05-23', [
        { name: 'HARU-Net', arxiv: '2605.00001', theme: 0, context: 'HARU-Net by Naveed introduces a hybrid attention U-Net that denoises CT scans.' },
        { name: 'PatchDenoiser', arxiv: '2605.00002', theme: 0, context: 'PatchDenoiser offers a lightweight denoiser for medical images.' },
        // Named in another theme, and again in the first paper's bullet section: not "in this theme".
        { name: 'XMorph', arxiv: '2605.00003', theme: 1, context: 'XMorph explains brain tumour analysis with language models.' },
      ]),
    );
    const view = await lookupIn(db, arxiv('2605.00001'));
    const related = view.papers[0]!.related;
    expect(related.map((r) => [r.name, r.via, r.reason])).toEqual([['PatchDenoiser', 'theme', 'Offers a lightweight denoiser for medical images']]);
  });

  it('never lists the paper itself under another name', async () => {
    const db = await openDigestDb();
    await writeDigestTo(
      db,
      digest('a', '2026-05-23', [
        { name: 'SpaRL', title: 'Sparse Routers for Lifelong Language Learning', theme: 0 },
        { name: 'Other', arxiv: '2605.00002', theme: 0 },
      ]),
    );
    await writeDigestTo(
      db,
      digest('b', '2026-05-30', [
        // The same paper as a short name only, in the same theme of another week.
        { name: 'SpaRL', theme: 0 },
        { name: 'Neighbour', arxiv: '2605.00009', theme: 0 },
      ]),
    );
    const view = await lookupIn(db, {
      kind: 'title',
      title: 'Sparse Routers for Lifelong Language Learning',
      key: 'sparse routers for lifelong language learning',
    });
    expect(view.papers[0]!.related.map((r) => r.name)).toEqual(['Other']);
  });
});

describe('the papers closest to a page no digest names', () => {
  it("finds the seeds' papers sharing the rarest words of a title and abstract, with those words", async () => {
    const db = await openDigestDb();
    for (const d of parseFiles([SEEDS_DIR], { out: () => undefined, err: () => undefined }).digests) await writeDigestTo(db, d);
    await searchIndexReady(db);
    const near = await neighboursOfText(
      db,
      'Edge-preserving denoising for low-dose cone-beam CT',
      'We denoise cone-beam computed tomography scans with a residual attention network that keeps anatomical edges.',
      5,
    );
    expect(near.length).toBeGreaterThan(0);
    expect(near[0]).toMatchObject({ kind: 'paper', arxivId: '2602.22544' });
    expect(near[0]!.terms.length).toBeGreaterThanOrEqual(2);
    // A text with no word the index knows finds nothing.
    expect(await neighboursOfText(db, 'Quixotic zymurgy of vexillology', '', 5)).toEqual([]);
  });
});
