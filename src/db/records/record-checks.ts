/**
 * Export files come from disk and may have been edited or truncated: check a digest record and
 * the mentions it brings before any of it is written. Returns the reason it is unusable, if any.
 */
import type { MentionRecord, PaperRecord } from '../../core/index/types.ts';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');
const str = (v: unknown): boolean => typeof v === 'string';

function mentionProblem(m: unknown): string | undefined {
  if (!isObj(m)) return 'a mention is not an object';
  for (const k of ['digestId', 'digestDate', 'digestTitle', 'digestUrl', 'topic', 'name'] as const) if (!str(m[k])) return `a mention has no ${k}`;
  for (const k of ['datasets', 'institutions', 'authors', 'sections'] as const) if (!strings(m[k])) return `a mention's ${k} is not a list of strings`;
  if (!Array.isArray(m.placements) || !Array.isArray(m.contexts) || !Array.isArray(m.codeUrls))
    return "a mention's placements, contexts or code links are missing";
  if (!m.contexts.every((c) => isObj(c) && str(c.text))) return 'a mention context has no text';
  if (!m.codeUrls.every((c) => isObj(c) && str(c.url))) return 'a code link has no address';
  return undefined;
}

export function digestRecordProblem(d: unknown, papers: ReadonlyMap<string, PaperRecord>): string | undefined {
  if (!isObj(d)) return 'not a digest record';
  if (typeof d.id !== 'string' || d.id === '') return 'a digest has no id';
  for (const k of ['url', 'source', 'title', 'topic', 'date', 'intro'] as const) if (!str(d[k])) return `digest ${d.id} has no ${k}`;
  if (!strings(d.paperKeys) || !strings(d.warnings) || typeof d.parserVersion !== 'number') return `digest ${d.id} is incomplete`;
  const keys = new Set(d.paperKeys as string[]);
  if (
    !Array.isArray(d.themes) ||
    !d.themes.every((t) => isObj(t) && str(t.title) && str(t.summary) && strings(t.paperKeys) && (t.paperKeys as string[]).every((k) => keys.has(k)))
  ) {
    return `digest ${d.id} has malformed themes`;
  }
  for (const key of keys) {
    const p = papers.get(key);
    if (!p) return `digest ${d.id} names paper ${key}, which the file does not hold`;
    // Lookups find a paper with an arXiv id under that id: a record keyed otherwise would be lost.
    if (p.arxivId !== undefined && p.arxivId !== key) return `paper ${key} has arXiv id ${String(p.arxivId)} but is not keyed by it`;
    const m = mentionOf(p, d.id);
    if (!m) return `paper ${key} has no mention from digest ${d.id}`;
    const problem = mentionProblem(m);
    if (problem) return `paper ${key}: ${problem}`;
  }
  return undefined;
}

export function mentionOf(p: PaperRecord | undefined, digestId: string): MentionRecord | undefined {
  return Array.isArray(p?.mentions) ? p.mentions.find((m) => m?.digestId === digestId) : undefined;
}
