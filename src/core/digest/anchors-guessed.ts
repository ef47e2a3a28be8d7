import type { Anchor } from './anchor.ts';
import { COMPONENT_NOUNS, DATASET_WORDS, GENERIC_NOUNS, INTRO_VERBS, isNameLike, SUBJECT_VERBS } from './lexicon.ts';
import { closingParen } from './people.ts';
import type { Sentence } from './sentence.ts';

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'their', 'its', 'our', 'his', 'her']);

/** A short name in a position only a paper's name takes ("introduce HSPMD", "the TRACE framework", "SENSE creates"). */
export function subjectAnchors(s: Sentence, out: Anchor[]): void {
  const tokens = s.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.lead !== '' || !isNameLike(t.core)) continue;
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const next = tokens[i + 1];
    const prevPlain = prev !== undefined && prev.trail === '';
    const clauseStart = prev === undefined || /[,;:]$/.test(prev.trail) || (prevPlain && (prev.core === 'and' || prev.core === 'while'));
    const ok =
      (prevPlain && INTRO_VERBS.has(prev.core)) ||
      (prevPlain && GENERIC_NOUNS.has(prev.core) && prev2 !== undefined && DETERMINERS.has(prev2.core.toLowerCase())) ||
      (t.trail === '' &&
        next !== undefined &&
        GENERIC_NOUNS.has(next.core) &&
        !DATASET_WORDS.has(next.core) &&
        prev !== undefined &&
        DETERMINERS.has(prev.core.toLowerCase())) ||
      (t.trail === '' && clauseStart && next !== undefined && next.lead === '' && SUBJECT_VERBS.has(next.core)) ||
      (t.trail === ',' && next !== undefined && (next.core === 'a' || next.core === 'an'));
    if (!ok) continue;
    // "a Critic-Agent that …", "its Verifier module": a part of the paper the sentence is about.
    const part =
      (prev !== undefined && prev.trail === '' && (prev.core === 'a' || prev.core === 'an')) ||
      (t.trail === '' && next !== undefined && COMPONENT_NOUNS.has(next.core));
    out.push({ kind: 'subject', start: t.start, end: t.start + t.core.length, name: t.core, ...(part ? { part } : {}) });
  }
}

/** Names listed after "like", "such as", "as seen in", "including": "methods like SigmaQuant and FlashMem". */
export function listAnchors(s: Sentence, out: Anchor[]): void {
  const tokens = s.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const trigger =
      (t.trail === '' && (t.core === 'like' || t.core === 'including')) ||
      (t.core === 'as' && prev?.core === 'such') ||
      (t.core === 'in' && prev?.core === 'seen') ||
      (t.core === 'e.g' && t.trail.startsWith('.')) ||
      // "explored by I-SAFE, CLIF, ExECG, and …"
      (t.core === 'by' && t.trail === '' && prev !== undefined && prev.trail === '' && /ed$/.test(prev.core));
    if (!trigger || (prev && DATASET_WORDS.has(prev.core.toLowerCase()))) continue;
    for (let k = i + 1; k < tokens.length && k - i < 30; k++) {
      const w = tokens[k]!;
      if (w.core === 'and' || w.core === 'or') continue;
      // "FLYNN (Benquan Wang et al.) or Hippocampus-DETR (…)": step over the bracket.
      if (w.lead.startsWith('(')) {
        const close = closingParen(s.text, w.start);
        if (close < 0) break;
        while (k + 1 < tokens.length && tokens[k + 1]!.start < close) k++;
        if (!/^\)*,?$/.test(tokens[k]!.trail.replace(/^[^)]*/, ''))) break;
        continue;
      }
      if (w.lead !== '' || !isNameLike(w.core)) break;
      out.push({ kind: 'list', start: w.start, end: w.start + w.core.length, name: w.core });
      if (w.trail !== '' && w.trail !== ',') break;
    }
  }
}
