import { describe, expect, it } from 'vitest';
import { type ExpectedPage, urlCases } from '../../../tests/url-cases.ts';
import { arxivExamples, detectArxivUrl } from './arxiv.ts';
import { detectPaper } from './detect-paper.ts';
import { detectGithubOrg, detectGithubRepo, githubOrgExamples, githubRepoExamples } from './github.ts';
import { detectMirrorUrl, mirrorExamples } from './mirrors.ts';
import type { Detection } from './types.ts';

// The same shape as the table, so a failure shows exactly which field differs.
function summarise(d: Detection | undefined): ExpectedPage {
  if (!d) return null;
  const { ref } = d;
  switch (ref.kind) {
    case 'arxiv': {
      if (d.pageKind === 'repo' || d.pageKind === 'org') throw new Error(`arXiv ref on a ${d.pageKind} page`);
      return ref.version === undefined ? { arxiv: ref.id, pageKind: d.pageKind } : { arxiv: ref.id, version: ref.version, pageKind: d.pageKind };
    }
    case 'github-repo':
      expect(d.pageKind).toBe('repo');
      return { repo: ref.key, display: `${ref.owner}/${ref.repo}` };
    case 'github-org':
      expect(d.pageKind).toBe('org');
      return { org: ref.key, display: ref.owner };
    case 'title':
      throw new Error(`title ref without meta: ${ref.title}`);
  }
}

describe('detectPaper on real addresses', () => {
  it('has a broad table', () => {
    expect(urlCases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(urlCases.map(([u]) => u)).size).toBe(urlCases.length);
  });

  it.each(urlCases)('%s', (url, expected) => {
    expect(summarise(detectPaper(url))).toEqual(expected);
  });

  it('gives the same answer for a URL object as for its string', () => {
    for (const [url, expected] of urlCases) {
      if (!URL.canParse(url)) continue;
      expect(summarise(detectPaper(new URL(url)))).toEqual(expected);
    }
  });
});

interface Detector {
  name: string;
  detect: (url: URL) => unknown;
  examples: { yes: readonly string[]; no: readonly string[] };
}

const detectors: Detector[] = [
  { name: 'arxiv', detect: detectArxivUrl, examples: arxivExamples },
  { name: 'mirror', detect: detectMirrorUrl, examples: mirrorExamples },
  { name: 'github repo', detect: detectGithubRepo, examples: githubRepoExamples },
  { name: 'github org', detect: detectGithubOrg, examples: githubOrgExamples },
];

describe.each(detectors)('$name detector', ({ name, detect, examples }) => {
  it.each(examples.yes)('accepts %s', (url) => {
    expect(detect(new URL(url))).toBeDefined();
    // detectPaper must agree with the detector it is built from.
    expect(detectPaper(url)).toBeDefined();
  });

  it.each(examples.no)('rejects %s', (url) => {
    expect(detect(new URL(url))).toBeUndefined();
  });

  const others = detectors.filter((d) => d.name !== name).flatMap((d) => d.examples.yes.map((url) => [d.name, url] as const));
  it.each(others)('rejects the %s example %s', (_, url) => {
    expect(detect(new URL(url))).toBeUndefined();
  });
});
