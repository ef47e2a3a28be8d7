import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time.ts';

const now = Date.parse('2026-07-20T12:00:00Z');

describe('relativeTime', () => {
  it('says how long ago in the largest whole unit', () => {
    expect(relativeTime('2026-07-20T11:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-07-20T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-07-20T09:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2026-07-19T09:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2026-07-10T12:00:00Z', now)).toBe('10 days ago');
    expect(relativeTime('2026-01-01T00:00:00Z', now)).toBe('on 2026-01-01');
  });

  it('has nothing to say without a valid time; a clock behind counts as now', () => {
    expect(relativeTime(undefined, now)).toBeUndefined();
    expect(relativeTime('yesterday', now)).toBeUndefined();
    expect(relativeTime('2026-07-20T12:05:00Z', now)).toBe('just now');
  });
});
