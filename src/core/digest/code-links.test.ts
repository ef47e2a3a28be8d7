import { describe, expect, it } from 'vitest';
import { classifyLink } from './code-links.ts';

describe('classifyLink', () => {
  it('turns any arXiv address into an id, never code', () => {
    for (const href of [
      'https://arxiv.org/pdf/2602.22544',
      'https://arxiv.org/pdf/2602.22544v2.pdf',
      'http://www.arxiv.org/abs/2602.22544v1/',
      'https://export.arxiv.org/abs/2602.22544?context=cs',
      'https://arxiv.org/html/2602.22544v1#S3',
      'https://www.alphaxiv.org/overview/2602.22544',
      'https://huggingface.co/papers/2602.22544',
      'https://doi.org/10.48550/arXiv.2602.22544',
    ]) {
      expect(classifyLink(href), href).toEqual({ kind: 'arxiv', id: '2602.22544' });
    }
    expect(classifyLink('https://arxiv.org/abs/hep-th/9901001')).toEqual({ kind: 'arxiv', id: 'hep-th/9901001' });
  });

  it('cleans GitHub links: no .git, no trailing slash, no full stop', () => {
    expect(classifyLink('https://github.com/SattamAltwaim/PILOT.git.')).toEqual({
      kind: 'code',
      link: { url: 'https://github.com/SattamAltwaim/PILOT', kind: 'repo', github: 'sattamaltwaim/pilot' },
    });
    expect(classifyLink('https://github.com/kailaisun/GenAI4Urban-Energy/')).toEqual({
      kind: 'code',
      link: { url: 'https://github.com/kailaisun/GenAI4Urban-Energy', kind: 'repo', github: 'kailaisun/genai4urban-energy' },
    });
    expect(classifyLink('https://github.com/kuixu/cryonet.refine')).toEqual({
      kind: 'code',
      link: { url: 'https://github.com/kuixu/cryonet.refine', kind: 'repo', github: 'kuixu/cryonet.refine' },
    });
    expect(classifyLink('https://github.com/zju/AnomalyCLIP/tree/main/')).toMatchObject({ link: { url: 'https://github.com/zju/AnomalyCLIP' } });
    expect(classifyLink('https://github.com/google/research/tree/main/foo')).toMatchObject({
      link: { url: 'https://github.com/google/research/tree/main/foo', github: 'google/research' },
    });
  });

  it('knows an organisation link from a repository link', () => {
    expect(classifyLink('https://github.com/DeepLoRA-Unfolding')).toEqual({
      kind: 'code',
      link: { url: 'https://github.com/DeepLoRA-Unfolding', kind: 'org', github: 'deeplora-unfolding' },
    });
  });

  it('takes forges as code and other sites only when the text says so', () => {
    expect(classifyLink('https://anonymous.4open.science/r/MKG-CARE-8B7B]')).toEqual({
      kind: 'code',
      link: { url: 'https://anonymous.4open.science/r/MKG-CARE-8B7B', kind: 'repo' },
    });
    expect(classifyLink('https://gitlab.com/group/project.git')).toEqual({ kind: 'code', link: { url: 'https://gitlab.com/group/project', kind: 'repo' } });
    expect(classifyLink('https://spdlearn.org.', 'integrating with Nilearn. Available at ')).toEqual({
      kind: 'code',
      link: { url: 'https://spdlearn.org', kind: 'site' },
    });
    expect(classifyLink('https://www.timeseriesclassification.com', 'Benchmarked on datasets from ')).toEqual({ kind: 'other' });
    expect(classifyLink('https://example.org/project', '', 'Project page')).toEqual({
      kind: 'code',
      link: { url: 'https://example.org/project', kind: 'site' },
    });
  });

  it('never takes a DOI or a broken address as code', () => {
    expect(classifyLink('https://doi.org/10.1007/s10586-026-06142-5', 'Code: ')).toEqual({ kind: 'doi' });
    expect(classifyLink('https://archive', 'Code: ')).toEqual({ kind: 'other' });
    expect(classifyLink('javascript:alert(1)', 'Code: ')).toEqual({ kind: 'other' });
    expect(classifyLink('not a url')).toEqual({ kind: 'other' });
  });
});
