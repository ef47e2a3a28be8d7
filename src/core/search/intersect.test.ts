import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersect, type Stage, type Table, tableFor } from './intersect.ts';
import { infoHasCode, infoMask, infoRank, maskWeight } from './terms.ts';

/** The same candidates by Maps: every stage lists them, scores summed in word order. */
function byMaps(stages: readonly Stage[], words: number, first: number, hasCode: boolean) {
  const per = stages.map((st) => {
    const best = new Map<number, { score: number; info: number }>();
    st.lists.forEach((list, k) => {
      for (let j = 0; j < list.length; j += 2) {
        const s = (st.factors?.[k] ?? 0) * maskWeight(infoMask(list[j + 1]!));
        const had = best.get(list[j]!);
        if (!had) best.set(list[j]!, { score: s, info: list[j + 1]! });
        else if (s > had.score) had.score = s;
      }
    });
    return best;
  });
  const out: { id: number; total: number; rank: number }[] = [];
  for (const [id, { info }] of per[0]!) {
    if (hasCode && !infoHasCode(info)) continue;
    if (!per.every((m) => m.has(id))) continue;
    const score = Array.from({ length: words }, (_, w) => per[stages.findIndex((s) => s.word === w)]!.get(id)!.score);
    out.push({ id: id - first, total: score.reduce((a, b) => a + b, 0), rank: infoRank(info) });
  }
  return out.sort((a, b) => a.id - b.id);
}

const asRows = (c: ReturnType<typeof intersect>) => [...c.ids].map((id, i) => ({ id, total: c.total[i]!, rank: c.rank[i]! })).sort((a, b) => a.id - b.id);

describe('intersect', () => {
  // A posting's info: mask (4 bits), has code, is a paper, day. The doc part is the document's own.
  const docBits = (id: number) => (id % 3 === 0 ? 1 : 0) | (id % 5 === 0 ? 2 : 0) | ((id % 7) << 2);
  const list = (first: number, maxId: number, maxLength: number) =>
    fc.uniqueArray(fc.integer({ min: 0, max: maxId }), { maxLength }).chain((ids) =>
      fc.array(fc.integer({ min: 1, max: 15 }), { minLength: ids.length, maxLength: ids.length }).map((masks) => {
        const sorted = [...ids].sort((a, b) => a - b);
        return Uint32Array.from(sorted.flatMap((id, i) => [id + first, masks[i]! | (docBits(id) << 4)]));
      }),
    );
  const stage = (first: number, maxId: number, maxLength: number) =>
    fc.record({
      lists: fc.array(list(first, maxId, maxLength), { minLength: 1, maxLength: 4 }),
      factors: fc.array(fc.constantFrom(1, 0.8, 0.5, 0.4), { minLength: 4, maxLength: 4 }),
    });

  const agreesWithMaps = (maxId: number, maxLength: number, numRuns: number) => {
    const query = fc
      .record({
        first: fc.integer({ min: 0, max: 1000 }),
        words: fc.integer({ min: 0, max: 3 }),
        filters: fc.integer({ min: 0, max: 2 }),
        hasCode: fc.boolean(),
      })
      .filter((q) => q.words + q.filters > 0);
    const withStages = query.chain((q) =>
      fc.array(stage(q.first, maxId, maxLength), { minLength: q.words + q.filters, maxLength: q.words + q.filters }).map((raw) => ({ ...q, raw })),
    );
    fc.assert(
      fc.property(withStages, ({ first, words, hasCode, raw }) => {
        // The first `words` stages score words 0…; the rest are filters; then in any order.
        const stages: Stage[] = raw.map((s, i) => (i < words ? { lists: s.lists, factors: s.factors, word: i } : { lists: s.lists }));
        const ordered = [...stages].sort((a, b) => a.lists.length - b.lists.length);
        const expected = byMaps(ordered, words, first, hasCode);
        // Through either table, the same candidates in the same order; twice in a row, and one
        // table after the other: what a query leaves in the kept arrays must not leak into the next.
        const got: ReturnType<typeof intersect>[] = [];
        for (const table of ['ids', 'hash', 'hash', 'ids'] as Table[]) {
          const c = intersect(ordered, words, first, maxId + 1, hasCode, table);
          expect(asRows(c)).toEqual(expected);
          got.push(c);
        }
        expect(got[1]).toEqual(got[0]);
      }),
      { numRuns },
    );
  };

  it('gives every document all stages list, with the same scores and rank keys as Maps would', () => agreesWithMaps(60, 40, 3000));

  // Lists of up to 600 ids spread over 20,000: ids far apart in the arrays kept over every id, as
  // most terms' lists are at 1M, and lists of very different lengths in one constraint.
  it('agrees with Maps over sparse lists of many ids too', () => agreesWithMaps(20_000, 600, 300));

  it('finds sparse candidates through a hash table, dense ones through the array over every id', () => {
    // A whole word at 1M (36k pairs over 10⁶ ids) against a common prefix's (565k).
    expect(tableFor(36_000, 1_000_000)).toBe('hash');
    expect(tableFor(565_000, 1_000_000)).toBe('ids');
    expect(tableFor(0, 0)).toBe('hash');
  });

  it('finds a probe run past the end of the hash table and back to its start', () => {
    // Ids whose keys (id + 1) hash into the last four of the table's 1,024 entries (the table's
    // hash, Fibonacci hashing into the top 10 bits): 60 of them fill those and wrap to the start.
    const ids: number[] = [];
    for (let id = 0; ids.length < 60; id++) if (Math.imul(id + 1, 0x9e3779b1) >>> 22 >= 1020) ids.push(id);
    const head = Uint32Array.from(ids.flatMap((id) => [id, 8 | (id % 2 ? 16 : 0)]));
    const narrow = Uint32Array.from(ids.filter((_, i) => i % 3 === 0).flatMap((id) => [id, 1]));
    const span = ids.at(-1)! + 1;
    const c = intersect([{ lists: [head], factors: [1], word: 0 }, { lists: [narrow] }], 1, 0, span, false, 'hash');
    expect([...c.ids]).toEqual(ids.filter((_, i) => i % 3 === 0));
    expect(c).toEqual(intersect([{ lists: [head], factors: [1], word: 0 }, { lists: [narrow] }], 1, 0, span, false, 'ids'));
  });
});
