import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedId, textForms } from '../../../tests/url-cases.ts';
import { normalizeArxivId, parseArxivDoi, parseArxivId } from './arxiv-id.ts';
import { parseGithubUrl, parseRepoSlug } from './github-repo.ts';
import { shortNameKey, titleKey } from './title-key.ts';

// Any text: ASCII, whole graphemes, and raw UTF-16 including lone surrogates.
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

// Pieces of real identifiers and addresses, so that the parsers' inner branches are reached.
const idPiece = fc.constantFrom(
  'arXiv:',
  'ARXIV:',
  '/',
  '//',
  '2203',
  '.',
  '14206',
  '0704',
  '0000',
  'v',
  '2',
  '0',
  'hep-th',
  'math',
  '.GT',
  'HEP-TH',
  '9901001',
  '0309136',
  '.pdf',
  '.ps',
  '.gz',
  ' ',
  '-',
  '12345',
  'github.com',
  'https://',
  'www.',
  '.git',
  'owner',
  'repo',
  '%',
  '%2F',
  '..',
);
const idLike = fc.array(idPiece, { maxLength: 8 }).map((parts) => parts.join(''));

// Text that exercises NFKC and case mapping: ligatures, full-width, dotted I, sharp s, modifier
// letters, combining marks, Hangul jamo, Greek sigma, quotes and dashes.
const titlePiece = fc.constantFrom(
  'ﬁ',
  'Ａ',
  'ａ',
  'İ',
  'ß',
  'ẞ',
  'ᴬ',
  '\u0301',
  '\u0307',
  '\u0345',
  'ᄀ',
  'ᅡ',
  'ᆨ',
  'Σ',
  'σ',
  'ς',
  "'",
  '’',
  '“',
  '–',
  '—',
  ' ',
  'Deep',
  'Learning',
  '２０２６',
  'Ⅻ',
  '①',
  'ǅ',
  'Å',
  'Å',
);
const titleLike = fc.oneof(
  anyText,
  fc.array(titlePiece, { maxLength: 12 }).map((p) => p.join('')),
);

describe('identifier parsers never throw', () => {
  it('on any text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, idLike), (s) => {
        parseArxivId(s);
        normalizeArxivId(s);
        parseArxivDoi(s);
        parseGithubUrl(s);
        parseRepoSlug(s);
        titleKey(s);
        shortNameKey(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normalising is idempotent', () => {
  it('normalizeArxivId on id-like text', () => {
    fc.assert(
      fc.property(idLike, (s) => {
        const key = normalizeArxivId(s);
        if (key !== undefined) expect(normalizeArxivId(key)).toBe(key);
      }),
      { numRuns: 2000 },
    );
  });

  it('normalizeArxivId on every written form of a valid id', () => {
    fc.assert(
      fc.property(generatedId, (id) => {
        for (const { text } of textForms(id)) {
          const key = normalizeArxivId(text);
          expect(key, text).toBe(id.key);
          expect(normalizeArxivId(key!)).toBe(key);
        }
      }),
    );
  });

  it('titleKey', () => {
    fc.assert(
      fc.property(titleLike, (s) => {
        const key = titleKey(s);
        expect(titleKey(key)).toBe(key);
        // A key is what it claims to be: lower case, single spaces, no edges.
        expect(key).not.toMatch(/^ | $| {2}/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('written forms of a valid id', () => {
  it('all parse to the key, keeping the version', () => {
    fc.assert(
      fc.property(generatedId, (id) => {
        for (const { text, version } of textForms(id)) {
          const ref = parseArxivId(text);
          expect(ref, text).toEqual(version === undefined ? { kind: 'arxiv', id: id.key } : { kind: 'arxiv', id: id.key, version });
        }
        expect(parseArxivDoi(`10.48550/arXiv.${id.key}`)?.id).toBe(id.key);
      }),
    );
  });

  it('stop parsing when a digit is dropped or a stray letter is added', () => {
    fc.assert(
      fc.property(generatedId, (id) => {
        expect(parseArxivId(id.written.slice(0, -1))).toBeUndefined();
        expect(parseArxivId(`${id.written}${id.version === undefined ? '' : `v${id.version}`}x`)).toBeUndefined();
      }),
    );
  });
});

describe('GitHub addresses of a generated repository', () => {
  // Alphanumeric words joined by single hyphens; reserved names (settings, new…) filtered out.
  const owner = fc
    .array(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { minLength: 1, maxLength: 3 })
    .map((words) => words.join('-'))
    .filter((o) => parseGithubUrl(`https://github.com/${o}`) !== undefined);
  const repo = fc.stringMatching(/^[A-Za-z0-9_][\w.-]{0,30}$/).filter((r) => !/\.git$/i.test(r) && r !== '.' && r !== '..');

  it('all give the same lower-case key and the written display case', () => {
    fc.assert(
      fc.property(
        owner,
        repo,
        fc.constantFrom(
          '',
          '/',
          '.git',
          '.git/',
          '/tree/main/src',
          '/blob/main/README.md',
          '/issues/1',
          '/pull/2/files',
          '/releases',
          '/wiki',
          '/actions',
          '?tab=readme-ov-file',
          '#readme',
        ),
        (o, r, tail) => {
          for (const url of [`https://github.com/${o}/${r}${tail}`, `http://www.github.com//${o}//${r}${tail}`, `github.com/${o}/${r}${tail}`]) {
            expect(parseGithubUrl(url), url).toEqual({ kind: 'github-repo', key: `${o}/${r}`.toLowerCase(), owner: o, repo: r });
          }
        },
      ),
    );
  });
});
