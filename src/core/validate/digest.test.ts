import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePosts } from '../../../tests/server/generate-posts.ts';
import { digest as makeDigest } from '../../../tests/support/make-digest.ts';
import { type ParseOptions, parseDigestDocument } from '../digest/index.ts';
import { digestProblem, digestRecordProblem } from './digest.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures');
const formatOf = (name: string): NonNullable<ParseOptions['format']> =>
  name.endsWith('.txt') ? 'text' : name.endsWith('.xml') ? 'rss' : name.endsWith('.json') ? 'wordpress' : 'html';

function parsedFixtures() {
  return ['seeds', 'samples', 'digests', 'extra'].flatMap((dir) =>
    readdirSync(join(FIXTURES, dir))
      .filter((f) => f !== 'index.json')
      .flatMap((f) => parseDigestDocument(readFileSync(join(FIXTURES, dir, f), 'utf8'), { fileName: f, format: formatOf(f) }).digests),
  );
}

describe('digestProblem', () => {
  it('passes every digest the parser makes', () => {
    const digests = [
      ...parsedFixtures(),
      ...generatePosts({ count: 30 }).flatMap((p) => parseDigestDocument(JSON.stringify(p), { format: 'wordpress' }).digests),
    ];
    expect(digests.length).toBeGreaterThan(30);
    expect(digests.map((d) => [d.id, digestProblem(d)]).filter(([, p]) => p)).toEqual([]);
  });

  it('names the first bad field of a malformed digest', () => {
    const good = parsedFixtures()[0]!;
    const bad = (patch: (d: Record<string, unknown>) => void) => {
      const d = structuredClone(good) as unknown as Record<string, unknown>;
      patch(d);
      return digestProblem(d);
    };
    expect(bad((d) => (d.themes = [null]))).toBe('digest.themes[0] is not an object');
    expect(bad((d) => (d.date = '<script>'))).toBe('digest.date is not a YYYY-MM-DD date');
    expect(bad((d) => (d.date = '2026-02-31'))).toBe('digest.date is not a real date');
    expect(bad((d) => delete (d.papers as Record<string, unknown>[])[0]!.name)).toBe('digest.papers[0].name is not text');
    expect(bad((d) => ((d.papers as Record<string, unknown>[])[0]!.codeUrls = [{ url: 'javascript:alert(1)', kind: 'repo' }]))).toBe(
      'digest.papers[0].codeUrls[0].url is not an http(s) address',
    );
    expect(bad((d) => ((d.papers as Record<string, unknown>[])[0]!.theme = 999))).toMatch(/^digest\.papers\[0\]\.theme is not a theme number/);
    expect(bad((d) => ((d.papers as Record<string, unknown>[])[0]!.arxivId = '../../etc'))).toBe('digest.papers[0].arxivId is not an arXiv id');
    expect(bad((d) => (d.format = 'exe'))).toMatch(/^digest\.format is not one of/);
    expect(bad((d) => (d.intro = 'x'.repeat(300_000)))).toBe('digest.intro is longer than 200000 characters');
    expect(digestProblem(makeDigest('x:1', '2026-07-04', [{ name: 'A', arxiv: '2602.22544', code: ['https://github.com/a/b'] }]))).toBeUndefined();
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (v) => typeof (digestProblem(v) ?? '') === 'string'));
  });

  it('checks an export record and the mentions it brings', () => {
    const mention = {
      digestId: 'x:1',
      digestDate: '2026-07-04',
      digestTitle: 'T',
      digestUrl: 'https://x.org/1',
      topic: 't',
      name: 'A',
      placements: [],
      sections: ['bigIdeas'],
      contexts: [{ section: 'bigIdeas', text: 'A does it.' }],
      codeUrls: [],
      datasets: [],
      institutions: [],
      authors: [],
    };
    const record = {
      id: 'x:1',
      url: 'https://x.org/1',
      source: 'x.org',
      title: 'T',
      topic: 't',
      date: '2026-07-04',
      intro: '',
      warnings: [],
      parserVersion: 1,
      themes: [],
      paperKeys: ['2602.22544'],
    };
    const papers = new Map<string, unknown>([['2602.22544', { key: '2602.22544', arxivId: '2602.22544', mentions: [mention] }]]);
    expect(digestRecordProblem(record, papers)).toBeUndefined();
    expect(digestRecordProblem({ ...record, date: '<script>' }, papers)).toBe('digest.date is not a YYYY-MM-DD date');
    expect(digestRecordProblem({ ...record, themes: [null] }, papers)).toBe('digest.themes[0] is not an object');
    const badMention = new Map<string, unknown>([
      ['2602.22544', { key: '2602.22544', mentions: [{ ...mention, codeUrls: [{ url: 'javascript:x', kind: 'repo' }] }] }],
    ]);
    expect(digestRecordProblem(record, badMention)).toBe("paper 2602.22544's mention.codeUrls[0].url is not an http(s) address");
    fc.assert(fc.property(fc.anything(), fc.anything(), (d, p) => typeof (digestRecordProblem(d, new Map([['k', p]])) ?? '') === 'string'));
  });
});
