/**
 * A Bloom filter that grows by adding layers of twice the capacity: it never says "absent" of a
 * value it was given. With 7 probes and 10 bits a value, about one absent value in a hundred is
 * a "maybe". Values go in as hash pairs (`hashesOf`), so a caller can keep the pairs instead of
 * the strings and add them again later.
 */

const PROBES = 7;
const BITS_PER_VALUE = 10;
const FIRST_CAPACITY = 1 << 15;

export interface LayerSize {
  readonly capacity: number;
  readonly count: number;
}

interface Layer extends LayerSize {
  count: number;
  readonly words: Uint32Array;
}

/** How many 32-bit words hold the bits of a layer for `capacity` values. */
export const layerWords = (capacity: number): number => Math.ceil((capacity * BITS_PER_VALUE) / 32);

/** Two independent 32-bit hashes of a string (the second odd): probe i is h1 + i·h2. */
function hashPair(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return [mix(a) >>> 0, (mix(b ^ 0x9e3779b9) | 1) >>> 0];
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash pairs of `values`, flat: h1, h2, h1, h2, … */
export function hashesOf(values: readonly string[]): Uint32Array {
  const out = new Uint32Array(values.length * 2);
  values.forEach((v, i) => out.set(hashPair(v), i * 2));
  return out;
}

function holds(l: Layer, h1: number, h2: number): boolean {
  const bits = l.words.length * 32;
  for (let p = 0; p < PROBES; p++) {
    const bit = ((h1 + Math.imul(p, h2)) >>> 0) % bits;
    if ((l.words[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

export class BloomFilter {
  private readonly layers: Layer[] = [];

  /** A filter made of layers kept elsewhere: each one's size and its `layerWords(capacity)` words. */
  static fromLayers(layers: readonly (LayerSize & { readonly words: Uint32Array })[]): BloomFilter {
    const f = new BloomFilter();
    for (const { capacity, count, words } of layers) {
      if (words.length !== layerWords(capacity)) throw new Error('A Bloom filter layer has the wrong number of words.');
      f.layers.push({ capacity, count, words });
    }
    return f;
  }

  mayHold(value: string): boolean {
    const [h1, h2] = hashPair(value);
    return this.mayHoldHashes(h1, h2);
  }

  private mayHoldHashes(h1: number, h2: number): boolean {
    return this.layers.some((l) => holds(l, h1, h2));
  }

  /** Adds hash pairs (h1, h2, h1, h2, …), each to the last layer unless some layer may hold it already. */
  addHashes(pairs: Uint32Array): void {
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const h1 = pairs[i]!;
      const h2 = pairs[i + 1]!;
      if (this.mayHoldHashes(h1, h2)) continue;
      let last = this.layers.at(-1);
      if (!last || last.count >= last.capacity) {
        const capacity = last ? last.capacity * 2 : FIRST_CAPACITY;
        last = { capacity, count: 0, words: new Uint32Array(layerWords(capacity)) };
        this.layers.push(last);
      }
      const bits = last.words.length * 32;
      for (let p = 0; p < PROBES; p++) {
        const bit = ((h1 + Math.imul(p, h2)) >>> 0) % bits;
        last.words[bit >>> 5]! |= 1 << (bit & 31);
      }
      last.count++;
    }
  }

  sizes(): LayerSize[] {
    return this.layers.map((l) => ({ capacity: l.capacity, count: l.count }));
  }

  /** Each layer's words, in order (the filter's own arrays: not to be changed). */
  words(): readonly Uint32Array[] {
    return this.layers.map((l) => l.words);
  }
}
