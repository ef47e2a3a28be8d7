import { shortNameKey, titleKey } from '../ids/index.ts';
import { DISCOURSE, isCapitalised, isNameLike, NAME_SUFFIXES } from './lexicon.ts';
import { trimChars } from './trim.ts';

/** Trailing punctuation a title picks up from the sentence around it. */
export function cleanTitle(title: string): string {
  let t = trimChars(title.replace(/\s+/g, ' '), ' “”"‘’\'', ' ,;:“”"‘’\'');
  const opens = t.split('(').length;
  const closes = t.split(')').length;
  if (t.endsWith(')') && closes > opens) t = t.slice(0, -1);
  if (t.startsWith('(') && opens > closes) t = t.slice(1);
  return trimChars(t, ' ', ' ,;:');
}

/**
 * A title's short name, when it leads with one: "HARU-Net: Hybrid …" → "HARU-Net",
 * "Bound to Disagree: Generalization Bounds …" → "Bound to Disagree". Undefined otherwise.
 */
export function shortNameOf(title: string): string | undefined {
  const colon = title.indexOf(': ');
  if (colon <= 0) return undefined;
  const head = title.slice(0, colon).trim();
  const words = head.split(' ');
  if (words.length > 5 || !(isCapitalised(head) || isNameLike(words[0]!))) return undefined;
  return head;
}

/** Name and title from text that names a paper (link text, a quotation). */
export function nameAndTitle(raw: string, asTitle: boolean): { name: string; title?: string } {
  const text = cleanTitle(raw);
  const short = shortNameOf(text);
  const words = text.split(' ').length;
  if (!asTitle && !short && words < 4) return { name: text };
  // "Long Context Sparse Attention (LCSA): …" goes by "LCSA".
  return { name: (short && bracketedName(short)) ?? short ?? text, title: text };
}

/** Drops a bracketed part ("PILOT (Policy-Informed …)" → "PILOT"). */
export function withoutBrackets(name: string): string {
  let depth = 0;
  let out = '';
  for (const c of name) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Key for matching two spellings of a paper's name within a digest ("FlashMem Framework" = "FlashMem"). */
export function nameKey(name: string): string {
  const words = titleKey(withoutBrackets(name))
    .split(' ')
    .filter((w) => w !== '');
  while (words.length > 1 && NAME_SUFFIXES.has(words.at(-1)!)) words.pop();
  return words.join(' ');
}

export { shortNameKey, titleKey };

/** Leading words that open a sentence rather than a name ("Similarly", "The"). */
export function trimLeadingWords(words: string[]): string[] {
  let i = 0;
  while (i < words.length - 1 && DISCOURSE.has(words[i]!.toLowerCase())) i++;
  return words.slice(i);
}

/** "Long Context Sparse Attention (LCSA)" → "LCSA": a short name given in brackets after a longer one. */
export function bracketedName(name: string): string | undefined {
  const open = name.lastIndexOf(' (');
  if (open <= 0 || !name.endsWith(')')) return undefined;
  const inner = name.slice(open + 2, -1);
  return isNameLike(inner) ? inner : undefined;
}
