/**
 * Why a result matched, when its title does not say: the matched words in a short piece of the
 * text they came from (an institution, a dataset, an author, its code, or the digest's sentence
 * about it). Plain text: the popup highlights it as text, never as markup.
 */
import { titleKey } from '../ids/title-key.ts';
import type { DigestRecord, PaperRecord } from '../index/types.ts';
import type { SearchHit } from './match.ts';

export interface MatchReason {
  /** What the text is: "institution", "dataset", "author", "code", "digest", "theme", "intro". */
  readonly label: string;
  readonly text: string;
}

/** Matched words the title and short name do not show: only these need a reason. */
export function unexplained(hit: SearchHit): string[] {
  const shown = new Set([...hit.doc.fields.title, ...hit.doc.fields.name]);
  return hit.matched.filter((w) => !shown.has(w));
}

const SNIPPET = 140;

/** The text's words as keys, for counting which of `words` it holds. */
function covers(text: string, words: ReadonlySet<string>): number {
  let n = 0;
  const seen = new Set<string>();
  for (const w of titleKey(text).split(' ')) if (words.has(w) && !seen.has(w)) seen.add(w), n++;
  return n;
}

/** Up to SNIPPET characters of a long text, around its first matched word, cut at word boundaries. */
export function snippet(text: string, words: readonly string[]): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= SNIPPET) return clean;
  const set = new Set(words);
  let at = 0;
  for (const m of clean.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const key = titleKey(m[0]);
    if (set.has(key) || key.split(' ').some((k) => set.has(k))) {
      at = m.index;
      break;
    }
  }
  let start = Math.max(0, at - 40);
  if (start > 0) start = clean.indexOf(' ', start) + 1 || start;
  let end = Math.min(clean.length, start + SNIPPET);
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    if (space > at) end = space;
  }
  return `${start > 0 ? '… ' : ''}${clean.slice(start, end)}${end < clean.length ? ' …' : ''}`;
}

/** The text of the record that best shows the unexplained words: short fields first, then sentences. */
export function reasonFor(hit: SearchHit, record: PaperRecord | DigestRecord | undefined): MatchReason | undefined {
  const words = unexplained(hit);
  if (words.length === 0 || !record) return undefined;
  const set = new Set(words);
  const candidates: MatchReason[] =
    'mentions' in record
      ? [
          ...record.institutions.map((text) => ({ label: 'institution', text })),
          ...record.datasets.map((text) => ({ label: 'dataset', text })),
          ...record.authors.map((text) => ({ label: 'author', text })),
          ...record.repos.map((text) => ({ label: 'code', text })),
          ...record.mentions.flatMap((m) => m.contexts.map((c) => ({ label: 'digest', text: c.text }))),
        ]
      : [...record.themes.map((t) => ({ label: 'theme', text: t.title })), { label: 'topic', text: record.topic }, { label: 'intro', text: record.intro }];
  let best: MatchReason | undefined;
  let bestCount = 0;
  for (const c of candidates) {
    const n = covers(c.text, set);
    // Strictly more words win: of equals, the earlier (shorter kind of) text stays.
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best && { label: best.label, text: snippet(best.text, words) };
}
