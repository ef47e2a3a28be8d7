/** The synthetic corpus's vocabulary, read off the seeds (Node: parses them with the extension's parser). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDigestDocument } from '../src/core/digest/index.ts';

export interface Vocabulary {
  readonly titleWords: string[];
  readonly names: string[];
  readonly institutions: string[];
  readonly datasets: string[];
  readonly authors: string[];
  readonly sentences: string[];
  readonly themes: string[];
  readonly topics: string[];
}

export function seedVocabulary(root: string): Vocabulary {
  const dir = join(root, 'tests/fixtures/seeds');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { file: string; url: string }[];
  const digests = index.flatMap((e) => parseDigestDocument(readFileSync(join(dir, e.file), 'utf8'), { url: e.url, fileName: e.file }).digests);
  const papers = digests.flatMap((d) => d.papers);
  const uniq = (xs: string[]) => [...new Set(xs.filter((x) => x && x.length < 120))];
  return {
    titleWords: uniq(
      papers
        .flatMap((p) => (p.title ?? '').split(/\s+/))
        .map((w) => w.replace(/[^\p{L}\p{N}-]/gu, ''))
        .filter((w) => w.length > 2),
    ),
    names: uniq(papers.map((p) => p.name).filter((n) => n.length <= 24)),
    institutions: uniq(papers.flatMap((p) => p.institutions)),
    datasets: uniq(papers.flatMap((p) => p.datasets)),
    authors: uniq(papers.flatMap((p) => p.authors)),
    sentences: uniq(papers.flatMap((p) => p.contexts.map((c) => c.text)).filter((t) => t.length > 40 && t.length < 400)),
    themes: uniq(digests.flatMap((d) => d.themes.map((t) => t.title))),
    topics: uniq([
      ...digests.map((d) => d.topic),
      'computer vision',
      'medical imaging',
      'reinforcement learning',
      'natural language processing',
      'graph neural networks',
      'federated learning',
      'robotics',
      'speech recognition',
      'time series',
      'diffusion models',
      'large language models',
      'optimization',
      'uncertainty quantification',
      'remote sensing',
      'explainable ai',
    ]),
  };
}
