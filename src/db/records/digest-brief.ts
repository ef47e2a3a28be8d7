import type { DigestRecord } from '../../core/index/types.ts';

/** A digest as lists show it: header, paper count and its themes' titles with their sizes. */
export interface DigestBriefRecord {
  readonly id: string;
  readonly title: string;
  readonly topic: string;
  readonly date: string;
  readonly url: string;
  readonly papers: number;
  readonly themes: readonly { readonly title: string; readonly papers: number }[];
}

export function digestBrief(d: DigestRecord): DigestBriefRecord {
  return {
    id: d.id,
    title: d.title,
    topic: d.topic,
    date: d.date,
    url: d.url,
    papers: d.paperKeys.length,
    themes: d.themes.map((t) => ({ title: t.title, papers: t.paperKeys.length })),
  };
}
