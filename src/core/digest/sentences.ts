import type { Range } from './blocks.ts';

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'fig',
  'figs',
  'eq',
  'eqs',
  'no',
  'dr',
  'mr',
  'ms',
  'mrs',
  'prof',
  'st',
  'approx',
  'resp',
  'sec',
  'ref',
  'refs',
  'vol',
  'pp',
  'jr',
  'sr',
]);
const MAX_QUOTE = 300;
const CLOSERS = new Set(['”', '’', '"', "'", ')', ']']);

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\u00a0';
}

function startsSentence(c: string | undefined): boolean {
  return c !== undefined && (/[\p{Lu}\p{N}]/u.test(c) || c === '“' || c === '"' || c === '‘');
}

function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && !isSpace(text[i - 1]) && text[i - 1] !== '(') i--;
  return text.slice(i, dot);
}

/** Sentence ranges of a block's text, in order, covering it without gaps but for spaces. */
export function splitSentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  // Inside “…” a "!" or "?" belongs to a title ("Is Now! Charting …"); give up on a quote left open.
  let quoteOpenedAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') quoteOpenedAt = i;
    else if (c === '”') quoteOpenedAt = -1;
    if (c !== '.' && c !== '!' && c !== '?') continue;
    if (quoteOpenedAt >= 0 && i - quoteOpenedAt < MAX_QUOTE) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    if (!isSpace(text[end])) continue;
    let next = end;
    while (isSpace(text[next])) next++;
    if (!startsSentence(text[next])) continue;
    if (c === '.') {
      const word = wordBefore(text, i);
      // Initials ("Jacob W. Toney") and abbreviations do not end sentences.
      if (/^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    out.push({ start, end });
    start = next;
    i = next - 1;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}
