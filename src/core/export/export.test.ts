import { describe, expect, it } from 'vitest';
import { digest } from '../../../tests/support/make-digest.ts';
import { addDigest } from '../index/add-digest.ts';
import { MemoryStore } from '../index/memory-store.ts';
import { toBibtex } from './bibtex.ts';
import { toMarkdown } from './markdown.ts';

async function papers() {
  const s = new MemoryStore();
  const d = digest('a', '2026-02-28', [
    { name: 'HARU-Net', title: 'HARU-Net: Hybrid Attention Residual U-Net for {CBCT} Denoising & 50% less noise', arxiv: '2602.22544', code: ['https://github.com/x/haru-net'], datasets: ['CBCT_1'] },
    { name: 'PAD' },
  ]);
  await addDigest(s, { ...d, papers: d.papers.map((m, i) => (i === 0 ? { ...m, authors: ['Naveed', 'Pauwels'] } : m)) });
  return [...s.papers.values()];
}

describe('BibTeX export', () => {
  it('writes arXiv @misc entries with escaped fields and unique keys', async () => {
    const bib = toBibtex(await papers());
    expect(bib).toContain('@misc{naveed2026haru,');
    expect(bib).toContain('title = {HARU-Net: Hybrid Attention Residual U-Net for \\{CBCT\\} Denoising \\& 50\\% less noise}');
    expect(bib).toContain('author = {Naveed and Pauwels}');
    expect(bib).toContain('eprint = {2602.22544}');
    expect(bib).toContain('archivePrefix = {arXiv}');
    expect(bib).toContain('@misc{p2026paper,');
    expect(bib.match(/@misc\{/g)).toHaveLength(2);
    // Braces balance in every entry.
    for (const entry of bib.split('\n\n')) {
      const unescaped = entry.replace(/\\[{}]/g, '');
      expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
    }
  });
});

describe('Markdown export', () => {
  it('lists papers with links, code and datasets, escaping link text', async () => {
    const md = toMarkdown('Theme [1]', await papers());
    expect(md).toContain('## Theme \\[1\\]');
    expect(md).toContain('- [HARU-Net: Hybrid Attention Residual U-Net for {CBCT} Denoising & 50% less noise](https://arxiv.org/abs/2602.22544) · code: [x/haru-net](https://github.com/x/haru-net) · datasets: CBCT\\_1');
    expect(md).toContain('- PAD');
  });
});

describe('empty and minimal lists', () => {
  it('writes nothing for no papers, and a heading alone in Markdown', () => {
    expect(toBibtex([])).toBe('');
    expect(toMarkdown('Nothing', [])).toBe('## Nothing\n\n');
  });
});
