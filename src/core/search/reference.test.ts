import { describe, expect, it } from 'vitest';
import { digest } from '../../../tests/support/make-digest.ts';
import { addDigest } from '../index/add-digest.ts';
import { MemoryStore } from '../index/memory-store.ts';
import { paperDoc } from './document.ts';
import { linearSearch } from './match.ts';
import { parseQuery, queryNotes } from './query.ts';
import { pastedReference, referenceLabel } from './reference.ts';
import { reasonFor, snippet } from './why.ts';

describe('pastedReference', () => {
  it('reads arXiv ids and the addresses of arXiv, its mirrors and GitHub', () => {
    const id = { kind: 'arxiv', id: '2602.22544' };
    for (const text of [
      '2602.22544',
      ' 2602.22544v2 ',
      'arXiv:2602.22544',
      'arxiv.org/abs/2602.22544',
      'https://arxiv.org/abs/2602.22544v1',
      'https://arxiv.org/pdf/2602.22544v2.pdf',
      'https://arxiv.org/html/2602.22544v1',
      'https://www.alphaxiv.org/abs/2602.22544',
      'https://huggingface.co/papers/2602.22544',
      'https://scirate.com/arxiv/2602.22544',
      '<https://arxiv.org/abs/2602.22544>',
    ]) {
      expect(pastedReference(text), text).toMatchObject(id);
    }
    expect(pastedReference('https://github.com/NedumCares/BIUS-Classification/tree/main')).toMatchObject({
      kind: 'github-repo',
      key: 'nedumcares/bius-classification',
    });
    expect(referenceLabel(pastedReference('github.com/chr-is-tof/RADE-Net')!)).toBe('github.com/chr-is-tof/RADE-Net');
    expect(referenceLabel(pastedReference('2602.22544')!)).toBe('arXiv 2602.22544');
  });

  it('leaves words, filters and other addresses to the word search', () => {
    for (const text of [
      'segmentation',
      'HARU-Net',
      'y:2026',
      'c:',
      'medical imaging',
      '2026',
      'u-net 2602.22544',
      'https://scipapermill.com/2026/05/23/x/',
      'https://github.com/openai',
      'cifar-10',
      'v1.2',
    ]) {
      expect(pastedReference(text), text).toBeUndefined();
    }
  });
});

describe('queryNotes and c:', () => {
  it('reads c:word as "has code" and the word, and says that c: takes no word', () => {
    expect(parseQuery('c:segmentation')).toMatchObject({ words: ['segmentation'], hasCode: true });
    expect(queryNotes('c:segmentation')).toEqual(['c: takes no word: it means "has code". Searching papers with code for "segmentation".']);
    expect(queryNotes('segmentation c:')).toEqual([]);
    expect(queryNotes('x:foo')).toEqual(['x: is no filter (t:, y: and c: are); it was searched as a word.']);
    expect(queryNotes('https://arxiv.org/abs/2602.22544 t:deep y:2026')).toEqual([]);
  });
});

describe('why a result matched', () => {
  it('shows the institution or the digest sentence the words came from, not the title', async () => {
    const s = new MemoryStore();
    await addDigest(
      s,
      digest('a', '2026-05-23', [
        {
          name: 'MalariAI',
          context:
            'MalariAI detects malaria parasites in blood smears with instance segmentation of infected cells, trained on thousands of annotated images from clinics across three countries and validated in field studies.',
        },
        { name: 'SegNet2', title: 'SegNet2: segmentation again' },
      ]),
    );
    const papers = [...s.papers.values()];
    const docs = papers.map(paperDoc);
    const hits = linearSearch(docs, parseQuery('segmentation'));
    const malari = hits.find((h) => h.doc.title === 'MalariAI')!;
    const why = reasonFor(
      malari,
      papers.find((p) => p.names[0] === 'MalariAI'),
    );
    expect(why?.label).toBe('digest');
    expect(why?.text).toContain('segmentation');
    expect(why!.text.length).toBeLessThanOrEqual(150);
    // The title shows why: nothing more to say.
    const seg = hits.find((h) => h.doc.title.startsWith('SegNet2'))!;
    expect(
      reasonFor(
        seg,
        papers.find((p) => p.names[0] === 'SegNet2'),
      ),
    ).toBeUndefined();
  });

  it('cuts a long sentence around the first matched word, at word boundaries', () => {
    const text = `${'lorem ipsum '.repeat(20)}the segmentation of cells ${'dolor sit '.repeat(20)}`;
    const s = snippet(text, ['segmentation']);
    expect(s.startsWith('… ')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
    expect(s).toContain('segmentation of cells');
    expect(s.length).toBeLessThanOrEqual(146);
  });
});
