import { describe, expect, it } from 'vitest';
import { citationOf } from './panel-view.ts';

describe('citationOf', () => {
  it("reads the authors in order, the first version's date and the DOI; every arXiv paper has its DataCite DOI", () => {
    expect(citationOf({ citation_author: 'Naveed, A.; Pauwels, R.', citation_date: '2026/02/26' }, '2602.22544')).toEqual({
      authors: ['Naveed, A.', 'Pauwels, R.'],
      date: '2026-02-26',
      doi: '10.48550/arXiv.2602.22544',
    });
    expect(citationOf({ citation_doi: '10.1000/xyz123' }, '2602.22544')).toEqual({ authors: [], doi: '10.1000/xyz123' });
    expect(citationOf({ citation_doi: 'javascript:alert(1)' }, '2602.22544').doi).toBe('10.48550/arXiv.2602.22544');
  });
});
