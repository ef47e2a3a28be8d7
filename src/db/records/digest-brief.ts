import type { DigestRecord } from '../../core/index/types.ts';
import type { DigestBrief } from '../../core/index/view.ts';

/** A digest as lists show it: header, paper count and its themes' titles with their sizes. */
export function digestBrief(d: DigestRecord): DigestBrief {
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
