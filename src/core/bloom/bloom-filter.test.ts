import { describe, expect, it } from 'vitest';
import { BloomFilter, hashesOf, layerWords } from './bloom-filter.ts';

describe('BloomFilter', () => {
  it('never calls a value it holds absent, across layers, and calls few others present', () => {
    const f = new BloomFilter();
    const held = Array.from({ length: 150_000 }, (_, i) => `k 2605.${String(i).padStart(5, '0')}`);
    f.addHashes(hashesOf(held));
    expect(f.sizes().length).toBeGreaterThan(2);
    expect(f.sizes().reduce((n, s) => n + s.count, 0)).toBeLessThanOrEqual(held.length);
    expect(held.filter((a) => !f.mayHold(a))).toEqual([]);
    const others = Array.from({ length: 20_000 }, (_, i) => `t some title ${i}`);
    const falsePositives = others.filter((a) => f.mayHold(a)).length / others.length;
    expect(falsePositives).toBeLessThan(0.03);
  });

  it('is the same filter made again from its layers', () => {
    const f = new BloomFilter();
    f.addHashes(hashesOf(['a', 'b', 'c']));
    const again = BloomFilter.fromLayers(f.sizes().map((s, i) => ({ ...s, words: f.words()[i]! })));
    expect(['a', 'b', 'c'].every((v) => again.mayHold(v))).toBe(true);
    expect(again.sizes()).toEqual(f.sizes());
    expect(() => BloomFilter.fromLayers([{ capacity: 64, count: 0, words: new Uint32Array(layerWords(64) + 1) }])).toThrow(/wrong number/);
  });

  it('adds a value it may hold already to no layer', () => {
    const f = new BloomFilter();
    f.addHashes(hashesOf(['same', 'same']));
    expect(f.sizes()).toEqual([{ capacity: 1 << 15, count: 1 }]);
  });
});
