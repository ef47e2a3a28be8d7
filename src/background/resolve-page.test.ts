import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digest } from '../../tests/support/make-digest.ts';
import { closeDb, writeDigest } from '../db/index.ts';
import { learnFrom, writesDone } from './learn.ts';
import { resolvePage, viewOf } from './resolve-page.ts';

const TITLE = 'Plug-in Losses for Evidential Deep Learning';
const HARU = 'HARU-Net: Hybrid Attention Residual U-Net';

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await writeDigest(
    digest('d1', '2026-05-23', [
      { name: TITLE, title: TITLE, theme: 0 },
      { name: 'HARU-Net', title: HARU, arxiv: '2602.22544', theme: 0 },
    ]),
  );
});
afterEach(closeDb);

const info = (url: string, title: string, id: string) => ({ url, meta: { citation_title: title, citation_arxiv_id: id } });

describe('resolvePage', () => {
  it('decides a PDF tab from its address alone', async () => {
    const r = await resolvePage('https://arxiv.org/pdf/2602.22544v2', undefined);
    expect(r.detection?.pageKind).toBe('pdf');
    expect((await viewOf(r))?.status).toBe('found');
    expect(r.brief?.status).toBe('found');
  });

  it('finds a paper by its page title; the id is remembered for the PDF tab after the answer', async () => {
    const abs = 'https://arxiv.org/abs/2605.12345';
    expect((await resolvePage('https://arxiv.org/pdf/2605.12345', undefined)).brief?.status).toBe('not-indexed');
    const r = await resolvePage(abs, info(abs, TITLE, '2605.12345'));
    expect(r.brief?.status).toBe('found');
    expect((await viewOf(r))?.papers[0]?.paper.title).toBe(TITLE);
    // The lookup only reads: the id is written by the queued write that follows it.
    expect(r.learnt?.arxivId).toBe('2605.12345');
    expect((await resolvePage('https://arxiv.org/pdf/2605.12345', undefined)).brief?.status).toBe('not-indexed');
    const learnt: string[] = [];
    learnFrom(r, (id) => learnt.push(id));
    await writesDone();
    expect(learnt).toEqual(['2605.12345']);
    expect((await resolvePage('https://arxiv.org/pdf/2605.12345', undefined)).brief?.status).toBe('found');
  });

  it('ignores meta tags read from another address (an in-page navigation since)', async () => {
    const r = await resolvePage('https://arxiv.org/abs/2605.12345', info('https://arxiv.org/abs/2601.00001', TITLE, '2605.12345'));
    expect(r.brief?.status).toBe('not-indexed');
  });

  it('does not take a title match whose paper has another arXiv id', async () => {
    const abs = 'https://arxiv.org/abs/2605.99999';
    const r = await resolvePage(abs, info(abs, HARU, '2605.99999'));
    expect(r.brief?.status).toBe('not-indexed');
    // …while the same title on the paper's own page does match.
    const own = 'https://arxiv.org/abs/2602.22544';
    expect((await resolvePage(own, info(own, HARU, '2602.22544'))).brief?.status).toBe('found');
  });

  it('answers nothing for pages that show no paper', async () => {
    expect(await resolvePage('https://arxiv.org/list/cs.CV/recent', undefined)).toEqual({});
    expect(await resolvePage('https://github.com/search?q=x', undefined)).toEqual({});
  });
});
