/** Typo budget by word length: none under 5 letters, 1 for 5–8, 2 above. */
export function typoBudget(word: string): number {
  return word.length < 5 ? 0 : word.length <= 8 ? 1 : 2;
}

/**
 * Damerau–Levenshtein distance (with adjacent transpositions), given up as soon as it must exceed
 * `max`: O(len × (2·max+1)) work, so checking a candidate costs next to nothing.
 */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  if (max === 0) return false;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]! <= max;
}
