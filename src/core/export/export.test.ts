import { describe, expect, it } from 'vitest';
import { digest } from '../../../tests/support/make-digest.ts';
import type { Digest } from '../digest/types.ts';
import { addDigest } from '../index/add-digest.ts';
import { MemoryStore } from '../index/memory-store.ts';
import { bibtexEntry, bibtexTitle, citeKey, citeKeys, toBibtex } from './bibtex.ts';
import { toMarkdown } from './markdown.ts';

type Extra = { authors?: string[]; context?: string };

async function papersOf(d: Digest, extra: Record<number, Extra> = {}) {
  const s = new MemoryStore();
  await addDigest(s, {
    ...d,
    papers: d.papers.map((m, i) => {
      const e = extra[i];
      if (!e) return m;
      const text = e.context ?? m.context;
      return { ...m, authors: e.authors ?? m.authors, context: text, contexts: [{ ...m.contexts[0]!, text }] };
    }),
  });
  return [...s.papers.values()];
}

async function papers() {
  const d = digest('a', '2026-02-28', [
    {
      name: 'HARU-Net',
      title: 'HARU-Net: Hybrid Attention Residual U-Net for {CBCT} Denoising & 50% less noise',
      arxiv: '2602.22544',
      code: ['https://github.com/x/haru-net'],
      datasets: ['CBCT_1'],
    },
    { name: 'PAD' },
  ]);
  return papersOf(d, { 0: { authors: ['Naveed', 'Pauwels'] } });
}

/** Braces as BibTeX counts them: every one, whatever precedes it. */
function balanced(entry: string): boolean {
  let depth = 0;
  for (const c of entry) {
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('BibTeX export', () => {
  it('writes arXiv @misc entries with escaped fields, protected capitals and unique keys', async () => {
    const bib = toBibtex(await papers());
    expect(bib).toContain('@misc{naveed2026harunet,');
    expect(bib).toContain(
      'title = {{HARU-Net}: Hybrid Attention Residual {U-Net} for \\textbraceleft{}{CBCT}\\textbraceright{} Denoising \\& 50\\% less noise}',
    );
    expect(bib).toContain('author = {Naveed and Pauwels}');
    expect(bib).toContain('eprint = {2602.22544}');
    expect(bib).toContain('archivePrefix = {arXiv}');
    expect(bib).toContain('url = {https://arxiv.org/abs/2602.22544}');
    // No author: the short name stands in, never "p2026…" or "paper".
    expect(bib).toContain('@misc{pad2026,');
    expect(bib.match(/@misc\{/g)).toHaveLength(2);
    for (const entry of bib.split('\n\n')) expect(balanced(entry)).toBe(true);
  });

  it('joins authors with "and", says "and others" for et al., and drops placeholders', async () => {
    const d = digest('b', '2026-05-23', [
      { name: 'PatchDenoiser', title: 'PatchDenoiser: Parameter-efficient multi-scale patch learning', arxiv: '2602.21987' },
      { name: 'XMorph', title: 'XMorph: Explainable Brain Tumor Analysis', context: 'XMorph by John Doe et al. introduces a hybrid framework.' },
      { name: 'Lens', title: 'A Lens on Graphs', context: 'A Lens on Graphs by Leiyue Zhao et al. studies graphs.' },
      { name: 'Pair', title: 'Pairs of Things', context: 'Pairs of Things by Smith and Jones looks at pairs.' },
    ]);
    const ps = await papersOf(d, {
      0: { authors: ['Fartiyal'], context: 'PatchDenoiser by Fartiyal et al. offers a lightweight solution.' },
      1: { authors: ['John Doe'] },
      2: { authors: ['Leiyue Zhao'] },
      3: { authors: ['Smith', 'Jones'] },
    });
    const by = (name: string) => bibtexEntry(ps.find((p) => p.names[0] === name)!);
    expect(by('PatchDenoiser')).toContain('author = {Fartiyal and others}');
    expect(by('Lens')).toContain('author = {Leiyue Zhao and others}');
    expect(by('Lens')).toMatch(/^@misc\{zhao2026lens,/);
    expect(by('Pair')).toContain('author = {Smith and Jones}');
    // A placeholder is no author and no key.
    expect(by('XMorph')).not.toContain('author');
    expect(by('XMorph')).not.toContain('doe');
    expect(by('XMorph')).toMatch(/^@misc\{xmorph2026,/);
  });

  it('takes a first author from a sentence naming the paper when none was recorded, never an institution', async () => {
    const d = digest('e', '2026-07-04', [
      { name: 'Tree height', context: 'Tree height: Max Gaber et al. introduce the Canopy Height Change dataset.' },
      { name: 'IAdaPID-ADG', context: 'IAdaPID-ADG by Indian Institute of Technology Indore et al. is an optimizer.' },
    ]);
    const [tree, pid] = await papersOf(d);
    expect(bibtexEntry(tree!)).toContain('author = {Max Gaber and others}');
    expect(bibtexEntry(pid!)).not.toContain('author =');
    // Styles sort an authorless entry by its key field.
    expect(bibtexEntry(pid!)).toContain('key = {IAdaPID-ADG}');
  });

  it('protects acronyms, CamelCase, model names and proper names, and nothing else', () => {
    expect(bibtexTitle('BrepCoder: A Unified Multimodal LLM for B-rep Reasoning')).toBe('{BrepCoder}: A Unified Multimodal {LLM} for {B-rep} Reasoning');
    expect(bibtexTitle('Interpreting AASIST3 with Bayesian (SHAP) attribution')).toBe('Interpreting {AASIST3} with {Bayesian} ({SHAP}) attribution');
    expect(bibtexTitle('Robustness of breast lesion segmentation under MRI undersampling')).toBe(
      'Robustness of breast lesion segmentation under {MRI} undersampling',
    );
    expect(bibtexTitle('Costs 5$ & ~50% of #1_best {x}')).toBe('Costs 5\\$ \\& \\textasciitilde{}50\\% of \\#1\\_best \\textbraceleft{}x\\textbraceright{}');
  });

  it('never gives a paper a code address that is not its own', async () => {
    const d = digest('c', '2026-02-28', [
      { name: 'BigMaQ Dataset', code: ['https://github.com/open-mmlab/mmpose'] },
      { name: 'SF3D-RGB', code: ['https://github.com/dfki-av/DeepLiDARFlow'] },
      { name: 'RADE-Net', code: ['https://github.com/chr-is-tof/RADE-Net'] },
      { name: 'SPDLern', code: ['https://spdlearn.org'] },
      { name: 'Twin A', code: ['https://github.com/lab/twin'] },
      { name: 'Twin B', code: ['https://github.com/lab/twin'] },
    ]);
    const ps = await papersOf(d);
    const bib = toBibtex(ps);
    const entry = (name: string) => bib.split('\n\n').find((e) => e.includes(`title = {${name}`) || e.includes(`title = {{${name}}`))!;
    expect(entry('BigMaQ')).not.toContain('mmpose');
    expect(entry('SF3D-RGB')).not.toContain('DeepLiDARFlow');
    expect(entry('RADE-Net')).toContain('howpublished = {\\url{https://github.com/chr-is-tof/RADE-Net}}');
    expect(entry('SPDLern')).toContain('url = {https://spdlearn.org}');
    // One address two papers give belongs to neither.
    expect(entry('Twin A')).not.toContain('github');
    expect(entry('Twin B')).not.toContain('github');
  });

  it("makes keys unique in list order and keeps each paper's own key for one entry", async () => {
    const ps = await papers();
    const twice = [ps[0]!, ps[0]!, ps[0]!];
    expect(citeKeys(twice)).toEqual(['naveed2026harunet', 'naveed2026harunetb'.replace('b', 'a'), 'naveed2026harunetb']);
    expect(citeKey(ps[0]!)).toBe('naveed2026harunet');
    expect(bibtexEntry(ps[0]!, { key: 'mine', note: false })).toMatch(/^@misc\{mine,\n[\s\S]*\n\}$/);
    expect(bibtexEntry(ps[0]!, { note: false })).not.toContain('note =');
  });
});

describe('Markdown export', () => {
  it('lists papers with links, code and datasets, escaping link text', async () => {
    const md = toMarkdown('Theme [1]', await papers());
    expect(md).toContain('## Theme \\[1\\]');
    expect(md).toContain(
      '- [HARU-Net: Hybrid Attention Residual U-Net for {CBCT} Denoising & 50% less noise](https://arxiv.org/abs/2602.22544) · code: [x/haru-net](https://github.com/x/haru-net) · datasets: CBCT\\_1',
    );
    expect(md).toContain('- PAD');
  });
});

describe('empty and minimal lists', () => {
  it('writes nothing for no papers, and a heading alone in Markdown', () => {
    expect(toBibtex([])).toBe('');
    expect(toMarkdown('Nothing', [])).toBe('## Nothing\n\n');
  });
});
