/**
 * The `k` best of `n` candidates by `better(a, b) < 0`, best first, with a bounded heap:
 * O(n log k), where sorting a 300k-candidate common word would cost tens of milliseconds.
 */
export function topK(n: number, k: number, better: (a: number, b: number) => number): number[] {
  if (k <= 0) return [];
  // A heap whose root is the worst kept candidate.
  const heap: number[] = [];
  const worse = (a: number, b: number) => better(a, b) > 0;
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let c = 0; c < n; c++) {
    if (heap.length < k) {
      heap.push(c);
      up(heap.length - 1);
    } else if (better(c, heap[0]!) < 0) {
      heap[0] = c;
      down(0);
    }
  }
  return heap.sort(better);
}
