/**
 * A postings chunk as stored: its pairs (id, info) in id order, packed into bytes. A query's first
 * read of a common word's postings is mostly bytes moved out of IndexedDB, about 8 per pair as
 * `Uint32Array` pairs; packed, a pair takes 1–2 bytes (docs/search.md, "Postings as bytes").
 *
 * Layout: the pair count as a varint, then per pair one flag byte and its optional varints:
 * - flag bits 0–5: the info's low six bits (field mask, has code, is a paper: src/core/search/terms.ts);
 * - bit 6: the day (info >>> 6) differs from the previous pair's (the first pair's previous day is
 *   0), and a varint of the difference, zigzagged, follows;
 * - bit 7: the id is the previous id + 1 (the first pair's previous id is −1); otherwise a varint
 *   of the gap − 2 follows, before the day's.
 * A term's pairs in one chunk are mostly one digest's papers or neighbouring ones: the day rarely
 * changes and gaps are small.
 */

const LOW = 0x3f;
const DAY_CHANGED = 0x40;
const NEXT_ID = 0x80;

/** Bytes of a varint of `v` (an unsigned 32-bit value). */
const varintBytes = (v: number): number => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5);

function putVarint(out: Uint8Array, at: number, v: number): number {
  while (v >= 0x80) {
    out[at++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  out[at++] = v;
  return at;
}

const zigzag = (d: number): number => (d >= 0 ? d * 2 : -d * 2 - 1);
const unzigzag = (z: number): number => (z & 1 ? -(z + 1) / 2 : z / 2);

/** Where a chunk's pairs end: its count and its last pair's id and day (what appending continues from). */
interface Tail {
  readonly count: number;
  readonly id: number;
  readonly day: number;
}

const EMPTY: Tail = { count: 0, id: -1, day: 0 };

/** Reads a varint at `at` of `b`: the value and the offset after it. */
function varint(b: Uint8Array, at: number): [number, number] {
  let v = 0;
  let shift = 0;
  for (;;) {
    const byte = b[at++];
    if (byte === undefined) throw new RangeError('a postings chunk ends inside a number');
    v += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [v, at];
    shift += 7;
  }
}

/** The pair count and where the pairs start. */
function header(chunk: Uint8Array): [number, number] {
  return chunk.length === 0 ? [0, 0] : varint(chunk, 0);
}

/**
 * Packs pairs (id, info, id, info…; ids strictly increasing) after what `before` (a packed chunk)
 * holds: a new chunk, `before` unchanged. Throws if an id is not above the one before it.
 */
export function appendPairs(before: Uint8Array | undefined, pairs: ArrayLike<number>): Uint8Array {
  const tail = before ? tailOf(before) : EMPTY;
  const [, start] = before ? header(before) : [0, 0];
  const count = tail.count + pairs.length / 2;
  // Sized exactly: the header's varint may grow by a byte.
  let size = varintBytes(count) + (before ? before.length - start : 0);
  let id = tail.id;
  let day = tail.day;
  for (let j = 0; j < pairs.length; j += 2) {
    const next = pairs[j]!;
    const d = pairs[j + 1]! >>> 6;
    if (!(next > id)) throw new RangeError(`postings ids must increase: ${next} after ${id}`);
    size += 1 + (next === id + 1 ? 0 : varintBytes(next - id - 2)) + (d === day ? 0 : varintBytes(zigzag(d - day)));
    id = next;
    day = d;
  }
  const out = new Uint8Array(size);
  let at = putVarint(out, 0, count);
  if (before) {
    out.set(before.subarray(start), at);
    at += before.length - start;
  }
  id = tail.id;
  day = tail.day;
  for (let j = 0; j < pairs.length; j += 2) {
    const next = pairs[j]!;
    const info = pairs[j + 1]!;
    const d = info >>> 6;
    const flag = (info & LOW) | (next === id + 1 ? NEXT_ID : 0) | (d === day ? 0 : DAY_CHANGED);
    out[at++] = flag;
    if (next !== id + 1) at = putVarint(out, at, next - id - 2);
    if (d !== day) at = putVarint(out, at, zigzag(d - day));
    id = next;
    day = d;
  }
  return out;
}

/** Packs pairs (id, info…; ids strictly increasing) as one chunk. */
export const packPairs = (pairs: ArrayLike<number>): Uint8Array => appendPairs(undefined, pairs);

/** Decodes one chunk into `out` from `at` (room for its pairs is the caller's); returns where its pairs end in `out`. */
function decodeInto(chunk: Uint8Array, out: Uint32Array, at: number): number {
  const [count, start] = header(chunk);
  let p = start;
  let id = -1;
  let day = 0;
  for (let n = 0; n < count; n++) {
    const flag = chunk[p++];
    if (flag === undefined) throw new RangeError('a postings chunk holds fewer pairs than it says');
    if (flag & NEXT_ID) id++;
    else {
      // Inlined one-byte case of varint(): most gaps fit.
      const b = chunk[p]!;
      if (b < 0x80) {
        id += b + 2;
        p++;
      } else {
        const [g, q] = varint(chunk, p);
        id += g + 2;
        p = q;
      }
    }
    if (flag & DAY_CHANGED) {
      const [z, q] = varint(chunk, p);
      day += unzigzag(z);
      p = q;
    }
    out[at++] = id;
    out[at++] = ((day << 6) | (flag & LOW)) >>> 0;
  }
  if (p !== chunk.length) throw new RangeError('a postings chunk holds more bytes than its pairs');
  return at;
}

/** How many pairs a packed chunk holds. */
export const pairCount = (chunk: Uint8Array): number => header(chunk)[0];

/** The pairs of packed chunks, in order, as one array (id, info, id, info…). */
export function unpackPairs(chunks: readonly Uint8Array[]): Uint32Array {
  let total = 0;
  for (const c of chunks) total += pairCount(c);
  const out = new Uint32Array(total * 2);
  let at = 0;
  for (const c of chunks) at = decodeInto(c, out, at);
  return out;
}

/**
 * A term's postings from its chunks in key order, as one array (id, info…), ids ascending. Each
 * chunk's ids ascend and lie above the chunks' before it, except pairs written twice (a merge cut
 * short by a build from before merges had chunks of their own, and the next merge): read once.
 */
export function unpackPostings(chunks: readonly Uint8Array[]): Uint32Array {
  let total = 0;
  for (const c of chunks) total += pairCount(c);
  const out = new Uint32Array(total * 2);
  let at = 0;
  for (const c of chunks) {
    const end = decodeInto(c, out, at);
    if (at > 0 && end > at && out[at]! <= out[at - 2]!) {
      const last = out[at - 2]!;
      let j = at;
      while (j < end && out[j]! <= last) j += 2;
      out.copyWithin(at, j, end);
      at += end - j;
    } else at = end;
  }
  return at === out.length ? out : out.subarray(0, at);
}

/** The count and last pair of a packed chunk. */
function tailOf(chunk: Uint8Array): Tail {
  const count = pairCount(chunk);
  if (count === 0) return EMPTY;
  const pairs = new Uint32Array(count * 2);
  decodeInto(chunk, pairs, 0);
  return { count, id: pairs[count * 2 - 2]!, day: pairs[count * 2 - 1]! >>> 6 };
}

/** Ids of packed chunks, in order (their infos dropped). */
export function unpackIds(chunks: readonly Uint8Array[]): number[] {
  const pairs = unpackPairs(chunks);
  const ids: number[] = [];
  for (let j = 0; j < pairs.length; j += 2) ids.push(pairs[j]!);
  return ids;
}
