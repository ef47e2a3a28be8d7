/**
 * Serves arXiv, alphaXiv and GitHub pages from fixtures on their real addresses, so the extension
 * sees exactly the URLs (and host permissions) it sees in use. Everything else on the network fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { tinyPdf } from './tiny-pdf.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');

export interface FixturePaper {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[]; // "Last, First" as citation_author writes them
  readonly abstract: string;
  readonly submitted: string; // "26 Feb 2026"
  readonly citationDate: string; // "2026/02/26"
}

export const PAPERS: Record<string, FixturePaper> = {
  // In the 2026-02-28 seed (and again in the tests' extra 2026-07-11 digest).
  haruNet: {
    id: '2602.22544',
    title: 'HARU-Net: Hybrid Attention Residual U-Net for Edge-Preserving Denoising in Cone-Beam Computed Tomography',
    authors: ['Naveed, A.', 'Pauwels, R.'],
    abstract:
      'Cone-beam computed tomography at low dose suffers from noise that hides fine anatomical edges. We propose HARU-Net, a hybrid attention residual U-Net that denoises low-dose scans while preserving edges.',
    submitted: '26 Feb 2026',
    citationDate: '2026/02/26',
  },
  // In the 2026-05-23 seed by title only: this page's id is one the digests never gave.
  pluginLosses: {
    id: '2605.12345',
    title: 'Plug-in Losses for Evidential Deep Learning',
    authors: ['Example, A.', 'Sample, B.'],
    abstract: 'Evidential deep learning needs no special losses: standard softmax classifiers already give the uncertainty estimates it seeks.',
    submitted: '20 May 2026',
    citationDate: '2026/05/20',
  },
  // In no digest, but close to HARU-Net (the same problem, other words around it).
  nearHaru: {
    id: '2601.07777',
    title: 'Residual Attention for Edge-Preserving Denoising of Low-Dose Cone-Beam CT',
    authors: ['Doe, J.'],
    abstract: 'We denoise low-dose cone-beam computed tomography with residual attention, keeping anatomical edges sharp.',
    submitted: '10 Jan 2026',
    citationDate: '2026/01/10',
  },
  // In no digest.
  unknown: {
    id: '2601.00042',
    title: 'Sparse Mixtures of Linear Experts for Tabular Data with Very Long Titles That Wrap Across Several Lines',
    authors: ['Nobody, N.'],
    abstract: 'A paper that no digest mentions, used to show the not-indexed state.',
    submitted: '2 Jan 2026',
    citationDate: '2026/01/02',
  },
};

export interface FixtureRepo {
  readonly owner: string;
  readonly repo: string;
  readonly description: string;
}

export const REPOS: Record<string, FixtureRepo> = {
  // Code of RADE-Net in the 2026-02-28 seed.
  radeNet: { owner: 'chr-is-tof', repo: 'RADE-Net', description: 'RADE-Net: radar-only object detection in adverse weather' },
  // In no digest.
  unknown: { owner: 'octocat', repo: 'Hello-World', description: 'My first repository on GitHub!' },
};

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fill(template: string, values: Record<string, string>): string {
  return readFileSync(join(FIXTURES, template), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
}

function paperValues(p: FixturePaper): Record<string, string> {
  const names = p.authors.map((a) => a.split(', ').reverse().join(' '));
  return {
    id: p.id,
    title: html(p.title),
    abstract: html(p.abstract),
    submitted: p.submitted,
    citation_date: p.citationDate,
    citation_authors: p.authors.map((a) => `<meta name="citation_author" content="${html(a)}" />`).join('\n'),
    author_names: html(names.join(', ')),
    author_links: names.map((n) => `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${encodeURIComponent(n)}">${html(n)}</a>`).join(', '),
  };
}

function paperById(raw: string | undefined): FixturePaper | undefined {
  const id = raw?.replace(/v\d+$/, '').replace(/\.pdf$/, '');
  return Object.values(PAPERS).find((p) => p.id === id);
}

/** A fixture answer, browser-driver neutral (playwright here, puppeteer in tests/e2e-firefox). */
export interface FixtureResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string | Buffer;
}

const page = (body: string): FixtureResponse => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
const notFound: FixtureResponse = { status: 404, contentType: 'text/plain', body: 'Not found (fixture site)' };

function arxiv(url: URL): FixtureResponse {
  const [section, ...rest] = url.pathname.split('/').filter(Boolean);
  const paper = paperById(rest.join('/').replace(/\/$/, ''));
  if (!paper) return notFound;
  if (section === 'abs') return page(fill('arxiv-abs.html', paperValues(paper)));
  if (section === 'html') return page(fill('arxiv-html.html', paperValues(paper)));
  if (section === 'pdf') {
    return { status: 200, contentType: 'application/pdf', body: tinyPdf([paper.title.slice(0, 80), `arXiv:${paper.id} (test fixture)`]) };
  }
  return notFound;
}

function alphaxiv(url: URL): FixtureResponse {
  const [section, id] = url.pathname.split('/').filter(Boolean);
  const paper = paperById(id);
  if (!paper || !['abs', 'overview'].includes(section ?? '')) return notFound;
  return page(fill('alphaxiv.html', paperValues(paper)));
}

function github(url: URL): FixtureResponse {
  const [owner, repo] = url.pathname.split('/').filter(Boolean);
  const found = Object.values(REPOS).find((r) => r.owner.toLowerCase() === owner?.toLowerCase() && r.repo.toLowerCase() === repo?.toLowerCase());
  if (!found) return notFound;
  return page(fill('github-repo.html', { owner: found.owner, repo: found.repo, description: html(found.description) }));
}

const SITES: Record<string, (url: URL) => FixtureResponse> = { 'arxiv.org': arxiv, 'www.alphaxiv.org': alphaxiv, 'github.com': github };

/** The fixture page for an https address of arXiv, alphaXiv or GitHub; undefined for any other address. */
export function fixtureResponse(address: string): FixtureResponse | undefined {
  const url = new URL(address);
  return url.protocol === 'https:' ? SITES[url.hostname]?.(url) : undefined;
}

const fulfil = (route: Route) => route.fulfill(fixtureResponse(route.request().url())!);

/** Routes the fixture hosts; any other web request is refused (tests never touch the network). */
export async function serveFixtures(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => route.abort('blockedbyclient'),
  );
  await context.route('https://arxiv.org/**', fulfil);
  await context.route('https://www.alphaxiv.org/**', fulfil);
  await context.route('https://github.com/**', fulfil);
}

export const urls = {
  abs: (p: FixturePaper) => `https://arxiv.org/abs/${p.id}`,
  pdf: (p: FixturePaper) => `https://arxiv.org/pdf/${p.id}`,
  html: (p: FixturePaper) => `https://arxiv.org/html/${p.id}v1`,
  alphaxiv: (p: FixturePaper) => `https://www.alphaxiv.org/abs/${p.id}`,
  repo: (r: FixtureRepo) => `https://github.com/${r.owner}/${r.repo}`,
};
