import type { BlockLink } from './blocks.ts';

const URL_START = /\b(?:https?:\/\/|www\.)/gi;
const STOP = new Set([' ', '\t', '\n', '\r', '\u00a0', '<', '>', '"', '“', '”', '‘', '’', '|', '{', '}', '\\', '^', '`']);
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '*']);

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

/** Trims what a sentence adds after a URL: a full stop, a comma, an unbalanced `)` or `]`. */
export function trimUrlEnd(url: string): string {
  let u = url;
  for (;;) {
    const last = u.at(-1);
    if (last === undefined) return u;
    if (TRAILING.has(last)) u = u.slice(0, -1);
    else if (last === ')' && count(u, ')') > count(u, '(')) u = u.slice(0, -1);
    else if (last === ']' && count(u, ']') > count(u, '[')) u = u.slice(0, -1);
    else return u;
  }
}

/** URLs written out in plain text, as links whose text is the URL itself. */
export function findTextLinks(text: string): BlockLink[] {
  const links: BlockLink[] = [];
  URL_START.lastIndex = 0;
  let last = -1;
  for (let m = URL_START.exec(text); m; m = URL_START.exec(text)) {
    const start = m.index;
    if (start < last) continue;
    let end = start;
    while (end < text.length && !STOP.has(text[end]!)) end++;
    // Nobody writes a 2,000-character address; skipping keeps trimming linear on junk.
    if (end - start > 2048) {
      last = end;
      URL_START.lastIndex = end;
      continue;
    }
    const raw = trimUrlEnd(text.slice(start, end));
    last = end;
    URL_START.lastIndex = end;
    if (raw.length <= m[0].length + 2) continue;
    const href = /^www\./i.test(raw) ? `https://${raw}` : raw;
    links.push({ href, text: raw, start, end: start + raw.length });
  }
  return links;
}
