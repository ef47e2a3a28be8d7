import type { ParseOptions } from './options.ts';
import type { Digest } from './types.ts';

/**
 * Per-post limits. Every step is linear, but a hostile or broken post of many megabytes is still
 * slow to read in full: the size cap and the time budget end it early with a warning that says
 * so, instead of holding up a sync. Real posts are 20–200 KB and parse in milliseconds.
 */
export const MAX_POST_CHARS = 3_000_000;
export const DEFAULT_TIME_LIMIT_MS = 5000;
interface Run {
  readonly end: number;
  readonly limitMs: number;
  hit: boolean;
}

// Parsing is synchronous, so one run at a time; a nested run (a post inside a list) saves and restores it.
let current: Run | undefined;

/** Runs one post's parse under its time budget; a post cut short says so in its warnings. */
export function withTimeLimit(options: ParseOptions, parse: () => Digest): Digest {
  const limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const saved = current;
  const run: Run = { end: Date.now() + limitMs, limitMs, hit: false };
  current = run;
  try {
    const digest = parse();
    if (!run.hit) return digest;
    const warning = `parsing took longer than ${formatMs(limitMs)}: stopped early, the rest of the post was not read`;
    return { ...digest, warnings: [...digest.warnings, warning] };
  } finally {
    current = saved;
  }
}

/** True once the current post's time budget is spent; called per line and per paragraph (a post has at most 5,000). */
export function timeUp(): boolean {
  const run = current;
  if (!run) return false;
  if (!run.hit) run.hit = Date.now() >= run.end;
  return run.hit;
}

/** Cuts a post longer than MAX_POST_CHARS, noting it in `warnings`. */
export function capPostSize(content: string, warnings: string[]): string {
  if (content.length <= MAX_POST_CHARS) return content;
  warnings.push(`post is ${formatChars(content.length)} long: read the first ${formatChars(MAX_POST_CHARS)}`);
  return content.slice(0, MAX_POST_CHARS);
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`;
}

function formatChars(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} million characters` : `${n} characters`;
}
