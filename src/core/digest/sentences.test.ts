import { describe, expect, it } from 'vitest';
import { leadClause } from './lead-clause.ts';
import { splitSentences } from './sentences.ts';
import { findTextLinks, trimUrlEnd } from './text-links.ts';

function sentences(text: string): string[] {
  return splitSentences(text).map((r) => text.slice(r.start, r.end));
}

describe('splitSentences', () => {
  it('does not split after et al. before lower case, initials, or abbreviations', () => {
    expect(sentences('By Fartiyal et al. offers a fix. ElemeNet from Jacob W. Toney et al. works. E.g. this, e.g. that.')).toEqual([
      'By Fartiyal et al. offers a fix.',
      'ElemeNet from Jacob W. Toney et al. works.',
      'E.g. this, e.g. that.',
    ]);
  });

  it('keeps a title with "!" inside its quotation marks together', () => {
    expect(sentences('In “Position: The Time for Sampling Is Now! Charting a New Course” they argue. Next one.')).toHaveLength(2);
  });

  it('does not split inside URLs or numbers', () => {
    expect(sentences('Code at https://github.com/a/b.c and 5.28x speedups. Done.')).toHaveLength(2);
  });
});

describe('leadClause', () => {
  it('cuts at a clause colon and at 80 characters on a word boundary', () => {
    expect(leadClause('Recent research highlights a crucial trend: the integration of domain knowledge.')).toBe('Recent research highlights a crucial trend');
    const t = leadClause('The overarching theme in these recent papers is the pursuit of more reliable and insightful AI. More.');
    expect(t.length).toBeLessThanOrEqual(80);
    expect(t).toBe('The overarching theme in these recent papers is the pursuit of more reliable…');
    expect(leadClause('Beyond medical applications, Bound to Disagree: Generalization Bounds via Certifiable Surrogates by Bazinet.')).toMatch(
      /^Beyond medical applications, Bound to Disagree: Generalization/,
    );
  });
});

describe('URLs in text', () => {
  it('trims what the sentence adds', () => {
    expect(trimUrlEnd('https://github.com/foo/bar).')).toBe('https://github.com/foo/bar');
    expect(trimUrlEnd('https://en.wikipedia.org/wiki/A_(b)')).toBe('https://en.wikipedia.org/wiki/A_(b)');
    expect(trimUrlEnd('https://anonymous.4open.science/r/MKG-CARE-8B7B]')).toBe('https://anonymous.4open.science/r/MKG-CARE-8B7B');
  });

  it('finds several links with offsets', () => {
    const text = 'HARU-Net (https://arxiv.org/pdf/2602.22544) and www.example.com.';
    expect(findTextLinks(text).map((l) => text.slice(l.start, l.end))).toEqual(['https://arxiv.org/pdf/2602.22544', 'www.example.com']);
  });
});
