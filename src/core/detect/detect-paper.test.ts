import { describe, expect, it } from 'vitest';
import { detectPaper } from './detect-paper.ts';
import type { PageMeta } from './types.ts';

describe('detectPaper with page meta', () => {
  it('prefers a valid citation_arxiv_id but keeps the version the address names', () => {
    expect(detectPaper('https://arxiv.org/abs/2203.14206v2', { citation_arxiv_id: '2203.14206' })).toEqual({
      ref: { kind: 'arxiv', id: '2203.14206', version: 2 },
      pageKind: 'abs',
    });
    expect(detectPaper('https://arxiv.org/abs/2203.14206v2', { citation_arxiv_id: '2604.02330' })).toEqual({
      ref: { kind: 'arxiv', id: '2604.02330' },
      pageKind: 'abs',
    });
  });

  it('ignores an invalid citation_arxiv_id', () => {
    expect(detectPaper('https://arxiv.org/abs/2203.14206', { citation_arxiv_id: '0704.0000' })?.ref).toEqual({
      kind: 'arxiv',
      id: '2203.14206',
    });
  });

  it('takes citation_arxiv_id on a page whose address gives nothing', () => {
    expect(detectPaper('https://arxiv.org/abs/', { citation_arxiv_id: 'hep-th/9901001' })).toEqual({
      ref: { kind: 'arxiv', id: 'hep-th/9901001' },
      pageKind: 'abs',
    });
  });

  it('reads og:url only when the address itself gives nothing', () => {
    expect(detectPaper('https://arxiv.org/abs/', { 'og:url': 'https://arxiv.org/abs/2604.02330v1' })).toEqual({
      ref: { kind: 'arxiv', id: '2604.02330', version: 1 },
      pageKind: 'abs',
    });
    expect(detectPaper('https://arxiv.org/abs/2203.14206', { 'og:url': 'https://arxiv.org/abs/2604.02330v1' })?.ref).toEqual({
      kind: 'arxiv',
      id: '2203.14206',
    });
  });

  it('carries citation_title along as the title, whitespace collapsed', () => {
    expect(detectPaper('https://arxiv.org/abs/1706.03762', { citation_title: '  Attention Is\n All You Need ' })?.title).toBe('Attention Is All You Need');
  });

  it('falls back to a title ref on a paper page with no valid id', () => {
    expect(detectPaper('https://arxiv.org/abs/0704.0000', { citation_title: 'Takeuchi’s Information Criteria' })).toEqual({
      ref: { kind: 'title', title: 'Takeuchi’s Information Criteria', key: 'takeuchi s information criteria' },
      pageKind: 'abs',
      title: 'Takeuchi’s Information Criteria',
    });
    expect(detectPaper('https://www.alphaxiv.org/abs/some-slug', { citation_title: 'A Paper' })?.pageKind).toBe('mirror');
  });

  it('gives no title ref on listing pages, other sites or for an empty title', () => {
    expect(detectPaper('https://arxiv.org/list/cs.LG/recent', { citation_title: 'A Paper' })).toBeUndefined();
    expect(detectPaper('https://example.org/paper', { citation_title: 'A Paper' })).toBeUndefined();
    expect(detectPaper('https://arxiv.org/abs/0704.0000', { citation_title: ' — ' })).toBeUndefined();
  });

  it('takes display case from the nwo meta or og:url on GitHub, only for the same repository', () => {
    const url = 'https://github.com/compvis/stable-diffusion/tree/main';
    expect(detectPaper(url, { 'octolytics-dimension-repository_nwo': 'CompVis/stable-diffusion' })?.ref).toEqual({
      kind: 'github-repo',
      key: 'compvis/stable-diffusion',
      owner: 'CompVis',
      repo: 'stable-diffusion',
    });
    expect(detectPaper(url, { 'og:url': 'https://github.com/CompVis/Stable-Diffusion' })?.ref).toMatchObject({
      owner: 'CompVis',
      repo: 'Stable-Diffusion',
    });
    expect(detectPaper(url, { 'octolytics-dimension-repository_nwo': 'Other/Repo' })?.ref).toMatchObject({
      owner: 'compvis',
      repo: 'stable-diffusion',
    });
    expect(detectPaper('https://github.com/deeplora-unfolding', { 'og:url': 'https://github.com/DeepLoRA-Unfolding' })).toEqual({
      ref: { kind: 'github-org', key: 'deeplora-unfolding', owner: 'DeepLoRA-Unfolding' },
      pageKind: 'org',
    });
  });

  it('never turns a GitHub page into an arXiv paper', () => {
    expect(detectPaper('https://github.com/settings', { citation_arxiv_id: '2203.14206' })).toBeUndefined();
    expect(detectPaper('https://github.com/open-mmlab/mmpose', { citation_arxiv_id: '2203.14206' })?.ref.kind).toBe('github-repo');
  });

  it('accepts an address without a scheme', () => {
    expect(detectPaper('arxiv.org/abs/2203.14206')?.ref).toEqual({ kind: 'arxiv', id: '2203.14206' });
  });

  it('survives meta values that are not strings', () => {
    const meta = { citation_arxiv_id: 42, citation_title: null, 'og:url': {} } as unknown as PageMeta;
    expect(detectPaper('https://arxiv.org/abs/2203.14206', meta)?.ref).toEqual({ kind: 'arxiv', id: '2203.14206' });
  });
});
