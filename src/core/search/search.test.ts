import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digest } from '../../../tests/support/make-digest.ts';
import { addDigest } from '../index/add-digest.ts';
import { MemoryStore } from '../index/memory-store.ts';
import { digestDoc, paperDoc } from './document.ts';
import { typoBudget, withinDistance } from './edit-distance.ts';
import { highlight } from './highlight.ts';
import { linearSearch } from './match.ts';
import { isEmptyQuery, parseQuery } from './query.ts';

describe('parseQuery', () => {
  it('reads words, phrases and filters', () => {
    expect(parseQuery('breast "ultrasound classification" t:"deep learning" y:>2025 c:')).toEqual({
      words: ['breast'],
      phrases: ['ultrasound classification'],
      topics: ['deep learning'],
      years: { min: 2026 },
      hasCode: true,
      prefixLast: false,
    });
  });

  it('treats the last word as a prefix while typing', () => {
    expect(parseQuery('hads seg').prefixLast).toBe(true);
    expect(parseQuery('hads net ').prefixLast).toBe(false);
    // One or two letters would complete to thousands of words: they match as typed.
    expect(parseQuery('hads ne').prefixLast).toBe(false);
    expect(parseQuery('s').prefixLast).toBe(false);
    expect(parseQuery('HADS-Net').words).toEqual(['hads', 'net']);
  });

  it('understands year forms and intersects repeated ones', () => {
    expect(parseQuery('y:2026').years).toEqual({ min: 2026, max: 2026 });
    expect(parseQuery('y:<=2026').years).toEqual({ max: 2026 });
    expect(parseQuery('y:<2026').years).toEqual({ max: 2025 });
    expect(parseQuery('y:2024..2026 y:>2024').years).toEqual({ min: 2025, max: 2026 });
  });

  it('searches a broken filter as words and ignores a filter still being typed', () => {
    expect(parseQuery('y:20x').words).toEqual(['y', '20x']);
    expect(parseQuery('t:').words).toEqual([]);
    expect(isEmptyQuery(parseQuery('t: '))).toBe(true);
    expect(parseQuery('t:fed').topics).toEqual(['fed']);
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        parseQuery(s);
      }),
    );
  });
});

describe('edit distance', () => {
  it('allows 1 typo for 5–8 letters, 2 above, none below', () => {
    expect(typoBudget('segm')).toBe(0);
    expect(typoBudget('segmen')).toBe(1);
    expect(typoBudget('segmantation')).toBe(2);
    expect(withinDistance('segmentation', 'segmantation', 2)).toBe(true);
    expect(withinDistance('uncertainty', 'uncertianty', 1)).toBe(true); // a transposition is one edit
    expect(withinDistance('dataset', 'datasets', 1)).toBe(true);
    expect(withinDistance('dataset', 'database', 1)).toBe(false);
  });
});

async function docs() {
  const s = new MemoryStore();
  await addDigest(s, digest('old', '2025-11-01', [{ name: 'OldNet', title: 'OldNet: segmentation of things', code: ['https://github.com/a/oldnet'] }]));
  await addDigest(s, {
    ...digest('new', '2026-05-23', [
      {
        name: 'HADS-Net',
        datasets: ['BUSI'],
        code: ['https://github.com/NedumCares/BIUS-Classification'],
        context: 'HADS-Net classifies breast ultrasound images.',
      },
      { name: 'SegFormer', title: 'Robust segmentation under shift', context: 'Medical image segmentation.' },
    ]),
    topic: 'medical imaging',
  });
  return [...[...s.papers.values()].map(paperDoc), ...[...s.digests.values()].map(digestDoc)];
}

describe('linearSearch', () => {
  it('ranks a title match above a context match, and finds misspellings and short names', async () => {
    const all = await docs();
    const seg = linearSearch(all, parseQuery('segmentation'));
    expect(seg.map((h) => h.doc.key)).toEqual(['t:robust segmentation under shift', 't:oldnet segmentation of things']);
    expect(linearSearch(all, parseQuery('segmantation')).map((h) => h.doc.key)).toContain('t:robust segmentation under shift');
    expect(linearSearch(all, parseQuery('HADS-Net'))[0]!.doc.name ?? linearSearch(all, parseQuery('HADS-Net'))[0]!.doc.title).toBe('HADS-Net');
    expect(linearSearch(all, parseQuery('busi'))[0]!.doc.title).toBe('HADS-Net');
    expect(linearSearch(all, parseQuery('ultrasou'))[0]!.doc.title).toBe('HADS-Net');
  });

  it('applies t:, y:, c: and phrases', async () => {
    const all = await docs();
    expect(linearSearch(all, parseQuery('segmentation y:2025')).map((h) => h.doc.key)).toEqual(['t:oldnet segmentation of things']);
    expect(linearSearch(all, parseQuery('segmentation c:')).map((h) => h.doc.key)).toEqual(['t:oldnet segmentation of things']);
    expect(linearSearch(all, parseQuery('t:medical c:')).map((h) => h.doc.title)).toEqual(['HADS-Net']);
    expect(linearSearch(all, parseQuery('"breast ultrasound"')).map((h) => h.doc.title)).toEqual(['HADS-Net']);
    expect(linearSearch(all, parseQuery('"ultrasound breast"'))).toEqual([]);
  });

  it('finds digests too, newest first among equals', async () => {
    const all = await docs();
    const hits = linearSearch(all, parseQuery('digest'));
    expect(hits.map((h) => h.doc.key)).toEqual(['new', 'old']);
  });
});

describe('popup queries', () => {
  it('reads the forms the popup hint names, in any order and case', () => {
    expect(parseQuery('C: Y:2026 T:medical hads')).toEqual({
      words: ['hads'],
      phrases: [],
      topics: ['medical'],
      years: { min: 2026, max: 2026 },
      hasCode: true,
      prefixLast: true,
    });
    expect(parseQuery('"half open').phrases).toEqual(['half open']);
    expect(parseQuery('t:"deep neural networks"').topics).toEqual(['deep neural networks']);
  });

  it('filters alone list everything that passes, newest first', async () => {
    const all = await docs();
    expect(linearSearch(all, parseQuery('y:>2025')).map((h) => h.doc.date)).toEqual(['2026-05-23', '2026-05-23', '2026-05-23']);
    expect(linearSearch(all, parseQuery('y:2025..2026 c:')).map((h) => h.doc.title)).toEqual(['HADS-Net', 'OldNet: segmentation of things']);
  });
});

describe('highlight', () => {
  it('marks a word matched through a typo, and nothing in text that did not match', () => {
    expect(
      highlight('Robust segmentation', ['segmentation'])
        .filter((s) => s.hit)
        .map((s) => s.text),
    ).toEqual(['segmentation']);
    expect(highlight('Robust segmentation', [])).toEqual([{ text: 'Robust segmentation', hit: false }]);
  });

  it('marks matched words and typed prefixes, keeping the text intact', () => {
    const segs = highlight('HADS-Net: breast ultrasound', ['hads', 'ultra']);
    expect(segs.map((s) => s.text).join('')).toBe('HADS-Net: breast ultrasound');
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['HADS', 'ultrasound']);
  });
});
