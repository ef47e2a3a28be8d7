import { describe, expect, it } from 'vitest';
import { countText } from './result-list.tsx';

describe('the count above the results', () => {
  it('says exactly how many match, at most how many (phrases), or at least how many (the newest documents alone)', () => {
    expect(countText({ total: 0, exact: true, atLeast: false }, 0)).toBe('No results');
    expect(countText({ total: 1, exact: true, atLeast: false }, 1)).toBe('1 result');
    expect(countText({ total: 12, exact: true, atLeast: false }, 12)).toBe('12 results');
    expect(countText({ total: 412, exact: true, atLeast: false }, 30)).toBe('30 of 412 results');
    expect(countText({ total: 412, exact: false, atLeast: false }, 30)).toBe('30 of up to 412 results');
    expect(countText({ total: 412, exact: false, atLeast: true }, 30)).toBe('30 of 412+ results');
  });

  it('says how many match while the first screen waits for the rest of its page', () => {
    expect(countText({ total: 412, exact: false, atLeast: true, filling: true }, 12)).toBe('412+ results');
    expect(countText({ total: 40, exact: true, atLeast: false, filling: true }, 12)).toBe('40 results');
    expect(countText({ total: 40, exact: false, atLeast: false, filling: true }, 12)).toBe('up to 40 results');
  });
});
