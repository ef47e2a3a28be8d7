// Bad input must end in a DigestParseError or a best-effort Digest: never another exception,
// never a hang. Property tests over arbitrary strings, truncated fixtures and HTML-ish soup.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Digest, DigestParseError, PARSER_VERSION, type ParseResult, parseDigestDocument, parsePostContent } from './index.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures');
const files = ['seeds', 'samples', 'digests'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => /\.(txt|json|html|xml)$/.test(f) && f !== 'index.json')
    .map((f) => readFileSync(join(FIXTURES, dir, f), 'utf8')),
);
const MAX_MS = 2000;

function assertSane(d: Digest): void {
  const fail = (why: string) => {
    throw new Error(`${why}: ${JSON.stringify(d).slice(0, 300)}`);
  };
  if (typeof d.id !== 'string' || d.id === '') fail('empty id');
  if (d.parserVersion !== PARSER_VERSION) fail('parser version');
  if (d.date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(d.date)) fail('date');
  for (const p of d.papers) {
    if (p.name.trim() === '') fail('empty name');
    if (!p.sections.includes(p.section) || p.contexts.length === 0) fail('sections');
    if (p.theme !== undefined && (p.theme < 0 || p.theme >= d.themes.length)) fail('theme index');
    for (const c of p.codeUrls) {
      if (!/^https?:\/\//.test(c.url) || /arxiv\.org|doi\.org/.test(c.url)) fail(`code url ${c.url}`);
      if (c.github !== undefined && c.github !== c.github.toLowerCase()) fail('github key case');
    }
  }
}

/** Runs one parse; only a DigestParseError may escape, and it must be quick. */
function survive(run: () => ParseResult | Digest, maxMs = MAX_MS): void {
  const start = performance.now();
  try {
    const out = run();
    for (const d of 'digests' in out ? out.digests : [out]) assertSane(d);
  } catch (e) {
    if (!(e instanceof DigestParseError)) throw e;
    if (typeof e.reason !== 'string' || e.message === '') throw new Error('unclear DigestParseError');
  }
  const ms = performance.now() - start;
  if (ms > maxMs) throw new Error(`took ${ms.toFixed(0)} ms`);
}

const HTMLISH = [
  '<h3>',
  '</h3>',
  '<p>',
  '</p>',
  '<ul>',
  '</ul>',
  '<li>',
  '</li>',
  '<em>',
  '</em>',
  '<strong>',
  '</strong>',
  '<a href="https://arxiv.org/abs/2601.00001">',
  '<a href="https://github.com/a/b.git">',
  '<a href="https://archive">',
  '</a>',
  '<div class="entry-content">',
  '</div>',
  '<br>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<script>',
  '</script>',
  '&amp;',
  '&#8217;',
  '&#x',
  '“',
  '”',
  '"',
  '(',
  ')',
  ':',
  ', ',
  ' and ',
  ' by ',
  ' from ',
  ' et al.',
  '. ',
  '\n',
  '  • ',
  '- ',
  'Latest 12 papers on deep learning: Feb. 28, 2026',
  'The Big Idea(s) &amp; Core Innovations',
  'Under the Hood: Models, Datasets, & Benchmarks',
  'Impact & The Road Ahead',
  'HADS-Net',
  'John Doe',
  'University of Porto',
  'Code: https://github.com/x/y',
  'https://arxiv.org/pdf/2602.22544',
  '(Paper:',
  'on BUSI, Kvasir and MNIST datasets',
  'Share this content:',
  '<?xml version="1.0"?>',
  '<rss><channel><item>',
  '</item>',
  '<content:encoded>',
  '</content:encoded>',
  '{"id":5,"content":{"rendered":"',
  '"}}',
  '[',
  ']',
  '<html><head><title>',
  '</title>',
];

describe('robustness', () => {
  it('survives arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (s) => {
        survive(() => parseDigestDocument(s));
        survive(() => parsePostContent(s, { format: 'text' }));
        survive(() => parsePostContent(s, { format: 'html' }));
      }),
      { numRuns: 300 },
    );
  });

  it('survives any truncation of the seeds, samples and fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        const cut = text.slice(0, Math.floor(text.length * at));
        survive(() => parseDigestDocument(cut));
        survive(() => parsePostContent(cut, { format: 'html' }));
        survive(() => parsePostContent(cut, { format: 'text' }));
      }),
      { numRuns: 300 },
    );
  });

  it('survives random HTML-ish soup', () => {
    const soup = fc.array(fc.oneof(fc.constantFrom(...HTMLISH), fc.string({ maxLength: 12 })), { maxLength: 300 }).map((parts) => parts.join(''));
    // Half the time behind a real header and section, so the soup reaches the mention heuristics.
    const start = '<h3>Latest 12 papers on deep learning: Feb. 28, 2026</h3><h3>The Big Idea(s) &amp; Core Innovations</h3>';
    fc.assert(
      fc.property(fc.boolean(), soup, (headed, body) => {
        const s = headed ? start + body : body;
        survive(() => parseDigestDocument(s));
        survive(() => parsePostContent(s, { format: 'html' }));
        survive(() => parseDigestDocument(s, { format: 'text' }));
      }),
      { numRuns: 400 },
    );
  });

  it('names a paper whose link text is only punctuation by its id (found by the soup above)', () => {
    const s =
      '<h3>Latest 12 papers on deep learning: Feb. 28, 2026</h3><h3>The Big Idea(s) &amp; Core Innovations</h3><a href="https://arxiv.org/abs/2601.00001">”</a>';
    survive(() => parseDigestDocument(s));
    expect(parseDigestDocument(s).digests[0]?.papers.map((p) => [p.name, p.arxivId])).toEqual([['arXiv:2601.00001', '2601.00001']]);
  });

  it('survives a seed with random lines deleted, doubled or shuffled', () => {
    const seeds = files.filter((f) => f.includes('Latest 100 papers'));
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (text, picks) => {
        const lines = text.split('\n');
        for (const n of picks) {
          const i = n % lines.length;
          if (n % 3 === 0) lines.splice(i, 1);
          else if (n % 3 === 1) lines.splice(i, 0, lines[i]!);
          else lines.push(lines.splice(i, 1)[0]!);
        }
        survive(() => parseDigestDocument(lines.join('\n')));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same result twice', () => {
    for (const text of files) {
      let a: unknown;
      let b: unknown;
      try {
        a = parseDigestDocument(text);
        b = parseDigestDocument(text);
      } catch (e) {
        a = String(e);
        b = String(e);
      }
      expect(b).toEqual(a);
    }
  });

  it('reads 10 MB of text in bounded time', () => {
    const body = files
      .filter((f) => f.includes('Latest 100 papers'))
      .join('\n')
      .split('\n')
      .filter((l) => !/^(Share this|Post Comment|Discover more|Spread the|mailbox)/.test(l))
      .join('\n');
    const tenMb = body.repeat(Math.ceil((10 * 1024 * 1024) / body.length)).slice(0, 10 * 1024 * 1024);
    const start = performance.now();
    const { digests } = parseDigestDocument(tenMb, { fileName: 'big.txt' });
    const ms = performance.now() - start;
    expect(digests).toHaveLength(1);
    expect(digests[0]!.warnings.join()).toMatch(/too many blocks/);
    assertSane(digests[0]!);
    expect(ms).toBeLessThan(15_000);
  }, 30_000);

  it('reads 10 MB of hostile HTML and single-line text in bounded time', () => {
    const tenMb = 10 * 1024 * 1024;
    const inputs = [
      `<h3>Latest 5 papers on x: Jan. 1, 2026</h3><h3>Big Ideas</h3><p>${'<a href="https://arxiv.org/abs/2601.00001">Foo-Net: Bar</a> by Qux Quux et al. from MIT, '.repeat(tenMb / 90)}`,
      `<h3>Latest 5 papers on x: Jan. 1, 2026</h3>${'<div><em>'.repeat(tenMb / 9)}`,
      `Latest 5 papers on x: Jan. 1, 2026\nThe Big Idea(s) & Core Innovations\n${'methods like A-B (https://arxiv.org/abs/2601.00001), “C D” by E F and '.repeat(tenMb / 70)}`,
    ];
    for (const input of inputs) {
      const start = performance.now();
      // 10 MB gets the bound this test states (the per-call one is for ordinary inputs).
      survive(() => parseDigestDocument(input), MAX_MS * 4);
      expect(performance.now() - start).toBeLessThan(MAX_MS * 4);
    }
  }, 60_000);
});
