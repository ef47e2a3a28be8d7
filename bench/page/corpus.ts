/**
 * A seeded synthetic corpus: digests of 100 papers with the seeds' vocabulary. Deterministic for a
 * given seed, so every run (and every design compared) indexes the same papers. 1 in 20 mentions
 * names a paper of an earlier digest again (same arXiv id), so merging is exercised too.
 */
import type { CodeLink, Digest, PaperMention } from '../../src/core/digest/types.ts';
import { parseArxivId } from '../../src/core/ids/arxiv-id.ts';
import { parseGithubUrl } from '../../src/core/ids/github-repo.ts';
import { rng } from '../../tests/server/generate-posts.ts';
import type { Vocabulary } from '../vocabulary.ts';

export const PAPERS_PER_DIGEST = 100;
const DIGESTS_PER_WEEK = 50;

/** The arXiv id of the g-th new paper: unique up to 1M (12 months × 83,334). */
export function arxivIdOf(g: number): string {
  const month = Math.floor(g / 83_334) + 1;
  return `25${String(month).padStart(2, '0')}.${String((g % 83_334) + 1).padStart(5, '0')}`;
}

export interface PaperFacts {
  readonly arxivId: string;
  readonly title: string;
  readonly repo?: string;
}

export class Corpus {
  private readonly random: () => number;
  private papers = 0;
  /** Every few hundredth paper, for lookups. */
  readonly samples: PaperFacts[] = [];

  constructor(
    private readonly v: Vocabulary,
    seed: number,
  ) {
    this.random = rng(seed);
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)]!;
  }

  private code(url: string): CodeLink {
    const ref = parseGithubUrl(url);
    return ref?.kind === 'github-repo' ? { url, kind: 'repo', github: ref.key } : { url, kind: 'site' };
  }

  private mention(theme: number): PaperMention {
    const r = this.random;
    const again = this.papers > 1000 && r() < 0.05;
    const g = again ? Math.floor(r() * this.papers) : this.papers++;
    // A re-mention draws fresh words but keeps the id: records merge by arXiv id.
    const name = `${this.pick(this.v.names)}${g % 7 === 0 ? '' : `-${(g % 9973).toString(36)}`}`;
    const words = Array.from({ length: 5 + Math.floor(r() * 6) }, () => this.pick(this.v.titleWords));
    const title = `${name}: ${words.join(' ')}`;
    const hasCode = r() < 0.5;
    const repo = hasCode ? `lab${Math.floor(r() * 2000)}/${name.toLowerCase().replace(/[^a-z0-9-]/g, '')}-${g}` : undefined;
    const text = `${name} ${this.pick(this.v.sentences)}`;
    const arxivId = parseArxivId(arxivIdOf(g))!.id;
    if (!again && g % 500 === 0) this.samples.push({ arxivId, title, ...(repo ? { repo } : {}) });
    return {
      name,
      title,
      arxivId,
      codeUrls: repo ? [this.code(`https://github.com/${repo}`)] : [],
      datasets: r() < 0.4 ? [this.pick(this.v.datasets)] : [],
      institutions: Array.from({ length: 1 + Math.floor(r() * 2) }, () => this.pick(this.v.institutions)),
      authors: r() < 0.3 ? [this.pick(this.v.authors)] : [],
      placeholderAuthors: false,
      theme,
      section: 'bigIdeas',
      sections: ['bigIdeas'],
      context: text,
      contexts: [{ section: 'bigIdeas', text, theme }],
    };
  }

  /** The n-th digest (in order: call with 0, 1, 2…). */
  digest(n: number): Digest {
    const week = Math.floor(n / DIGESTS_PER_WEEK);
    const date = new Date(Date.UTC(2024, 0, 6) + week * 7 * 86_400_000).toISOString().slice(0, 10);
    const topic = this.v.topics[n % this.v.topics.length]!;
    const themes = Array.from({ length: 5 }, () => ({ title: this.pick(this.v.themes), summary: this.pick(this.v.sentences), section: 'bigIdeas' as const }));
    return {
      id: `bench.example:${n}`,
      url: `https://bench.example/${n}`,
      source: 'bench.example',
      format: 'text',
      // Numbered: a batch holds several digests of one topic, and one date, topic and title would be
      // one post (src/core/digest/identity.ts), each replacing the last.
      title: `Latest ${PAPERS_PER_DIGEST} papers on ${topic}: ${date} (${n})`,
      topic,
      date,
      paperCount: PAPERS_PER_DIGEST,
      intro: this.pick(this.v.sentences),
      themes,
      papers: Array.from({ length: PAPERS_PER_DIGEST }, (_, i) => this.mention(i % 5)),
      warnings: [],
      parserVersion: 1,
    };
  }
}
