import type { ArxivId } from '../ids/index.ts';
import { type Anchor, wordCount } from './anchor.ts';
import type { Range } from './blocks.ts';
import { classifyLink } from './code-links.ts';
import { DISCOURSE, isCapitalised, isNameLike } from './lexicon.ts';
import { cleanTitle, nameAndTitle, shortNameOf } from './names.ts';
import { closingParen, isPersonLike, parseNameList } from './people.ts';
import type { Sentence } from './sentence.ts';
import { type Token, tokenIndexAt, tokenize } from './tokens.ts';

const GENERIC_LINK_TEXT = /^(?:paper|this paper|the paper|here|link|arxiv|pdf|preprint|this work|this study|article|\[?\d{1,3}\]?)$/i;
const BEFORE_PAREN_STOP = new Set([
  'like',
  'as',
  'such',
  'and',
  'or',
  'on',
  'of',
  'the',
  'a',
  'an',
  'in',
  'with',
  'by',
  'from',
  'including',
  'via',
  'for',
  'to',
  'e.g',
  'i.e',
  'see',
  'namely',
  'its',
  'their',
  'our',
  'this',
  'these',
]);

function isUrlText(text: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(text);
}

/** The link text is a list of people ("Zhang et al.", "John Doe and Jane Smith"), not a title. */
export function isAuthorText(text: string): boolean {
  const tokens = tokenize(text);
  const list = parseNameList(tokens, 0);
  if (!list || list.next !== tokens.length) return false;
  return list.etAl || (list.units.length >= 2 && list.units.every(isPersonLike));
}

/** A list of two or more people of two words or more ("Ada Park and Lee Chen"), or "X et al.": never a title. */
export function isPeopleList(text: string): boolean {
  const tokens = tokenize(text);
  const list = parseNameList(tokens, 0);
  if (!list || list.next !== tokens.length) return false;
  return list.etAl || (list.units.length >= 2 && list.units.every((u) => isPersonLike(u) && u.includes(' ')));
}

/**
 * "HARU-Net (https://arxiv.org/pdf/…)", "TransFuzz (LLM-Powered Silent Bug …, https://…)",
 * "(Paper: BrepCoder: A Unified …, https://…)": the name before the bracket and the title inside it.
 */
function parenAnchor(s: Sentence, link: Range, arxivId: ArxivId | undefined): Anchor | undefined {
  const text = s.text;
  let open = -1;
  for (let i = link.start - 1; i >= Math.max(s.start, link.start - 300); i--) {
    const c = text[i];
    if (c === ')') return undefined;
    if (c === '(') {
      open = i;
      break;
    }
  }
  if (open < 0) return undefined;
  const close = closingParen(text, open);
  const end = close > 0 && close <= s.end ? close : link.end;
  const inner = cleanTitle(text.slice(open + 1, link.start).replace(/^\s*paper\s*:\s*/i, ''));
  const title = inner.length > 0 && /^[\p{Lu}\p{N}]/u.test(inner) && wordCount(inner) >= 2 ? inner : undefined;
  const tokens = s.tokens;
  let k = tokenIndexAt(tokens, open) - 1;
  const words: Token[] = [];
  while (k >= 0 && words.length < 4) {
    const t = tokens[k]!;
    if (t.end > open) {
      k--;
      continue;
    }
    if (t.trail !== '' || t.lead !== '' || BEFORE_PAREN_STOP.has(t.core.toLowerCase()) || (DISCOURSE.has(t.core.toLowerCase()) && words.length > 0)) break;
    words.unshift(t);
    k--;
  }
  // Keep only the trailing run of name-like words when there is one ("Models like HARU-Net").
  let phraseWords = words;
  const nameLikeFrom = words.findIndex((w) => isNameLike(w.core) || isCapitalised(w.core));
  if (nameLikeFrom >= 0) phraseWords = words.slice(nameLikeFrom);
  const phrase = phraseWords.map((w) => w.core).join(' ');
  const start = phraseWords[0]?.start ?? open;
  const opensWithPaper = /^\(\s*paper\s*:/i.test(text.slice(open, open + 12));
  if (title) {
    const named = phrase !== '' && !opensWithPaper ? phrase : (shortNameOf(title) ?? title);
    return { kind: 'paren', start: opensWithPaper ? open : start, end, name: named, title, ...(arxivId ? { arxivId } : {}) };
  }
  if (phrase === '' || text.slice(open + 1, link.start).trim() !== '') return undefined;
  const strong = phraseWords.some((w) => isNameLike(w.core) || isCapitalised(w.core));
  return { kind: 'paren', start, end, name: phrase, ...(arxivId ? { arxivId } : {}), ...(strong ? {} : { weak: true }) };
}

/** Papers named by their arXiv links: link text, or the name before a bracketed URL. */
export function linkAnchors(s: Sentence, out: Anchor[]): void {
  for (const link of s.links) {
    const cls = classifyLink(link.href);
    if (cls.kind !== 'arxiv') continue;
    const text = link.text.trim();
    if (text === '' || isUrlText(text) || GENERIC_LINK_TEXT.test(text)) {
      const a = parenAnchor(s, link, cls.id);
      if (a) out.push(a);
      continue;
    }
    if (isAuthorText(text)) continue;
    let start = link.start;
    let end = link.end;
    if ('“"'.includes(s.text[start - 1] ?? '')) start--;
    if ('”"'.includes(s.text[end] ?? '')) end++;
    out.push({ kind: 'link', start, end, ...nameAndTitle(text, false), arxivId: cls.id });
  }
}
