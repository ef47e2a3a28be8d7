/**
 * A query's candidates from its constraints' postings: the documents every constraint lists,
 * each with its score (the sum, in the query's word order, of each word's best factor × field
 * weight) and its rank key (day·2 + is-a-paper).
 *
 * The first constraint (the smallest) lists the candidates; the others only narrow them. Per
 * document id there is one pair of words (this query's mark, the candidate's slot); everything
 * else is per candidate, in dense arrays: scores, info and how many constraints listed it. So
 * narrowing moves nothing (no list of survivors rebuilt per constraint), and summing the scores
 * and reading the rank keys runs down those arrays in order, where reading them through each
 * candidate's id (three arrays over every id) cost 2–3 times what ranking itself did at 1M.
 * What remains is the scatter of a common prefix's 10⁵–10⁶ pairs over the ids: memory-bound,
 * about 60 ns a pair in Chromium at 1M papers (docs/search.md).
 *
 * When the first constraint lists few documents for the span of ids (a whole word at 1M: 36k
 * pairs over 10⁶ ids), its candidates are found through a hash table sized to its pairs instead:
 * it stays in the processor's caches where the array over every id (8 MB at 1M) does not, and a
 * fresh page (a popup just opened) need not allocate and first touch that array at all.
 */
import { infoHasCode, infoMask, infoRank, maskWeight } from './terms.ts';

export interface Stage {
  /** Per term, its postings: pairs (id, info), ids ascending. */
  readonly lists: readonly Uint32Array[];
  /** Per term, its match factor (words only). */
  readonly factors?: readonly number[];
  /** The query word this constraint scores (words only). */
  readonly word?: number;
}

export interface Candidates {
  /** Ids minus `first`. */
  readonly ids: Uint32Array;
  readonly total: Float64Array;
  readonly rank: Uint32Array;
}

const REJECTED = 0xffffffff;

// Kept between queries: at 1M documents fresh arrays cost more than the query.
let slots = new Uint32Array(0);
let generation = 0;
let cand = { id: new Uint32Array(0), info: new Uint32Array(0), passed: new Uint32Array(0), scores: [] as Float64Array[] };

const grown = (n: number, had: number) => Math.max(n, Math.ceil(had * 1.5), 1024);

function prepare(span: number, candidates: number, words: number): void {
  if (slots.length < 2 * span) {
    slots = new Uint32Array(2 * grown(span, slots.length / 2));
    generation = 0;
  }
  if (generation === 0xffffffff) {
    slots.fill(0);
    generation = 0;
  }
  if (cand.id.length < candidates) {
    const size = grown(candidates, cand.id.length);
    cand = { id: new Uint32Array(size), info: new Uint32Array(size), passed: new Uint32Array(size), scores: [] };
  }
  while (cand.scores.length < words) cand.scores.push(new Float64Array(cand.id.length));
}

/** How candidates are found by id: an array over every id, or a hash table of the first constraint's. */
export type Table = 'ids' | 'hash';

/**
 * The hash table when the first constraint lists at most one id in SPARSE of the span: its table
 * (two words an entry, fewer than four entries a pair) is then at most half the array over every
 * id. Denser lists touch much of that array anyway, and probing costs more than indexing it.
 */
const SPARSE = 8;
export const tableFor = (pairs: number, span: number): Table => (pairs * SPARSE <= span ? 'hash' : 'ids');

// The hash table, kept between queries: keys are id + 1 (0: empty), values the candidates' slots.
let hashKeys = new Uint32Array(0);
let hashSlots = new Uint32Array(0);
const GOLDEN = 0x9e3779b1;

/** An empty table for up to `pairs` ids, at most half full; returns its size's log2. */
function prepareHash(pairs: number): number {
  let bits = 10;
  while (1 << bits < 2 * pairs) bits++;
  const size = 1 << bits;
  if (hashKeys.length < size) {
    hashKeys = new Uint32Array(size);
    hashSlots = new Uint32Array(size);
  } else hashKeys.fill(0, 0, size);
  return bits;
}

/**
 * `stages[0]` lists the candidates (a candidate must have code when `hasCode`); each later stage
 * keeps those it lists. Ids are below `first + span`. `table`: how candidates are found by id (the
 * same candidates either way, in the same order; tests compare both).
 */
export function intersect(stages: readonly Stage[], words: number, first: number, span: number, hasCode: boolean, table?: Table): Candidates {
  const pairs = stages[0]!.lists.reduce((n, l) => n + (l.length >>> 1), 0);
  const hashed = (table ?? tableFor(pairs, span)) === 'hash';
  prepare(hashed ? 0 : span, pairs, words);
  const { n, alive } = candidates(stages, first, hasCode, hashed ? prepareHash(pairs) : 0);
  return collect(n, alive, stages.length - 1, words);
}

/** Where key sits in the hash table (`shift`: 32 − its size's log2), or the empty entry it would take. */
function probe(keys: Uint32Array, key: number, shift: number, mask: number): number {
  let at = Math.imul(key, GOLDEN) >>> shift;
  while (keys[at] !== 0 && keys[at] !== key) at = (at + 1) & mask;
  return at;
}

/**
 * The candidates' slots found by id: with `bits` 0 through the array over every id (a mark and a
 * slot per id), else through the hash table of 2^bits entries (linear probing). Both branches are
 * in one loop: which one runs never changes within a query, so the branch costs nothing.
 */
function candidates(stages: readonly Stage[], first: number, hasCode: boolean, bits: number): { n: number; alive: number } {
  const head = stages[0]!;
  const hashed = bits > 0;
  const gen = hashed ? 0 : ++generation;
  const slot = slots;
  const keys = hashKeys;
  const vals = hashSlots;
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  const { passed, scores } = cand;
  const headScore = head.word === undefined ? undefined : scores[head.word]!;
  let n = 0;
  for (let k = 0; k < head.lists.length; k++) {
    const list = head.lists[k]!;
    const factor = head.factors?.[k] ?? 0;
    for (let j = 0; j < list.length; j += 2) {
      const id = list[j]! - first;
      const inf = list[j + 1]!;
      // at: where the id's slot is; seen: whether an earlier pair of this query put it there.
      let at: number;
      let seen: boolean;
      if (hashed) {
        at = probe(keys, id + 1, shift, mask);
        seen = keys[at] !== 0;
        keys[at] = id + 1;
      } else {
        at = 2 * id;
        seen = slot[at] === gen;
        slot[at++] = gen;
      }
      const into = hashed ? vals : slot;
      if (!seen) {
        if (hasCode && !infoHasCode(inf)) {
          into[at] = REJECTED;
          continue;
        }
        into[at] = n;
        admit(n++, id, inf, factor, headScore);
      } else if (headScore) {
        const c = into[at]!;
        if (c !== REJECTED) keepBest(headScore, c, factor, inf);
      }
    }
  }
  // passed[c]: how many later stages have listed candidate c so far; it is alive while that is
  // every stage before the current one.
  passed.fill(0, 0, n);
  let alive = n;
  for (let r = 1; r < stages.length && alive > 0; r++) {
    const stage = stages[r]!;
    const score = stage.word === undefined ? undefined : scores[stage.word]!;
    alive = 0;
    for (let k = 0; k < stage.lists.length; k++) {
      const list = stage.lists[k]!;
      const factor = stage.factors?.[k] ?? 0;
      for (let j = 0; j < list.length; j += 2) {
        const id = list[j]! - first;
        let c: number;
        if (hashed) {
          const at = probe(keys, id + 1, shift, mask);
          if (keys[at] === 0) continue;
          c = vals[at]!;
        } else {
          if (slot[2 * id] !== gen) continue;
          c = slot[2 * id + 1]!;
        }
        if (c !== REJECTED) alive += pass(passed, c, r, score, factor, list[j + 1]!);
      }
    }
  }
  return { n, alive };
}

/** Stage r lists candidate c: it passes once (1 when it does now), keeping its best score for the stage's word. */
function pass(passed: Uint32Array, c: number, r: number, score: Float64Array | undefined, factor: number, inf: number): number {
  const p = passed[c]!;
  if (p === r - 1) {
    passed[c] = r;
    if (score) score[c] = factor * maskWeight(infoMask(inf));
    return 1;
  }
  if (p === r && score) keepBest(score, c, factor, inf);
  return 0;
}

/** Candidate n is document `id`, with the info and the score of the first posting listing it. */
function admit(n: number, id: number, inf: number, factor: number, score: Float64Array | undefined): void {
  cand.id[n] = id;
  cand.info[n] = inf;
  if (score) score[n] = factor * maskWeight(infoMask(inf));
}

/** Candidate c listed again for a word: the better of its scores. */
function keepBest(score: Float64Array, c: number, factor: number, inf: number): void {
  const s = factor * maskWeight(infoMask(inf));
  if (s > score[c]!) score[c] = s;
}

/** The candidates every stage listed, in the order the first listed them, with their scores summed. */
function collect(n: number, alive: number, last: number, words: number): Candidates {
  const { id: candId, info: candInfo, passed, scores } = cand;
  const ids = new Uint32Array(alive);
  const total = new Float64Array(alive);
  const rank = new Uint32Array(alive);
  for (let c = 0, m = 0; c < n && m < alive; c++) {
    if (passed[c] !== last) continue;
    // Summed in the query's word order, exactly as scoreDoc adds them.
    let s = 0;
    for (let w = 0; w < words; w++) s += scores[w]![c]!;
    ids[m] = candId[c]!;
    total[m] = s;
    rank[m] = infoRank(candInfo[c]!);
    m++;
  }
  return { ids, total, rank };
}
