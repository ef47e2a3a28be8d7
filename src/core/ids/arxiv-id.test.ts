import { describe, expect, it } from 'vitest';
import { type ArxivId, arxivAbsUrl, arxivHtmlUrl, arxivPdfUrl, isNewStyle, normalizeArxivId, parseArxivDoi, parseArxivId } from './arxiv-id.ts';

describe('parseArxivId', () => {
  it.each([
    ['2203.14206', '2203.14206', undefined],
    ['2203.14206v2', '2203.14206', 2],
    ['2203.14206v12', '2203.14206', 12],
    ['arXiv:2203.14206', '2203.14206', undefined],
    ['ARXIV:2203.14206v2', '2203.14206', 2],
    ['arxiv: 2203.14206', '2203.14206', undefined],
    ['  2203.14206  ', '2203.14206', undefined],
    ['2203.14206.pdf', '2203.14206', undefined],
    ['2203.14206v2.pdf', '2203.14206', 2],
    ['/2203.14206v2.pdf', '2203.14206', 2],
    ['/2203.14206', '2203.14206', undefined],
    ['2203.14206/', '2203.14206', undefined],
    ['0704.0001', '0704.0001', undefined],
    ['1412.9999', '1412.9999', undefined],
    ['1501.00001', '1501.00001', undefined],
    ['hep-th/9901001', 'hep-th/9901001', undefined],
    ['hep-th/9901001v3', 'hep-th/9901001', 3],
    ['hep-th//9901001', 'hep-th/9901001', undefined],
    ['//hep-th/9901001', 'hep-th/9901001', undefined],
    ['HEP-TH/9901001', 'hep-th/9901001', undefined],
    ['Cond-Mat/0408502', 'cond-mat/0408502', undefined],
    ['math.GT/0309136v1', 'math/0309136', 1],
    ['math.gt/0309136', 'math/0309136', undefined],
    ['cond-mat.mes-hall/0408502', 'cond-mat/0408502', undefined],
    ['hep-th/9901001.ps.gz', 'hep-th/9901001', undefined],
    ['hep-th/9901001v2.ps', 'hep-th/9901001', 2],
    ['arXiv:hep-th/9901001.pdf', 'hep-th/9901001', undefined],
    ['hep-th/9108001', 'hep-th/9108001', undefined],
    ['math/0703999', 'math/0703999', undefined],
  ])('%s → %s v%s', (input, id, version) => {
    const ref = parseArxivId(input);
    expect(ref).toEqual(version === undefined ? { kind: 'arxiv', id } : { kind: 'arxiv', id, version });
  });

  it.each([
    '0704.0000', // number 0 never existed
    '0612.1234', // before new style began (April 2007)
    '0703.1234',
    '0703.123456', // six digits
    '0707.2096va',
    '1412.12345', // five digits only from 2015
    '1501.1234', // four digits only until 2014
    '2213.12345', // month 13
    '2200.12345',
    '2203.14206v0',
    '2203.14206v01',
    '2203.14206v',
    '2203.14206 v2',
    'hep-th/9107001', // before arXiv began (August 1991)
    'hep-th/0704001', // old style ended March 2007
    'hep-th/9901000',
    'hep-th/990100',
    'hep-th/99010012',
    'pdf/0408502', // not an archive: a path fragment
    'papers/0408502',
    'hep-th/9901001/x1.png',
    '2503.11651v1/x1.png',
    'https://arxiv.org/abs/2203.14206', // addresses are the detectors' job
    '',
    'arXiv:',
    '10.48550/arXiv.2203.14206',
  ])('rejects %s', (input) => {
    expect(parseArxivId(input)).toBeUndefined();
  });

  it('rejects absurdly long input without scanning it', () => {
    expect(parseArxivId(`${' '.repeat(500)}2203.14206`)).toBeUndefined();
  });
});

describe('normalizeArxivId', () => {
  it('gives the key alone', () => {
    expect(normalizeArxivId('arXiv:2203.14206v2')).toBe('2203.14206');
    expect(normalizeArxivId('math.GT/0309136v1')).toBe('math/0309136');
    expect(normalizeArxivId('0707.2096va')).toBeUndefined();
  });
});

describe('url builders and DOI', () => {
  const id = '2203.14206' as ArxivId;

  it('builds the three page addresses, with an optional version', () => {
    expect(arxivAbsUrl(id)).toBe('https://arxiv.org/abs/2203.14206');
    expect(arxivPdfUrl(id, 2)).toBe('https://arxiv.org/pdf/2203.14206v2');
    expect(arxivHtmlUrl('hep-th/9901001' as ArxivId, 1)).toBe('https://arxiv.org/html/hep-th/9901001v1');
  });

  it('tells the styles apart', () => {
    expect(isNewStyle(id)).toBe(true);
    expect(isNewStyle('hep-th/9901001' as ArxivId)).toBe(false);
  });

  it.each([
    ['10.48550/arXiv.2203.14206', '2203.14206'],
    ['https://doi.org/10.48550/arXiv.2203.14206', '2203.14206'],
    ['doi:10.48550/ARXIV.hep-th/9901001', 'hep-th/9901001'],
    ['http://dx.doi.org/10.48550/arxiv.2203.14206', '2203.14206'],
  ])('reads the DOI %s', (doi, key) => {
    expect(parseArxivDoi(doi)?.id).toBe(key);
  });

  it('rejects other DOIs', () => {
    expect(parseArxivDoi('10.1145/3292500.3330701')).toBeUndefined();
    expect(parseArxivDoi('10.48550/arXiv.0704.0000')).toBeUndefined();
  });
});
