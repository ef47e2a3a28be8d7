/**
 * The `k` best of a query's candidates, best first: by score (higher first), then by rank key
 * (higher first: day·2 + is-a-paper, see terms.ts), then by id (lower first), so exact ties come
 * out the same whatever order the candidates came in. Candidate `c` is (total[c], rank[c], ids[c]).
 *
 * A bounded heap whose root is the worst kept candidate: O(n log k), where sorting a common
 * prefix's 600k candidates would cost tens of milliseconds. The comparisons are inlined over typed
 * arrays, and a candidate is first compared with the root's values held in locals: nearly every
 * candidate of a common prefix fails that one comparison, so the scan costs a few nanoseconds per
 * candidate (a comparator closure reading the arrays through `ids` cost ~40 ns each at 1M).
 */
export function topRanked(total: Float64Array, rank: Uint32Array, ids: ArrayLike<number>, k: number): number[] {
  const n = total.length;
  if (k <= 0 || n === 0) return [];
  const heap: number[] = [];
  /** a ranks below b. */
  const worse = (a: number, b: number) => {
    const ta = total[a]!;
    const tb = total[b]!;
    if (ta !== tb) return ta < tb;
    const ra = rank[a]!;
    const rb = rank[b]!;
    return ra !== rb ? ra < rb : ids[a]! > ids[b]!;
  };
  const down = (i: number) => {
    for (const size = heap.length; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(heap[l]!, heap[m]!)) m = l;
      if (r < size && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      const t = heap[i]!;
      heap[i] = heap[m]!;
      heap[m] = t;
      i = m;
    }
  };
  let c = 0;
  for (; c < n && heap.length < k; c++) {
    heap.push(c);
    for (let i = heap.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      const t = heap[i]!;
      heap[i] = heap[p]!;
      heap[p] = t;
      i = p;
    }
  }
  let root = heap[0]!;
  let rootTotal = total[root]!;
  let rootRank = rank[root]!;
  let rootId = ids[root]!;
  for (; c < n; c++) {
    const t = total[c]!;
    if (t < rootTotal) continue;
    if (t === rootTotal) {
      const r = rank[c]!;
      if (r < rootRank || (r === rootRank && ids[c]! > rootId)) continue;
    }
    heap[0] = c;
    down(0);
    root = heap[0]!;
    rootTotal = total[root]!;
    rootRank = rank[root]!;
    rootId = ids[root]!;
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
