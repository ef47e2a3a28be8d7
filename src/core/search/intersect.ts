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

/**
 * `stages[0]` lists the candidates (a candidate must have code when `hasCode`); each later stage
 * keeps those it lists. Ids are below `first + span`.
 */
export function intersect(stages: readonly Stage[], words: number, first: number, span: number, hasCode: boolean): Candidates {
  const head = stages[0]!;
  prepare(
    span,
    head.lists.reduce((n, l) => n + (l.length >>> 1), 0),
    words,
  );
  const gen = ++generation;
  const slot = slots;
  const { id: candId, info: candInfo, passed, scores } = cand;
  let n = 0;
  const headScore = head.word === undefined ? undefined : scores[head.word]!;
  for (let k = 0; k < head.lists.length; k++) {
    const list = head.lists[k]!;
    const factor = head.factors?.[k] ?? 0;
    for (let j = 0; j < list.length; j += 2) {
      const id = list[j]! - first;
      const inf = list[j + 1]!;
      const at = 2 * id;
      if (slot[at] !== gen) {
        slot[at] = gen;
        if (hasCode && !infoHasCode(inf)) {
          slot[at + 1] = REJECTED;
          continue;
        }
        slot[at + 1] = n;
        candId[n] = id;
        candInfo[n] = inf;
        if (headScore) headScore[n] = factor * maskWeight(infoMask(inf));
        n++;
      } else if (headScore) {
        const c = slot[at + 1]!;
        if (c === REJECTED) continue;
        const s = factor * maskWeight(infoMask(inf));
        if (s > headScore[c]!) headScore[c] = s;
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
        const at = 2 * (list[j]! - first);
        if (slot[at] !== gen) continue;
        const c = slot[at + 1]!;
        if (c === REJECTED) continue;
        const p = passed[c]!;
        if (p === r - 1) {
          passed[c] = r;
          alive++;
          if (score) score[c] = factor * maskWeight(infoMask(list[j + 1]!));
        } else if (p === r && score) {
          const s = factor * maskWeight(infoMask(list[j + 1]!));
          if (s > score[c]!) score[c] = s;
        }
      }
    }
  }
  const ids = new Uint32Array(alive);
  const total = new Float64Array(alive);
  const rank = new Uint32Array(alive);
  const last = stages.length - 1;
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
