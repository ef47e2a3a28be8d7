import { type Anchor, wordCount } from './anchor.ts';
import { isPeopleList } from './anchors-linked.ts';
import { COMPONENT_NOUNS, DISCOURSE, isCapitalised, isNameLike, MINOR } from './lexicon.ts';
import { cleanTitle, nameAndTitle, shortNameOf } from './names.ts';
import type { PeoplePhrase } from './people-phrases.ts';
import type { Sentence } from './sentence.ts';

const MAX_QUOTE = 400;

/** Words before a title that belong to the sentence ("to", "Similarly"), but not a title's own "A"/"The". */
function droppable(word: string): boolean {
  if (word === 'A' || word === 'An' || word === 'The') return false;
  return MINOR.has(word) || DISCOURSE.has(word.toLowerCase());
}

// A quoted phrase after these is a concept the paper names, not a paper ("so-called “memory drift”").
const CONCEPT_BEFORE = /(?:so-called|notion of|concept of|idea of|phenomenon of|what (?:they|the authors) (?:call|term))\s*$/i;

/** The word before `at` ("a" in "a “Critic-Agent”"), lower case; '' when a bracket or clause mark comes first. */
function wordBefore(text: string, at: number, from: number): string {
  let e = at;
  while (e > from && text[e - 1] === ' ') e--;
  let b = e;
  while (b > from && e - b < 20 && /[\p{L}-]/u.test(text[b - 1]!)) b--;
  return text.slice(b, e).toLowerCase();
}

/** "“Function-Space … Priors” (ST-FS-EB)": the short name in brackets right after a quoted title. */
function bracketName(text: string, c: number, end: number): { name: string; end: number } | undefined {
  if (text[c + 1] !== ' ' || text[c + 2] !== '(') return undefined;
  let close = -1;
  for (let k = c + 3; k < Math.min(end, c + 44); k++) {
    if (text[k] === ')') {
      close = k;
      break;
    }
  }
  if (close < 0) return undefined;
  const name = text.slice(c + 3, close);
  return isNameLike(name) ? { name, end: close + 1 } : undefined;
}

/** Quoted titles: “Plug-in Losses for Evidential Deep Learning”. */
export function quoteAnchors(s: Sentence, out: Anchor[]): void {
  const text = s.text;
  // The next closing quote of each kind, searched for once per stretch: a run of unclosed “ stays linear.
  const next: Record<string, number> = { '”': -2, '"': -2 };
  const closerFrom = (closer: string, from: number): number => {
    for (let k = from; k < s.end; k++) if (text[k] === closer) return k;
    return -1;
  };
  for (let o = s.start; o < s.end; o++) {
    const ch = text[o];
    if (ch !== '“' && ch !== '"') continue;
    const closer = ch === '“' ? '”' : '"';
    let c = next[closer]!;
    if (c !== -1 && c <= o) {
      c = closerFrom(closer, o + 1);
      next[closer] = c;
    }
    if (c < 0 || c - o > MAX_QUOTE) continue;
    const content = cleanTitle(text.slice(o + 1, c));
    const words = wordCount(content);
    const before = text.slice(Math.max(s.start, o - 40), o);
    if (CONCEPT_BEFORE.test(before) || isPeopleList(content)) {
      o = c;
      continue;
    }
    const article = wordBefore(text, o, s.start);
    const after = /^[\s,]*([\p{L}-]+)/u.exec(text.slice(c + 1, Math.min(s.end, c + 30)))?.[1] ?? '';
    const part = article === 'a' || article === 'an' || COMPONENT_NOUNS.has(after);
    if (/^[\p{Lu}\p{N}]/u.test(content) && words >= 2 && words <= 40) {
      const bracket = bracketName(text, c, s.end);
      const named = nameAndTitle(content, true);
      if (bracket) out.push({ kind: 'quote', start: o, end: bracket.end, name: bracket.name, ...(named.title ? { title: named.title } : {}) });
      else out.push({ kind: 'quote', start: o, end: c + 1, ...named, ...(part && words <= 3 ? { part } : {}) });
    } else if (words === 1 && isNameLike(content)) {
      out.push({ kind: 'quote', start: o, end: c + 1, name: content, ...(part ? { part } : {}) });
    }
    o = c;
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
  if (!last || (last.trail !== '' && !/^[?!]$/.test(last.trail))) return undefined;
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
    // "FooNet: Fast Graphs for Bar by researchers from ETH": the title ends before "by researchers".
    let end = b;
    for (let k = b - 1; k > from; k--) {
      const w = tokens[k]!.core;
      if ((w === 'by' || w === 'from') && k < b - 1) {
        end = k;
        break;
      }
      if (!/^\p{Ll}/u.test(w) || tokens[k]!.trail !== '' || k < b - 4) break;
    }
    const lastTok = tokens[end - 1]!;
    const title = cleanTitle(s.text.slice(start, lastTok.end));
    if (title === '' || isPeopleList(title)) return undefined;
    const short = name ?? shortNameOf(title);
    const words = wordCount(title);
    if (!short && words < 3 && !tokens.slice(from, end).some((t) => isNameLike(t.core))) return undefined;
    return { kind: 'titled', start, end: lastTok.end, name: short ?? title, ...(words >= 3 || short ? { title } : {}) };
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

/**
 * A title written in prose without quotes: "introduces FooProver: Deep Search for Automated
 * Theorem Proofs." — a short name, a colon, then words in title case up to the clause's end.
 */
export function colonTitleAnchors(s: Sentence, out: Anchor[]): void {
  const tokens = s.tokens;
  for (let i = 0; i < tokens.length - 2; i++) {
    const head = tokens[i]!;
    if (head.trail !== ':' || head.lead !== '' || !isNameLike(head.core)) continue;
    let capitals = 0;
    let last = -1;
    let k = i + 1;
    for (; k < tokens.length && k - i <= 30; k++) {
      const w = tokens[k]!;
      if (w.lead !== '' || w.core === 'by' || w.core === 'from') break;
      if (isCapitalised(w.core) || isNameLike(w.core)) capitals++;
      else if (!MINOR.has(w.core)) break;
      if (w.trail !== '') {
        last = k;
        break;
      }
    }
    // The run must end the clause (punctuation, the sentence's end, or "by"/"from" + people).
    if (last < 0 && k === tokens.length) last = k - 1;
    if (last < 0 && k < tokens.length && (tokens[k]!.core === 'by' || tokens[k]!.core === 'from')) last = k - 1;
    if (last <= i + 1 || capitals < 2 || !(isCapitalised(tokens[last]!.core) || isNameLike(tokens[last]!.core))) continue;
    if (!/^[.,;)!?]*$/.test(tokens[last]!.trail)) continue;
    const end = tokens[last]!.end - tokens[last]!.trail.length;
    const title = cleanTitle(s.text.slice(head.start, end));
    out.push({ kind: 'titled', start: head.start, end, name: head.core, title });
    i = last;
  }
}
