import type { Anchor } from './anchor.ts';
import { GENERIC_NOUNS, MAKING_VERBS } from './lexicon.ts';
import type { PeoplePhrase } from './people-phrases.ts';
import type { Sentence } from './sentence.ts';
import { type Token, tokenIndexAt } from './tokens.ts';

/**
 * "“Sparse Routers for Lifelong Language Learning” by … proposes SpaRL": the name a titled paper's
 * sentence introduces is that paper's short name, not a second paper. Only a name that the titled
 * paper (or its authors) is the subject of is taken: "builds on X", "extends X", "unlike X",
 * "like X and Y", a list or "a X" (a part of the paper) are left alone.
 */

// Verbs by which a paper brings in its own method, model or dataset.
const ALIAS_VERBS = new Set([...MAKING_VERBS, 'create', 'creates', 'construct', 'constructs', 'curate', 'curates', 'contribute', 'contributes']);
const NAMING = new Set(['called', 'named', 'dubbed', 'termed', 'coined']);
// Words that may stand between a verb and the name ("presents a new benchmark, FooBench").
const DETERMINERS = new Set(['a', 'an', 'the', 'new', 'novel', 'first', 'their', 'its', 'unified', 'simple', 'lightweight']);
// Words that may stand between the titled paper and its verb ("“T” by … , in their paper, introduce").
const SUBJECT_FILLER = new Set([
  'in',
  'their',
  'its',
  'the',
  'paper',
  'work',
  'study',
  'also',
  'further',
  'jointly',
  'here',
  'which',
  'that',
  'researchers',
  'authors',
  'team',
  'et',
  'al',
  'respectively',
  'successfully',
  'now',
]);
// Words that may stand between the name and a title after it ("introduce Cert-SSBD in “Cert-SSBD: …”").
const NAME_TO_TITLE = new Set(['in', 'their', 'the', 'paper', 'work', 'study', 'via', 'through']);
const MAX_GAP = 40;

/** Token index of the verb that introduces the name at token `n`, or -1. */
function introducingVerb(tokens: readonly Token[], n: number): number {
  let k = n - 1;
  const at = (i: number) => tokens[i];
  const t = at(k);
  if (!t) return -1;
  if (t.trail === '' && NAMING.has(t.core)) {
    // "a method called BudgetReplay": back over the lower-case words to the verb.
    k--;
    for (let steps = 0; k >= 0 && steps < 8; steps++, k--) {
      const w = at(k)!;
      if (w.trail !== '' || w.lead !== '' || !/^\p{Ll}/u.test(w.core)) return -1;
      if (ALIAS_VERBS.has(w.core)) return k;
    }
    return -1;
  }
  // "a SpaRL" is a thing of that kind, not a name; "the TRACE framework" and "proposes SpaRL" are names.
  if (t.trail === '' && (t.core === 'a' || t.core === 'an')) return -1;
  if (t.trail === ',' && GENERIC_NOUNS.has(t.core)) {
    // "presents a new benchmark, FooBench"
    k--;
    for (let steps = 0; k >= 0 && steps < 4 && at(k)!.trail === '' && DETERMINERS.has(at(k)!.core); steps++) k--;
  } else if (t.trail === '' && t.core === 'the') {
    k--;
  } else if (t.trail !== '') {
    return -1;
  }
  const v = at(k);
  return v && v.trail === '' && v.lead === '' && ALIAS_VERBS.has(v.core) ? k : -1;
}

function coveredByPeople(t: Token, people: readonly PeoplePhrase[]): boolean {
  return people.some((p) => t.start >= p.start && t.start < p.end);
}

/**
 * For each anchor that is the short name of a titled anchor in the same sentence, the titled
 * anchor's index (alias → paper). Linear in the sentence's tokens and anchors (both capped).
 */
export function introducedNames(s: Sentence, anchors: readonly Anchor[], people: readonly PeoplePhrase[]): Map<number, number> {
  const out = new Map<number, number>();
  const tokens = s.tokens;
  if (!anchors.some((a) => a.title)) return out;
  const first = anchors.map((a) => tokenIndexAt(tokens, a.start));
  const last = anchors.map((a) => tokenIndexAt(tokens, Math.max(a.start, a.end - 1)));
  anchors.forEach((a, ni) => {
    if (a.title || a.arxivId || a.weak || a.kind === 'list' || a.part) return;
    const n = first[ni]!;
    const v = introducingVerb(tokens, n);
    if (v < 0) {
      return;
    }
    // The titled paper before the verb, with only its people and filler words between.
    let ti = -1;
    for (let j = ni - 1; j >= 0; j--) {
      if (last[j]! < v) {
        ti = j;
        break;
      }
    }
    if (ti >= 0 && anchors[ti]!.title) {
      let ok = v - last[ti]! <= MAX_GAP;
      for (let k = last[ti]! + 1; ok && k < v; k++) {
        const w = tokens[k]!;
        ok = coveredByPeople(w, people) || (SUBJECT_FILLER.has(w.core.toLowerCase()) && !/[;:]/.test(w.trail));
      }
      if (ok) {
        out.set(ni, ti);
        return;
      }
    }
    // "introduce Cert-SSBD in “Cert-SSBD: Certified …”": the title right after the name.
    const after = anchors[ni + 1];
    if (after?.title && !after.arxivId) {
      let ok = first[ni + 1]! - last[ni]! <= 4;
      for (let k = last[ni]! + 1; ok && k < first[ni + 1]!; k++) ok = NAME_TO_TITLE.has(tokens[k]!.core) && tokens[k]!.trail === '';
      if (ok) out.set(ni, ni + 1);
    }
  });
  return out;
}
