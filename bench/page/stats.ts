export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

/** Runs `fn`, appends its time to `into`, and returns its result. */
export async function timeInto<R>(into: number[], fn: () => Promise<R>): Promise<R> {
  const t0 = performance.now();
  const r = await fn();
  into.push(performance.now() - t0);
  return r;
}

export async function timeEach<T>(items: readonly T[], fn: (t: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const it of items) await timeInto(out, () => fn(it));
  return out;
}

export const p50p95 = (xs: readonly number[]) => ({ p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)) });
