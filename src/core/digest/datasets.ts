import type { Range } from './blocks.ts';
import { COMMON_TERMS, DATASET_WORDS, isCapitalised, isNameLike, MINOR } from './lexicon.ts';
import type { Sentence } from './sentence.ts';
import type { Token } from './tokens.ts';

export interface DatasetPhrase extends Range {
  readonly names: readonly string[];
}

// Dataset names that double as common terms elsewhere in the lexicon.
const KNOWN_DATASETS = new Set(['MNIST', 'CIFAR', 'ImageNet', 'COCO', 'SHD', 'MSWC', 'NMNIST']);
const EVAL_WORDS = new Set([
  'trained',
  'validated',
  'tested',
  'evaluated',
  'benchmarked',
  'experiments',
  'results',
  'performance',
  'accuracy',
  'fine-tuned',
  'pretrained',
  'pre-trained',
  'train',
  'evaluate',
  'evaluation',
  'validation',
  'tests',
  'sota',
  'state-of-the-art',
  'outperforms',
  'improvements',
]);
const FUNCTION_WORDS = new Set([
  ...MINOR,
  'which',
  'that',
  'showing',
  'achieving',
  'while',
  'where',
  'respectively',
  'demonstrating',
  'reaching',
  'yielding',
  'outperforming',
  'among',
  'alongside',
]);
const MAX_ITEM = 6;

function wordish(t: Token): boolean {
  const c = t.core;
  if (c === '' || !/\p{L}|\p{N}/u.test(c)) return false;
  if (MINOR.has(c)) return false;
  return isCapitalised(c) || isNameLike(c) || (/^\p{N}[\p{N}.]*$/u.test(c) && c.length <= 6);
}

function acceptable(name: string): boolean {
  if (name.length < 2 || name.length > 60 || !/\p{L}/u.test(name)) return false;
  if (!/[\p{Lu}\p{N}]/u.test(name)) return false;
  return !COMMON_TERMS.has(name) || KNOWN_DATASETS.has(name);
}

function itemText(s: Sentence, from: number, to: number): string {
  const a = s.tokens[from]!;
  const b = s.tokens[to]!;
  let text = s.text.slice(
    a.start + a.lead.length,
    b.end - b.trail.length + (b.trail.startsWith(')') && b.core !== '' && s.text.slice(a.start, b.end).includes('(') ? 1 : 0),
  );
  text = text
    .replace(/^the\s+/i, '')
    .replace(/\s+(?:dataset|datasets)$/i, '')
    .trim();
  if (text.endsWith(')') && text.split(')').length > text.split('(').length) text = text.slice(0, -1);
  return text;
}

/** A name that can stand alone as a dataset's: "BUSI", "STARSS23", "Free Spoken Digit". */
function strongName(name: string): boolean {
  const words = name.split(' ');
  return words.some(isNameLike) || /\p{N}/u.test(name) || words.filter(isCapitalised).length >= 2;
}

/** Tokens of one name read backwards from `j` (inclusive): "ISIC 2018", "Global Multi-city … (MUSE)". */
function itemBackward(tokens: readonly Token[], j: number): number {
  let k = j;
  while (k >= 0 && j - k < MAX_ITEM) {
    const t = tokens[k]!;
    if (k < j && t.trail !== '') break;
    if (!wordish(t)) break;
    k--;
    if (t.lead !== '' && !t.lead.startsWith('(')) break;
    if (t.lead.startsWith('(') && !t.trail.startsWith(')')) break;
  }
  return k + 1;
}

/** "BUSI dataset", "on CIFAR-10, CIFAR-100, and ACSIncome datasets", "RSICI and RSICP datasets". */
function before(s: Sentence, k: number, out: DatasetPhrase[]): void {
  const tokens = s.tokens;
  let j = k - 1;
  // "DeepMIMO ray-tracing dataset", "MELAUDIS urban intersection dataset": skip a lower-case description.
  for (let skip = 1; skip <= 2 && j - skip >= 0; skip++) {
    const t = tokens[j]!;
    if (wordish(t) || t.trail !== '' || MINOR.has(t.core)) break;
    if (isNameLike(tokens[j - skip]!.core) && tokens[j - skip]!.trail === '') {
      j -= skip;
      break;
    }
  }
  const names: string[] = [];
  let first = k;
  while (j >= 0) {
    if (j < k - 1 && tokens[j]!.trail !== '' && !tokens[j]!.trail.startsWith(',') && !tokens[j]!.trail.startsWith(')')) break;
    const from = itemBackward(tokens, j);
    if (from > j) break;
    if (tokens[from]!.core === 'The' || tokens[from]!.core === 'A') break;
    names.unshift(itemText(s, from, j));
    first = from;
    let p = from - 1;
    if (p >= 0 && (tokens[p]!.core === 'and' || tokens[p]!.core === 'or') && tokens[p]!.trail === '') p--;
    if (p < 0 || !(tokens[p]!.trail === ',' || tokens[p + 1]?.core === 'and' || tokens[p + 1]?.core === 'or')) break;
    if (tokens[p]!.trail !== ',' && p + 1 === from) break;
    j = p;
  }
  // "Perception Datasets via …" inside a title is not a dataset; "BigMaQ Dataset" is.
  if (isCapitalised(tokens[k]!.core) && !(names.length === 1 && isNameLike(names[0]!))) return;
  // "Merkle-tree dataset commitments": one plain capitalised word is too weak alone.
  if (names.length === 1 && !strongName(names[0]!)) return;
  const kept = names.filter(acceptable);
  if (kept.length > 0) out.push({ start: tokens[first]!.start, end: tokens[k]!.end, names: kept });
}

/** Items after "on", "using", "across", "datasets like", "datasets (…)". */
function after(s: Sentence, i: number, strongTrigger: boolean, out: DatasetPhrase[]): void {
  const tokens = s.tokens;
  const names: string[] = [];
  let j = i + 1;
  if (tokens[j]?.core === 'the' && tokens[j]!.trail === '') j++;
  const listStart = j;
  let endedAtSeparator = false;
  let endedByPunctuation = false;
  let strongItem = false;
  while (j < tokens.length) {
    const startTok = tokens[j]!;
    if (!wordish(startTok)) break;
    let k = j;
    while (
      k + 1 < tokens.length &&
      k - j < MAX_ITEM - 1 &&
      tokens[k]!.trail === '' &&
      (wordish(tokens[k + 1]!) || (tokens[k + 1]!.core === 'of' && tokens[k + 2] && wordish(tokens[k + 2]!))) &&
      tokens[k + 1]!.lead === ''
    )
      k++;
    const name = itemText(s, j, k);
    names.push(name);
    if (/\p{N}/u.test(name) || /^[\p{Lu}\-_]{3,}$/u.test(name)) strongItem = true;
    // A possessive ("Burgers’ and Navier-Stokes equations") does not end the list.
    const trail = tokens[k]!.trail === '’' || tokens[k]!.trail === "'" ? '' : tokens[k]!.trail;
    j = k + 1;
    if (trail !== '' && trail !== ',') {
      endedByPunctuation = true;
      break;
    }
    const next = tokens[j];
    if (next && (next.core === 'and' || next.core === 'or') && next.trail === '') {
      j++;
      if (!tokens[j] || !wordish(tokens[j]!)) {
        endedAtSeparator = true;
        break;
      }
      continue;
    }
    if (trail === ',') {
      if (!tokens[j] || !wordish(tokens[j]!)) {
        endedAtSeparator = true;
        break;
      }
      continue;
    }
    break;
  }
  if (names.length === 0) return;
  // A bracket after the list ("… and PubMed (Paper: …)") closes it like punctuation.
  const follower = endedByPunctuation || endedAtSeparator || tokens[j]?.lead !== '' ? undefined : tokens[j];
  const datasetWord = follower !== undefined && DATASET_WORDS.has(follower.core.toLowerCase());
  if (follower && !datasetWord && !FUNCTION_WORDS.has(follower.core.toLowerCase())) return;
  if (!strongTrigger && !datasetWord && names.length < 2 && !strongItem) return;
  const kept = names.filter(acceptable);
  if (kept.length > 0) out.push({ start: tokens[listStart]!.start, end: tokens[Math.min(j, tokens.length) - 1]!.end, names: kept });
}

/** Dataset names a sentence gives. Heuristic: capitalised names next to "dataset(s)" or after "on"/"using". */
export function findDatasets(s: Sentence): DatasetPhrase[] {
  const out: DatasetPhrase[] = [];
  const tokens = s.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const low = t.core.toLowerCase();
    if ((low === 'dataset' || low === 'datasets' || t.core === 'benchmark' || t.core === 'benchmarks') && t.lead === '') {
      before(s, i, out);
      const next = tokens[i + 1];
      if (low === 'datasets' && next && next.lead.startsWith('(')) after(s, i, true, out);
      if (low === 'datasets' && next && (next.core === 'like' || next.core === 'including')) after(s, i + 1, true, out);
      if (low === 'datasets' && next?.core === 'such' && tokens[i + 2]?.core === 'as') after(s, i + 2, true, out);
      continue;
    }
    if (t.trail !== '' || t.lead !== '') continue;
    if (low === 'on' || low === 'using' || low === 'across') {
      const prev = tokens[i - 1];
      after(s, i, prev !== undefined && EVAL_WORDS.has(prev.core.toLowerCase()), out);
    }
  }
  // "on the BUSI dataset" is found both ways; keep each name once.
  const seen = new Set<string>();
  return out.map((d) => ({ ...d, names: d.names.filter((n) => !seen.has(n) && seen.add(n)) })).filter((d) => d.names.length > 0);
}
