import { titleKey } from '../ids/title-key.ts';

export interface Segment {
  readonly text: string;
  readonly hit: boolean;
}

/**
 * Splits display text into plain and highlighted runs: a word is highlighted when its key is one
 * of the matched words (or starts with a typed prefix). Text stays text; nothing becomes markup.
 */
export function highlight(text: string, matched: readonly string[]): Segment[] {
  if (matched.length === 0) return [{ text, hit: false }];
  const set = new Set(matched);
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const key = titleKey(m[0]);
    const hit = set.has(key) || matched.some((w) => w.length >= 2 && key.startsWith(w));
    if (!hit) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}
