import { describe, expect, it } from 'vitest';
import { arxivLinks, arxivSearch, codeLabel, paperHref } from './links.ts';
import { safeHref } from './safe-href.ts';

describe('links', () => {
  it('builds the arXiv pages of an id, old style included', () => {
    expect(arxivLinks('2602.22544')).toEqual({
      abs: 'https://arxiv.org/abs/2602.22544',
      pdf: 'https://arxiv.org/pdf/2602.22544',
      html: 'https://arxiv.org/html/2602.22544',
    });
    expect(arxivLinks('math/0309136').abs).toBe('https://arxiv.org/abs/math/0309136');
  });

  it('opens a related paper by id, else searches its title', () => {
    expect(paperHref({ name: 'X', arxivId: '2602.22544' })).toBe('https://arxiv.org/abs/2602.22544');
    expect(paperHref({ name: 'X', title: 'A & B: "C"' })).toBe(arxivSearch('A & B: "C"'));
    expect(safeHref(paperHref({ name: 'javascript:alert(1)' }))).toMatch(/^https:\/\/arxiv\.org\/search\//);
  });

  it('labels code links as the reader knows them', () => {
    expect(codeLabel({ url: 'https://github.com/chr-is-tof/RADE-Net', github: 'chr-is-tof/rade-net' })).toBe('chr-is-tof/RADE-Net');
    expect(codeLabel({ url: 'https://github.com/Org', github: 'org' })).toBe('org');
    expect(codeLabel({ url: 'https://spdlearn.org/docs' })).toBe('spdlearn.org');
  });
});
