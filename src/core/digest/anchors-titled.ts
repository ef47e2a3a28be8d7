import { wordCount, type Anchor } from './anchor.ts';
import { DISCOURSE, isCapitalised, isNameLike, MINOR } from './lexicon.ts';
import { cleanTitle, nameAndTitle, shortNameOf } from './names.ts';
import type { PeoplePhrase } from './people-phrases.ts';
import type { Sentence } from './sentence.ts';

const MAX_QUOTE = 400;

/** Words before a title that belong to the sentence ("to", "Similarly"), but not a title's own "A"/"The". */
function droppable(word: string): boolean {
  if (word === 'A' || word === 'An' || word === 'The') return false;
  return MINOR.has(word) || DISCOURSE.has(word.toLowerCase());
}

/** Quoted titles: “Plug-in Losses for Evidential Deep Learning”. */
export function quoteAnchors(s: Sentence, out: Anchor[]): void {
  const text = s.text;
  let i = s.start;
  while (i < s.end) {
    const open = text.indexOf('“', i);
    const straight = text.indexOf('"', i);
    const o = open < 0 || open >= s.end ? (straight >= 0 && straight < s.end ? straight : -1) : straight >= 0 && straight < open ? straight : open;
    if (o < 0) return;
    const closer = text[o] === '“' ? '”' : '"';
    const c = text.indexOf(closer, o + 1);
    if (c < 0 || c >= s.end || c - o > MAX_QUOTE) {
      i = o + 1;
      continue;
    }
    const content = cleanTitle(text.slice(o + 1, c));
    const words = wordCount(content);
    if (/^[\p{Lu}\p{N}]/u.test(content) && words >= 2 && words <= 40) {
      out.push({ kind: 'quote', start: o, end: c + 1, ...nameAndTitle(content, true) });
    } else if (words === 1 && isNameLike(content)) {
      out.push({ kind: 'quote', start: o, end: c + 1, name: content });
    }
    i = c + 1;
  }
}

/**
 * The title before "by"/"from" + people: "HARU-Net: Hybrid … Tomography by Naveed and Pauwels",
 * "A Green Learning Approach to LDCT Image Restoration by Wang, Wu, and Kuo".
 */
/** Marks the tokens inside people phrases: another "by …"/"from …" ends a title ("X by Naveed and Pauwels from Aarhus University"). */
export function peopleMask(s: Sentence, people: readonly PeoplePhrase[]): Uint8Array {
  const mask = new Uint8Array(s.tokens.length);
  let p = 0;
  for (let k = 0; k < s.tokens.length; k++) {
    const t = s.tokens[k]!;
    while (p < people.length && people[p]!.end <= t.start) p++;
    if (p < people.length && t.start >= people[p]!.start) mask[k] = 1;
  }
  return mask;
}

export function titleBefore(s: Sentence, b: number, inPeople: Uint8Array): Anchor | undefined {
  const tokens = s.tokens;
  const last = tokens[b - 1];
  if (!last || last.trail !== '' && !/^[?!]$/.test(last.trail)) return undefined;
  const win: number[] = [];
  for (let k = b - 1; k >= 0 && b - k <= 40; k--) {
    const t = tokens[k]!;
    if (k < b - 1 && /[,;”")\]]/.test(t.trail)) break;
    if (inPeople[k]) break;
    win.unshift(k);
    if (t.lead !== '') break;
  }
  if (win.length === 0) return undefined;
  const first = win[0]!;
  const make = (from: number, name?: string): Anchor | undefined => {
    const startTok = tokens[from]!;
    const start = startTok.start + startTok.lead.length;
    const title = cleanTitle(s.text.slice(start, last.end));
    if (title === '') return undefined;
    const short = name ?? shortNameOf(title);
    const words = wordCount(title);
    if (!short && words < 3 && !tokens.slice(from, b).some((t) => isNameLike(t.core))) return undefined;
    return { kind: 'titled', start, end: last.end, name: short ?? title, ...(words >= 3 || short ? { title } : {}) };
  };
  // A short name and a colon ("PatchDenoiser: Parameter-efficient … images by"): the subtitle may be lower case.
  for (const k of win) {
    const t = tokens[k]!;
    if (!t.trail.startsWith(':')) continue;
    let from = k;
    while (from > first && k - from < 5) {
      const prev = tokens[from - 1]!;
      if (prev.trail !== '' || !(isCapitalised(prev.core) || isNameLike(prev.core) || MINOR.has(prev.core))) break;
      from--;
    }
    while (from < k && droppable(tokens[from]!.core)) from++;
    const head = tokens[from]!;
    if (!(isCapitalised(head.core) || isNameLike(head.core)) || DISCOURSE.has(head.core.toLowerCase())) continue;
    const name = s.text.slice(head.start + head.lead.length, t.end - t.trail.length);
    return make(from, name);
  }
  let from = b - 1;
  while (from >= first) {
    const c = tokens[from]!.core;
    if (!(isCapitalised(c) || isNameLike(c) || MINOR.has(c))) break;
    if (from < b - 1 && tokens[from]!.trail !== '' && !/^[?!:]$/.test(tokens[from]!.trail)) break;
    from--;
  }
  from++;
  while (from < b && droppable(tokens[from]!.core)) from++;
  if (from >= b) return undefined;
  const run = tokens.slice(from, b);
  const capitals = run.filter((t) => isCapitalised(t.core)).length;
  if (!(run.some((t) => isNameLike(t.core)) || (run.length >= 3 && capitals >= 2))) return undefined;
  return make(from);
}

/** ", in Improving Adversarial Robustness of Attribution via Implicit Regularization, show …" */
export function inTitleAnchors(s: Sentence, out: Anchor[]): void {
  const tokens = s.tokens;
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.core !== 'in' || t.lead !== '' || t.trail !== '' || !tokens[i - 1]!.trail.endsWith(',')) continue;
    let k = i + 1;
    if (!isCapitalised(tokens[k]!.core) || tokens[k]!.lead !== '') continue;
    let ok = false;
    for (; k < tokens.length && k - i <= 30; k++) {
      const w = tokens[k]!;
      if (!(isCapitalised(w.core) || isNameLike(w.core) || MINOR.has(w.core))) break;
      if (w.trail !== '') {
        ok = w.trail.startsWith(',') || k === tokens.length - 1;
        break;
      }
    }
    const count = k - i;
    if (!ok || count < 4) continue;
    const from = tokens[i + 1]!;
    const to = tokens[k]!;
    const title = cleanTitle(s.text.slice(from.start, to.end - to.trail.length));
    out.push({ kind: 'in', start: from.start, end: to.end - to.trail.length, ...nameAndTitle(title, true) });
  }
}

