import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinDistance } from './edit-distance.ts';
import { expandWord } from './expand.ts';
import { TypoFilter } from './fast-distance.ts';
import { topK } from './top-k.ts';

const word = fc.stringMatching(/^[a-e]{0,11}$/);

describe('the typo filter', () => {
  it('never rejects what withinDistance accepts, and agrees with it', () => {
    fc.assert(fc.property(word, word, fc.integer({ min: 1, max: 2 }), (a, b, max) => {
      expect(new TypoFilter(b).within(a, max)).toBe(withinDistance(a, b, max));
      if (a.length > b.length) expect(new TypoFilter(b).prefixWithinOne(a)).toBe(withinDistance(a.slice(0, b.length), b, 1));
    }), { numRuns: 3000 });
  });
});

describe('expandWord', () => {
  const vocab = ['\u0001c', 'segment', 'segmentation', 'segmented', 'semantic', 'signal'].sort();
  it('gives linearSearch\'s factors: exact, prefix, typo, prefix within a typo', () => {
    expect(Object.fromEntries(expandWord(vocab, 'segment', false))).toEqual({ segment: 1 });
    expect(Object.fromEntries(expandWord(vocab, 'segme', true))).toEqual({ segment: 0.8, segmentation: 0.8, segmented: 0.8 });
    expect(Object.fromEntries(expandWord(vocab, 'segmantation', false))).toEqual({ segmentation: 0.5 });
    expect(Object.fromEntries(expandWord(vocab, 'sagme', true))).toEqual({ segment: 0.4, segmentation: 0.4, segmented: 0.4 });
  });
});

describe('topK', () => {
  it('returns the k best in order', () => {
    fc.assert(fc.property(fc.array(fc.integer(), { maxLength: 200 }), fc.integer({ min: 0, max: 50 }), (xs, k) => {
      const got = topK(xs.length, k, (a, b) => xs[b]! - xs[a]!).map((i) => xs[i]);
      expect(got).toEqual([...xs].sort((a, b) => b - a).slice(0, k));
    }));
  });
});
