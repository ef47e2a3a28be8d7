import type { PaperRecord } from './types.ts';

/** Why a paper of another digest is related, strongest first. */
export interface RelatedProbe {
  readonly index: 'by-dataset' | 'by-org';
  readonly key: string;
  readonly reason: string;
}

// Datasets every second paper uses say little about how two papers relate.
const COMMON_DATASETS = new Set(['imagenet', 'cifar-10', 'cifar-100', 'mnist', 'coco', 'ms coco']);

/**
 * The lookups that find a paper's relatives in other digests: papers on the same dataset first
 * (the rarer tie), then code from the same organisation. Each is one bounded IndexedDB index read.
 */
export function relatedProbes(paper: PaperRecord): RelatedProbe[] {
  const datasets = paper.datasets.filter((d) => !COMMON_DATASETS.has(d.toLowerCase()));
  return [
    ...datasets.map((d): RelatedProbe => ({ index: 'by-dataset', key: d, reason: `same dataset: ${d}` })),
    ...paper.orgs.map((o): RelatedProbe => ({ index: 'by-org', key: o, reason: `same code organisation: ${o}` })),
  ];
}
