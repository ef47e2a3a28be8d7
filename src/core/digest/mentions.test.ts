import { describe, expect, it } from 'vitest';
import type { ArxivId } from '../ids/index.ts';
import { parsePostContent } from './index.ts';
import { mergeMentions } from './merge.ts';
import { rawMention } from './raw-mention.ts';

const HEADER = 'Latest 10 papers on testing: Jan. 10, 2026';

function text(...lines: string[]) {
  return parsePostContent([HEADER, ...lines].join('\n'), { format: 'text', url: 'https://scipapermill.com/2026/01/10/t/' });
}

function html(body: string) {
  return parsePostContent(`<h3>${HEADER}</h3>${body}`, { format: 'html' });
}

describe('mentions in prose', () => {
  it('gives each paper in a sentence its own people', () => {
    const d = text(
      'The Big Idea(s) & Core Innovations',
      'In continual learning, Ada Lovelace and Alan Turing (University of Cambridge) investigate “Exploring Update Magnitude in Continual Learning”, revealing a balance, while Grace Hopper and Edsger Dijkstra (Eindhoven University of Technology) in “Understanding Rehearsal Scale Under Capacity” provide insights.',
    );
    expect(d.papers.map((p) => [p.name, p.authors, p.institutions])).toEqual([
      ['Exploring Update Magnitude in Continual Learning', ['Ada Lovelace', 'Alan Turing'], ['University of Cambridge']],
      ['Understanding Rehearsal Scale Under Capacity', ['Grace Hopper', 'Edsger Dijkstra'], ['Eindhoven University of Technology']],
    ]);
  });

  it('attaches Impact "Name (arXiv URL)" pairs to the paper named earlier, and keeps new ones', () => {
    const d = text(
      'The Big Idea(s) & Core Innovations',
      'Bound to Disagree: Generalization Bounds via Certifiable Surrogates by Bazinet et al. offers bounds. HARU-Net: Hybrid Attention U-Net by Naveed and Pauwels denoises CT.',
      'Impact & The Road Ahead',
      'Models like HARU-Net (https://arxiv.org/pdf/2602.22544) help. The work on generalization bounds (https://arxiv.org/pdf/2602.23128) and SGD convergence (https://arxiv.org/pdf/2602.20646) deepens theory.',
    );
    const byName = new Map(d.papers.map((p) => [p.name, p]));
    expect(byName.get('Bound to Disagree')).toMatchObject({ arxivId: '2602.23128', sections: ['bigIdeas', 'impact'] });
    expect(byName.get('HARU-Net')).toMatchObject({ arxivId: '2602.22544', sections: ['bigIdeas', 'impact'], authors: ['Naveed', 'Pauwels'] });
    expect(byName.get('SGD convergence')).toMatchObject({ arxivId: '2602.20646', sections: ['impact'] });
    expect(d.papers).toHaveLength(3);
  });

  it('takes the arXiv id of a link around the authors’ names for the title beside it', () => {
    const d = html(
      '<h3>The Big Ideas &amp; Core Innovations</h3><p>Rehearsal returns. <a href="https://arxiv.org/abs/2609.03456">Chen et al.</a> from <em>University of Oxford</em> propose &#8220;Replay Budgets That Scale: Memory-Efficient Rehearsal&#8221;, which keeps memory fixed.</p>',
    );
    expect(d.papers).toHaveLength(1);
    expect(d.papers[0]).toMatchObject({
      name: 'Replay Budgets That Scale',
      title: 'Replay Budgets That Scale: Memory-Efficient Rehearsal',
      arxivId: '2609.03456',
      authors: ['Chen'],
      institutions: ['University of Oxford'],
    });
  });

  it('reads institutions from <em> in HTML', () => {
    const d = html(
      '<h3>The Big Idea(s) &amp; Core Innovations</h3><p>For instance, researchers from <em>Sun Yat-Sen University</em> and <em>National Supercomputing Center in Shenzhen</em> in their paper, <a href="https://arxiv.org/pdf/2604.14779">AIM: Asymmetric Information Masking</a>, discovered it.</p>',
    );
    expect(d.papers[0]).toMatchObject({
      name: 'AIM',
      arxivId: '2604.14779',
      institutions: ['Sun Yat-Sen University', 'National Supercomputing Center in Shenzhen'],
    });
  });

  it('does not make papers of institutions or common acronyms', () => {
    const d = text('The Big Idea(s) & Core Innovations', 'SENSE from SMART and MIT synthesizes imagery with GNNs and LLMs, outperforming CNN baselines.');
    expect(d.papers.map((p) => p.name)).toEqual(['SENSE']);
  });
});

describe('mentions in bullets', () => {
  it('reads a "Code:" pointing at an arXiv PDF as the paper’s id, not code', () => {
    const d = text(
      'Under the Hood: Models, Datasets, & Benchmarks',
      '- LAPLEX: trainable kernels by Łukasz Struski et al. (LAPLEX: The FFT of Learnable Laplace Kernels). Code: https://arxiv.org/pdf/2605.24584.',
    );
    expect(d.papers[0]).toMatchObject({
      name: 'LAPLEX',
      title: 'LAPLEX: The FFT of Learnable Laplace Kernels',
      arxivId: '2605.24584',
      codeUrls: [],
      authors: ['Łukasz Struski'],
    });
  });

  it('dedupes a repeated bullet into one paper with both contexts', () => {
    const d = text(
      'Under the Hood: Models, Datasets, & Benchmarks',
      '- DRL-CLBA: an attack, validated on SCD and ESD datasets.',
      '- Other-Net: something else.',
      '- DRL-CLBA: the same attack again.',
    );
    expect(d.papers.map((p) => p.name)).toEqual(['DRL-CLBA', 'Other-Net']);
    expect(d.papers[0]!.contexts).toHaveLength(2);
    expect(d.papers[0]!.datasets).toEqual(['SCD', 'ESD']);
  });

  it('keeps two papers with one short name apart when their arXiv ids differ', () => {
    const d = text(
      'Under the Hood: Models, Datasets, & Benchmarks',
      '- PAD: one paper (https://arxiv.org/abs/2601.00001).',
      '- PAD: another paper (https://arxiv.org/abs/2601.00002).',
    );
    expect(d.papers.map((p) => p.arxivId)).toEqual(['2601.00001', '2601.00002']);
  });
});

describe('mergeMentions', () => {
  it('merges by arXiv id, title or short name and keeps sections in order', () => {
    const a = { ...rawMention('HARU-Net', 'bigIdeas', 'a', 0, 0), title: 'HARU-Net: Hybrid Attention' };
    const b = { ...rawMention('Hybrid Attention', 'underTheHood', 'b', 1), arxivId: '2602.22544' as ArxivId, title: 'HARU-Net: Hybrid Attention' };
    const c = { ...rawMention('HARU-Net', 'impact', 'c', 2), codeUrls: [{ url: 'https://github.com/x/y', kind: 'repo' as const, github: 'x/y' }] };
    const [m, ...rest] = mergeMentions([a, b, c]);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ name: 'HARU-Net', arxivId: '2602.22544', sections: ['bigIdeas', 'underTheHood', 'impact'], theme: 0, context: 'a' });
    expect(m!.contexts.map((x) => x.text)).toEqual(['a', 'b', 'c']);
    expect(m!.codeUrls).toHaveLength(1);
  });

  it('matches a plain phrase to the one title containing it, and only then', () => {
    const titled = { ...rawMention('Bound to Disagree', 'bigIdeas', 'x', 0), title: 'Bound to Disagree: Generalization Bounds via Certifiable Surrogates' };
    const weak = { ...rawMention('generalization bounds', 'impact', 'y', 1), weak: true, arxivId: '2602.23128' as ArxivId };
    const other = { ...rawMention('SGD convergence', 'impact', 'z', 2), weak: true };
    expect(mergeMentions([titled, weak, other]).map((m) => [m.name, m.arxivId])).toEqual([
      ['Bound to Disagree', '2602.23128'],
      ['SGD convergence', undefined],
    ]);
  });
});

describe('italics', () => {
  it('reads italics as institutions only outside titles', () => {
    const d = html(
      '<h3>The Big Ideas &amp; Core Innovations</h3><p>The <a href="https://arxiv.org/abs/2609.01234"><em>LoRA-Keep</em>: Adapters That Never Forget</a> paper from <em>Tsinghua University</em> is <em>really quite remarkably and surprisingly good in so many different ways at once</em>.</p>',
    );
    expect(d.papers.map((p) => [p.name, p.institutions])).toEqual([['LoRA-Keep', ['Tsinghua University']]]);
  });
});
