import { AND_CONTINUES, DISCOURSE, INSTITUTION_WORDS, isCapitalised } from './lexicon.ts';
import type { Token } from './tokens.ts';

/** A run of names: "Wang, Wu, and Kuo", "Zhiqiu Wang et al.", "Tongji University, Zhejiang … College". */
export interface NameList {
  readonly units: readonly string[];
  readonly etAl: boolean;
  /** Index of the first token after the list. */
  readonly next: number;
  /** Character range in the text. */
  readonly start: number;
  readonly end: number;
  /** True when punctuation (`.`, `;`, `)`) closed the list rather than a word that is not a name. */
  readonly closed: boolean;
}

const NAME_PARTICLES = new Set(['of', 'for', 'in', 'at', 'the', 'de', 'la', 'le', 'van', 'von', 'der', 'du', 'di', 'da', 'del', 'y', 'e', 'und', 'on', 'and']);
const PERSON_PARTICLES = new Set(['de', 'van', 'von', 'der', 'da', 'di', 'del', 'la', 'le', 'bin', 'al', 'y', 'e', 'dos', 'das', 'ten', 'ter']);
const MAX_TOKENS = 40;

function isInitial(word: string): boolean {
  return /^\p{Lu}\.?$/u.test(word);
}

function isAcronym(word: string): boolean {
  return /^[\p{Lu}\p{N}][\p{Lu}\p{N}&\-*]{1,11}$/u.test(word);
}

/** Reads a list of person or organisation names starting at token `i`; undefined when none starts there. */
export function parseNameList(tokens: readonly Token[], i: number, clauseStart = false): NameList | undefined {
  const units: string[] = [];
  let cur: string[] = [];
  let etAl = false;
  let closed = false;
  let j = i;
  const closeUnit = () => {
    if (cur.length > 0) units.push(cur.join(' '));
    cur = [];
  };
  while (j < tokens.length && j - i < MAX_TOKENS) {
    const t = tokens[j]!;
    const w = t.core;
    const next = tokens[j + 1];
    const nextStartsName = next !== undefined && next.lead === '' && isCapitalised(next.core);
    if (t.lead.includes('(')) {
      // An acronym in brackets belongs to the name before it: "Institute for AI in Medicine (IKIM)".
      if (cur.length > 0 && isAcronym(w) && t.trail.startsWith(')')) {
        cur.push(`(${w})`);
        j++;
        const after = t.trail.slice(1);
        if (after.startsWith(',')) {
          closeUnit();
          continue;
        }
        if (after !== '') {
          closed = true;
          break;
        }
        continue;
      }
      break;
    }
    if (t.lead !== '') break;
    if (w === 'et' && next?.core === 'al') {
      etAl = true;
      j += 2;
      break;
    }
    if (w === 'and' || w === '&') {
      if (cur.length === 0 && units.length === 0) break;
      if (!nextStartsName) break;
      if (w === '&' || (cur.some((x) => INSTITUTION_WORDS.has(x)) && AND_CONTINUES.has(next.core))) cur.push(w);
      else closeUnit();
      j++;
      continue;
    }
    if ((w === 'the' || w === 'The') && cur.length === 0) {
      if (!nextStartsName) break;
      j++;
      continue;
    }
    if (isCapitalised(w) || isInitial(w)) {
      // At a clause start "Similarly, …" is not a name; after "by" even "He" is a surname.
      const initial = isInitial(w) && t.trail.startsWith('.');
      if (clauseStart && !initial && cur.length === 0 && units.length === 0 && DISCOURSE.has(w.toLowerCase())) break;
      cur.push(isInitial(w) && t.trail.startsWith('.') ? `${w}.` : w);
    } else if (cur.length > 0 && NAME_PARTICLES.has(w) && nextStartsName) {
      cur.push(w);
    } else {
      break;
    }
    j++;
    const trail = isInitial(w) && t.trail.startsWith('.') ? t.trail.slice(1) : t.trail;
    if (trail === '') continue;
    if (trail === ',') {
      closeUnit();
      continue;
    }
    closed = true;
    break;
  }
  closeUnit();
  if (units.length === 0) return undefined;
  const first = tokens[i]!;
  const last = tokens[j - 1]!;
  return { units, etAl, next: j, start: first.start + first.lead.length, end: last.end, closed };
}

export function wordsOf(unit: string): string[] {
  return unit.split(' ').filter((w) => w !== '');
}

export function hasInstitutionWord(unit: string): boolean {
  return unit.includes('&') || wordsOf(unit).some((w) => INSTITUTION_WORDS.has(w.replace(/[()]/g, '')));
}

// Capitalised words of titles and topics that are nobody's name ("Spiking Neural Networks").
const NOT_NAMES = new Set([
  'Network',
  'Networks',
  'Neural',
  'Learning',
  'Deep',
  'Model',
  'Models',
  'Data',
  'Analysis',
  'Detection',
  'Framework',
  'System',
  'Systems',
  'Graph',
  'Graphs',
  'Vision',
  'Language',
  'Large',
  'Generation',
  'Recognition',
  'Segmentation',
  'Prediction',
  'Classification',
  'Transformer',
  'Transformers',
  'Attention',
  'Benchmark',
  'Benchmarks',
  'Dataset',
  'Datasets',
  'Machine',
  'Intelligence',
  'Artificial',
  'Robust',
  'Efficient',
  'Federated',
  'Reinforcement',
  'Spiking',
  'Diffusion',
  'Generative',
  'Optimization',
  'Architecture',
  'Architectures',
  'Method',
  'Methods',
  'Theory',
  'Models',
  'Training',
  'Inference',
  'Imaging',
  'Medical',
  'Image',
  'Images',
  'Video',
  'Speech',
  'Audio',
  'Time',
  'Series',
  'Foundation',
  'Multimodal',
  'Continual',
  'Adaptive',
  'Explainable',
  'Interpretable',
  'Uncertainty',
  'Quantum',
]);

/** "Binchuan Qi", "Naveed", "A. Nuri Cevik", "Cristian-Gabriel Florea", "QiaoTing". */
export function isPersonLike(unit: string): boolean {
  const words = wordsOf(unit);
  if (words.length === 0 || words.length > 5 || hasInstitutionWord(unit)) return false;
  if (words.some((w) => NOT_NAMES.has(w))) return false;
  return words.every(
    (w) =>
      isInitial(w) || PERSON_PARTICLES.has(w) || /^\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*$/u.test(w) || /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$/u.test(w),
  );
}

export function isAcronymUnit(unit: string): boolean {
  return wordsOf(unit).every((w) => isAcronym(w.replace(/[()]/g, '')));
}

const PLACEHOLDER_PEOPLE =
  /^(?:(?:john|jane|joe|richard|mary)\s+(?:doe|smith|roe)|author\s+(?:[a-z]|\d+|one|two|three|four|five)|(?:first|second|third|last)\s+author|anonymous(?:\s+authors?)?|\p{Lu}\.?)$/iu;
const PLACEHOLDER_PLACES = /^\[?various affiliations\]?$|^university of example$|^example university$|^institution\s+[a-z0-9]$|^anonymous institution$/i;

export function isPlaceholderAuthor(name: string): boolean {
  return PLACEHOLDER_PEOPLE.test(name.trim());
}

export function isPlaceholderInstitution(name: string): boolean {
  return PLACEHOLDER_PLACES.test(name.trim());
}

/** Index just past the bracket that closes the one at `open`, or -1 (nesting counted, 600 characters at most). */
export function closingParen(text: string, open: number): number {
  let depth = 0;
  const limit = Math.min(text.length, open + 600);
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}
