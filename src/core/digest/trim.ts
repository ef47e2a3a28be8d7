/** Trims characters from either end without a regular expression (no backtracking on long runs). */
export function trimChars(s: string, lead: string, trail: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && lead.includes(s[a]!)) a++;
  while (b > a && trail.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}
