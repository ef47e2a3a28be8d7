import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressForms, generatedId } from '../../../tests/url-cases.ts';
import { type ArxivId, arxivAbsUrl, arxivHtmlUrl, arxivPdfUrl } from '../ids/arxiv-id.ts';
import { detectPaper } from './detect-paper.ts';
import type { PageMeta } from './types.ts';

// Pieces of real addresses: joined at random they reach every branch of the detectors.
const urlPiece = fc.constantFrom(
  'https://',
  'http://',
  'ftp://',
  'javascript:',
  '//',
  '/',
  'arxiv.org',
  'www.',
  'export.',
  'ar5iv.',
  'labs.',
  'github.com',
  'gist.',
  'huggingface.co',
  'alphaxiv.org',
  'scirate.com',
  'abs',
  'pdf',
  'html',
  'ftp',
  'papers',
  'arxiv',
  'src',
  'format',
  'list',
  '2203.14206',
  '1110',
  '1110.2832',
  'v2',
  'v0',
  '.pdf',
  'hep-th',
  '9901001',
  'math.GT',
  '?id=',
  '?archive=hep-th&papernum=',
  '#S3',
  '?',
  '&',
  '=',
  '%',
  '%2F',
  '%E2%80%99',
  '..',
  '.git',
  'owner',
  'Repo',
  'settings',
  'orgs',
  'generate',
  'tree',
  ' ',
  '@',
  ':',
  '[',
  '\\',
);
const urlLike = fc.array(urlPiece, { maxLength: 10 }).map((p) => p.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 80 }), urlLike);

const meta: fc.Arbitrary<PageMeta | undefined> = fc.option(
  fc.record(
    {
      citation_arxiv_id: fc.oneof(anyText, fc.constantFrom('2203.14206', 'hep-th/9901001', '0704.0000')),
      citation_title: anyText,
      'og:url': fc.oneof(anyText, urlLike),
      'octolytics-dimension-repository_nwo': fc.oneof(anyText, fc.constantFrom('Owner/Repo', 'owner/repo/x')),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe('detectPaper never throws', () => {
  it('on any text, with or without meta', () => {
    fc.assert(
      fc.property(anyText, meta, (url, m) => {
        const d = detectPaper(url, m);
        // Whatever it finds is well formed.
        if (d?.ref.kind === 'title') expect(d.ref.key.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('on URL objects built from odd text', () => {
    fc.assert(
      fc.property(urlLike, meta, (text, m) => {
        if (URL.canParse(text)) detectPaper(new URL(text), m);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('every address form of a valid id', () => {
  it('detects the same key and keeps the version the form carries', () => {
    fc.assert(
      fc.property(generatedId, (id) => {
        for (const { url, version } of addressForms(id)) {
          const ref = detectPaper(url)?.ref;
          expect(ref, url).toEqual(version === undefined ? { kind: 'arxiv', id: id.key } : { kind: 'arxiv', id: id.key, version });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips through the url builders', () => {
    fc.assert(
      fc.property(generatedId, (id) => {
        const key = id.key as ArxivId;
        for (const url of [arxivAbsUrl(key, id.version), arxivPdfUrl(key, id.version), arxivHtmlUrl(key, id.version)]) {
          expect(detectPaper(url)?.ref, url).toEqual(id.version === undefined ? { kind: 'arxiv', id: key } : { kind: 'arxiv', id: key, version: id.version });
        }
      }),
    );
  });

  it('stops being a paper page once an asset path follows the id', () => {
    fc.assert(
      fc.property(generatedId, fc.constantFrom('x1.png', 'extracted/1/fig.png', 'assets/x1.png'), (id, asset) => {
        expect(detectPaper(`https://arxiv.org/html/${id.key}/${asset}`)).toBeUndefined();
        expect(detectPaper(`https://ar5iv.labs.arxiv.org/html/${id.key}/${asset}`)).toBeUndefined();
      }),
    );
  });
});
