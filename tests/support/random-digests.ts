import { rng } from '../server/generate-posts.ts';
import { digest, type MentionSpec } from './make-digest.ts';

/**
 * Mentions drawn from a few titles, names, ids and repositories, so they keep meeting: an id
 * arriving for a paper known by title, by name and code, two arXiv papers of one title, a cited
 * library shared by many.
 */
export function randomDigests(seed: number, count: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const titles = ['Bee colonies', 'Ants at work', 'Wasp nests', 'Moth flight', 'Beetle shells'];
  const names = ['BEE', 'ANT', 'WASP', 'MOTH', 'BTL', 'SAME'];
  const repos = ['https://github.com/o/bee', 'https://github.com/o/ant', 'https://github.com/o/wasp', 'https://github.com/lib/shared'];
  const ids = ['2605.00001', '2605.00002', '2605.00003', '2605.00004', '2605.00005', '2605.00006', '2605.00007'];
  return Array.from({ length: count }, (_, n) => {
    const papers: MentionSpec[] = Array.from({ length: 1 + Math.floor(r() * 5) }, () => ({
      name: pick(names),
      ...(r() < 0.6 ? { title: pick(titles) } : {}),
      ...(r() < 0.5 ? { arxiv: pick(ids) } : {}),
      ...(r() < 0.5 ? { code: [pick(repos)] } : {}),
    }));
    // Now and then a digest is written again, edited (a later fetch of the same post).
    const id = n > 3 && r() < 0.2 ? `d${Math.floor(r() * n)}` : `d${n}`;
    return digest(id, `2026-05-${String(1 + (n % 28)).padStart(2, '0')}`, papers);
  });
}
