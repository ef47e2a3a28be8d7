/**
 * A seeded generator of realistic digest posts: weekly batches of posts published over a few
 * hours on one morning, a "Latest N papers on TOPIC: Mon. D, YYYY" header, the three sections,
 * arXiv-linked titles with institutions, bullets with code links, and papers that recur across
 * weeks (as real ones do). The same seed always yields the same posts.
 */
import { escapeHtml } from './html.ts';
import { type WpPost, wpDate } from './wp-post.ts';

const TOPICS = [
  'deep learning',
  'federated learning',
  'continual learning',
  'diffusion model',
  'reinforcement learning',
  'graph neural networks',
  'anomaly detection',
  'speech recognition',
  'knowledge distillation',
  'time series forecasting',
  'retrieval-augmented generation',
  'llm agents',
  'code generation',
  'explainable ai',
];
const WORDS = [
  'robust',
  'efficient',
  'scalable',
  'adaptive',
  'causal',
  'sparse',
  'multimodal',
  'contrastive',
  'hierarchical',
  'federated',
  'probabilistic',
  'geometric',
  'temporal',
  'unified',
  'lightweight',
];
const NOUNS = [
  'transformers',
  'representations',
  'benchmarks',
  'agents',
  'graphs',
  'priors',
  'embeddings',
  'policies',
  'kernels',
  'datasets',
  'decoders',
  'retrievers',
];
const PLACES = [
  'Tsinghua University',
  'MIT',
  'University of Edinburgh',
  'ETH Zurich',
  'Stanford University',
  'KAIST',
  'University of Toronto',
  'TU Munich',
  'Peking University',
  'Google DeepMind',
  'Inria',
  'University of Porto',
];
const MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Oct.', 'Nov.', 'Dec.'];

/** mulberry32: small, fast, and the same everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  readonly count: number;
  readonly seed?: number;
  readonly firstId?: number;
  /** The first batch's day (UTC, YYYY-MM-DD); later batches follow weekly. */
  readonly firstBatch?: string;
  readonly perBatch?: number;
  /** Papers per post (each adds a paragraph and a bullet); real posts name 15–45. */
  readonly papers?: number;
}

export function generatePosts(o: GenerateOptions): WpPost[] {
  const rand = rng(o.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const perBatch = o.perBatch ?? 50;
  const firstId = o.firstId ?? 20001;
  const start = Date.parse(`${o.firstBatch ?? '2026-03-07'}T06:00:00Z`);
  const recurring: { id: string; name: string; title: string }[] = [];
  const posts: WpPost[] = [];
  for (let i = 0; i < o.count; i++) {
    const batch = Math.floor(i / perBatch);
    const day = start + batch * 7 * 86_400_000;
    const at = day + (i % perBatch) * 4 * 60_000 + Math.floor(rand() * 60) * 1000;
    const d = new Date(day);
    const topic = TOPICS[i % TOPICS.length]!;
    const n = o.papers ?? 12 + Math.floor(rand() * 14);
    const yymm = `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const papers = Array.from({ length: n }, (_, k) => {
      // About one paper in eight recurs from an earlier post, as real digests repeat papers.
      if (recurring.length > 10 && rand() < 0.12) return pick(recurring);
      const name = `${pick(WORDS).slice(0, 4).toUpperCase()}-${cap(pick(NOUNS).slice(0, 3))}${i}x${k}`;
      const paper = {
        id: `${yymm}.${String(10000 + Math.floor(rand() * 89999))}`,
        name,
        title: `${name}: ${cap(pick(WORDS))} ${pick(NOUNS)} for ${pick(WORDS)} ${pick(NOUNS)}`,
      };
      if (rand() < 0.2) recurring.push(paper);
      return paper;
    });
    const header = `Latest ${n + Math.floor(rand() * 40)} papers on ${topic}: ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
    const body = [
      `<h3>${header}</h3>`,
      `<p>${cap(topic)} keeps moving. This week’s papers span ${pick(WORDS)} ${pick(NOUNS)}, ${pick(WORDS)} ${pick(NOUNS)} and more.</p>`,
      `<h3 id="the-big-ideas-core-innovations">The Big Idea(s) &amp; Core Innovations</h3>`,
      ...papers.map(
        (p) =>
          `<p>${filler(rand, pick)} For instance, <strong>${p.name}</strong> (“<a href="https://arxiv.org/pdf/${p.id}">${escapeHtml(p.title)}</a>”) by <em>${pick(PLACES)}</em> introduces a <strong>${pick(WORDS)}</strong> approach to ${pick(NOUNS)}. ${filler(rand, pick)}</p>`,
      ),
      `<h3 id="under-the-hood-models-datasets-benchmarks">Under the Hood: Models, Datasets, &amp; Benchmarks</h3>`,
      '<ul>',
      ...papers.map(
        (p, k) =>
          `<li><strong>${p.name}</strong>: ${filler(rand, pick)} Code: <a href="https://github.com/lab${k % 7}/${p.id.replace('.', '-')}">https://github.com/lab${k % 7}/${p.id.replace('.', '-')}</a></li>`,
      ),
      '</ul>',
      `<h3 id="impact-the-road-ahead">Impact &amp; The Road Ahead</h3>`,
      `<p>${filler(rand, pick)} ${filler(rand, pick)}</p>`,
    ].join('\n');
    const date = wpDate(at);
    const id = firstId + i;
    const title = `${cap(topic)}: ${cap(pick(WORDS))} ${pick(NOUNS)} and the road to ${pick(WORDS)} ${pick(NOUNS)}`;
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    posts.push({
      id,
      date,
      date_gmt: date,
      modified: date,
      modified_gmt: date,
      slug,
      status: 'publish',
      type: 'post',
      link: `https://scipapermill.com/${date.slice(0, 10).replace(/-/g, '/')}/${slug}/`,
      title: { rendered: escapeHtml(title) },
      content: { rendered: body, protected: false },
      excerpt: { rendered: `<p>${escapeHtml(header)}</p>`, protected: false },
      categories: [1],
    });
  }
  return posts;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function filler(rand: () => number, pick: <T>(xs: readonly T[]) => T): string {
  const n = 2 + Math.floor(rand() * 3);
  return Array.from({ length: n }, () => `The ${pick(WORDS)} ${pick(NOUNS)} make ${pick(WORDS)} ${pick(NOUNS)} more ${pick(WORDS)} across settings.`).join(' ');
}
