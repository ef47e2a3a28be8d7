import { describe, expect, it } from 'vitest';
import { rng } from '../../../tests/server/generate-posts.ts';
import { appendPairs, packPairs, pairCount, unpackIds, unpackPairs, unpackPostings } from './postings-codec.ts';
import { postingInfo } from './terms.ts';

// As a Uint32Array holds it: unsigned.
const info = (mask: number, hasCode: boolean, isPaper: boolean, day: number) => postingInfo(mask, (hasCode ? 1 : 0) | (isPaper ? 2 : 0) | (day << 2)) >>> 0;

/** Random pairs: ids increasing by gaps from 1 to far, days moving either way or not at all. */
function randomPairs(random: () => number, n: number, start = Math.floor(random() * 5000)): number[] {
  const out: number[] = [];
  let id = start;
  let day = 19_000 + Math.floor(random() * 2000);
  for (let i = 0; i < n; i++) {
    const r = random();
    id += r < 0.5 ? 1 : r < 0.9 ? 2 + Math.floor(random() * 100) : 1 + Math.floor(random() * 300_000);
    if (random() < 0.05) day = Math.max(0, day + Math.floor(random() * 61) - 30);
    out.push(id, info(1 + Math.floor(random() * 15), random() < 0.5, random() < 0.9, day));
  }
  return out;
}

describe('packed postings', () => {
  it('unpack to the very pairs packed, across gaps, day changes both ways and 32-bit ids', () => {
    const random = rng(7);
    for (let round = 0; round < 200; round++) {
      const pairs = randomPairs(random, Math.floor(random() * 300));
      const packed = packPairs(pairs);
      expect(pairCount(packed)).toBe(pairs.length / 2);
      expect([...unpackPairs([packed])]).toEqual(pairs);
    }
    const edges = [
      0,
      info(15, true, true, 0),
      1,
      info(1, false, false, (1 << 26) - 1),
      2 ** 32 - 2,
      info(8, true, false, 3),
      2 ** 32 - 1,
      info(4, false, true, 0),
    ];
    expect([...unpackPairs([packPairs(edges)])]).toEqual(edges);
  });

  it('append to a chunk as if packed at once, and several chunks unpack in order', () => {
    const random = rng(11);
    for (let round = 0; round < 100; round++) {
      const all = randomPairs(random, 1 + Math.floor(random() * 400));
      // Cut into appends of any size, the first possibly on no chunk at all.
      let chunk: Uint8Array | undefined;
      for (let at = 0; at < all.length; ) {
        const next = Math.min(all.length, at + 2 * (1 + Math.floor(random() * 60)));
        chunk = appendPairs(chunk, all.slice(at, next));
        at = next;
      }
      expect(chunk).toEqual(packPairs(all));
    }
    const a = randomPairs(random, 50, 0);
    const b = randomPairs(random, 50, a.at(-2)! + 1);
    expect([...unpackPairs([packPairs(a), packPairs(b)])]).toEqual([...a, ...b]);
    expect(unpackIds([packPairs(a)])).toEqual(a.filter((_, j) => j % 2 === 0));
  });

  it("read a term's chunks as one ascending list, pairs a later chunk holds again read once", () => {
    const random = rng(11);
    const a = randomPairs(random, 40, 0);
    const b = randomPairs(random, 40, a.at(-2)! + 1);
    const c = randomPairs(random, 40, b.at(-2)! + 1);
    expect([...unpackPostings([packPairs(a), packPairs(b), packPairs(c)])]).toEqual([...a, ...b, ...c]);
    // The second chunk again, with the third: a merge cut short, and the merge after it.
    expect([...unpackPostings([packPairs(a), packPairs(b), packPairs([...b, ...c])])]).toEqual([...a, ...b, ...c]);
    // Entirely held already, or empty.
    expect([...unpackPostings([packPairs([...a, ...b]), packPairs(b), new Uint8Array(0), packPairs(c)])]).toEqual([...a, ...b, ...c]);
  });

  it('take 1–2 bytes a pair for a common word (most ids a step or a few apart, one day per digest)', () => {
    const pairs: number[] = [];
    for (let id = 0; id < 4096; id += id % 3 === 0 ? 1 : 5) pairs.push(id, info(8, id % 2 === 0, true, 20_500 + Math.floor(id / 100) * 7));
    const bytes = packPairs(pairs).length;
    expect(bytes / (pairs.length / 2)).toBeLessThan(2.1);
    expect(bytes / (pairs.length / 2)).toBeGreaterThan(1);
  });

  it('refuse ids that do not increase, and chunks cut short or with bytes to spare', () => {
    expect(() => packPairs([5, 0, 5, 0])).toThrow(/increase/);
    expect(() => appendPairs(packPairs([5, 0]), [4, 0])).toThrow(/increase/);
    const packed = packPairs([1, 0, 300, info(1, false, false, 9)]);
    expect(() => unpackPairs([packed.subarray(0, packed.length - 1)])).toThrow(RangeError);
    const extra = new Uint8Array([...packed, 0]);
    expect(() => appendPairs(extra, [400, 0])).toThrow(/more bytes/);
    expect(unpackPairs([new Uint8Array(0)]).length).toBe(0);
  });
});
