import { describe, expect, it } from 'vitest';
import type { DigestBatch } from '../core/index/view.ts';
import type { SearchAnswer, SearchResult } from '../core/search/answer.ts';
import { createPopupStore } from './popup-store.ts';

const result = (key: string): SearchResult => ({ kind: 'paper', key, title: key, topic: 'deep learning', date: '2026-05-23', hasCode: false, matched: [] });
const batches: DigestBatch[] = [
  {
    date: '2026-07-04',
    digests: [
      {
        id: 'a',
        title: 'A',
        topic: 'deep learning',
        date: '2026-07-04',
        url: 'https://example.org/a',
        papers: 3,
        themes: [
          { title: 'T1', papers: 2 },
          { title: 'T2', papers: 1 },
        ],
      },
    ],
  },
  { date: '2026-05-30', digests: [{ id: 'b', title: 'B', topic: 'deep learning', date: '2026-05-30', url: '', papers: 1, themes: [] }] },
];

function store(search: (q: string, limit: number) => Promise<SearchAnswer>, latest: (before?: string) => Promise<DigestBatch[]> = async () => batches) {
  return createPopupStore({ search, latest, counters: async () => ({ digests: 2, papers: 4, mentions: 4 }) });
}

const week = (date: string): DigestBatch => ({ date, digests: [{ id: date, title: date, topic: 't', date, url: '', papers: 1, themes: [] }] });

describe('popup store', () => {
  it('paints only the latest query when answers arrive out of order', async () => {
    const pending = new Map<string, (a: SearchAnswer) => void>();
    const s = store((q) => new Promise((resolve) => pending.set(q, resolve)));
    const first = s.setQuery('ha');
    const second = s.setQuery('hads');
    pending.get('hads')!({ results: [result('new')], tookMs: 1 });
    await second;
    pending.get('ha')!({ results: [result('old')], tookMs: 1 });
    await first;
    expect(s.answer.value?.query).toBe('hads');
    expect(s.items.value.map((i) => (i.kind === 'result' ? i.result.key : ''))).toEqual(['new']);
  });

  it('forgets a pending answer once the query is emptied', async () => {
    let resolve!: (a: SearchAnswer) => void;
    const s = store(() => new Promise((r) => (resolve = r)));
    await s.load();
    const typing = s.setQuery('x');
    await s.setQuery('');
    resolve({ results: [result('late')], tookMs: 1 });
    await typing;
    expect(s.browsing.value).toBe(true);
    expect(s.items.value.map((i) => i.kind)).toEqual(['digest', 'digest']);
  });

  it('is settled only once every query asked so far has its answer (or failed)', async () => {
    const pending = new Map<string, { ok: (a: SearchAnswer) => void; fail: (e: Error) => void }>();
    const s = store((q) => new Promise((ok, fail) => pending.set(q, { ok, fail })));
    let settled = false;
    await s.settled();
    void s.setQuery('ha');
    const waiting = s.settled().then(() => (settled = true));
    void s.setQuery('hads');
    pending.get('ha')!.ok({ results: [], tookMs: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(false);
    pending.get('hads')!.fail(new Error('worker stopped'));
    await waiting;
    expect(settled).toBe(true);
    expect(s.error.value).toBe('worker stopped');
  });

  it('walks the latest digests and their themes with the keyboard', async () => {
    const s = store(async () => ({ results: [], tookMs: 0 }));
    await s.load();
    s.move(-1);
    expect(s.active.value).toBe(0);
    s.setExpanded('a', true);
    expect(s.items.value.map((i) => i.kind)).toEqual(['digest', 'theme', 'theme', 'digest']);
    s.move(2);
    expect(s.active.value).toBe(2);
    s.setExpanded('a', false);
    expect(s.active.value).toBe(0);
    s.move(10);
    expect(s.active.value).toBe(1);
  });

  it('shows an error from the background and clears it on the next answer', async () => {
    let fail = true;
    const s = store(async () => {
      if (fail) throw new Error('worker gone');
      return { results: [result('ok')], tookMs: 0 };
    });
    await s.setQuery('a');
    expect(s.error.value).toBe('worker gone');
    fail = false;
    await s.setQuery('ab');
    expect(s.error.value).toBeUndefined();
    expect(s.answer.value?.results).toHaveLength(1);
  });

  it('counts the matches and asks again for more, the keyboard staying on its row', async () => {
    const asked: number[] = [];
    const s = store(async (_q, limit) => {
      asked.push(limit);
      return { results: Array.from({ length: Math.min(limit, 45) }, (_, i) => result(`k${i}`)), total: 45, exact: true, tookMs: 1 };
    });
    await s.setQuery('t:deep');
    expect(s.items.value).toHaveLength(30);
    expect(s.answer.value?.total).toBe(45);
    expect(s.hasMore.value).toBe(true);
    s.move(29);
    await s.showMore();
    // The first screen, the rest of the page, then the next page.
    expect(asked).toEqual([12, 30, 60]);
    expect(s.items.value).toHaveLength(45);
    expect(s.active.value).toBe(29);
    expect(s.hasMore.value).toBe(false);
  });

  it('paints the first screen, then fills the page with the keyboard where it is', async () => {
    const pending: { limit: number; answer: (a: SearchAnswer) => void }[] = [];
    const s = store((_q, limit) => new Promise((answer) => pending.push({ limit, answer })));
    const page = (n: number): SearchAnswer => ({
      results: Array.from({ length: n }, (_, i) => result(`k${i}`)),
      total: 412,
      exact: false,
      atLeast: true,
      tookMs: 1,
    });
    const typed = s.setQuery('seg');
    expect(pending.map((p) => p.limit)).toEqual([12]);
    pending[0]!.answer(page(12));
    await new Promise((r) => setTimeout(r, 0));
    // Shown at once; the page asked for; no "show more" while it comes.
    expect(s.items.value).toHaveLength(12);
    expect(s.answer.value?.filling).toBe(true);
    expect(s.hasMore.value).toBe(false);
    expect(pending.map((p) => p.limit)).toEqual([12, 30]);
    s.move(3);
    pending[1]!.answer(page(30));
    await typed;
    expect(s.items.value).toHaveLength(30);
    expect(s.answer.value?.filling).toBe(false);
    expect(s.active.value).toBe(3);
    expect(s.hasMore.value).toBe(true);
  });

  it('asks for no more than the first screen when it holds every match, and keeps it when the rest fails', async () => {
    const asked: number[] = [];
    const few = store(async (_q, limit) => {
      asked.push(limit);
      return { results: [result('a'), result('b')], total: 2, exact: true, tookMs: 1 };
    });
    await few.setQuery('rare');
    expect(asked).toEqual([12]);
    expect(few.answer.value?.filling).toBe(false);
    const failing = store(async (_q, limit) => {
      if (limit > 12) throw new Error('worker stopped');
      return { results: Array.from({ length: 12 }, (_, i) => result(`k${i}`)), total: 40, exact: true, tookMs: 1 };
    });
    await failing.setQuery('seg');
    expect(failing.items.value).toHaveLength(12);
    expect(failing.error.value).toBe('worker stopped');
    // What is shown stays, and "show more" may ask again.
    expect(failing.answer.value?.filling).toBe(false);
    expect(failing.hasMore.value).toBe(true);
  });

  it('says more may match when a phrase was checked only on the results read', async () => {
    const s = store(async () => ({ results: Array.from({ length: 30 }, (_, i) => result(`k${i}`)), total: 31, exact: false, tookMs: 1 }));
    await s.setQuery('"deep learning"');
    expect(s.hasMore.value).toBe(true);
  });

  it('pages back through every week the index holds', async () => {
    const weeks = ['2026-07-11', '2026-07-04', '2026-05-30', '2026-05-23', '2026-02-28'].map(week);
    const asked: (string | undefined)[] = [];
    const s = store(
      async () => ({ results: [], tookMs: 0 }),
      async (before) => {
        asked.push(before);
        return weeks.filter((w) => before === undefined || w.date < before).slice(0, 3);
      },
    );
    await s.load();
    expect(s.batches.value?.map((b) => b.date)).toEqual(['2026-07-11', '2026-07-04', '2026-05-30']);
    expect(s.hasOlder.value).toBe(true);
    await s.loadOlder();
    expect(asked).toEqual([undefined, '2026-05-30']);
    expect(s.batches.value?.map((b) => b.date)).toEqual(['2026-07-11', '2026-07-04', '2026-05-30', '2026-05-23', '2026-02-28']);
    expect(s.hasOlder.value).toBe(false);
    expect(s.items.value.map((i) => (i.kind === 'digest' ? i.digest.id : ''))).toContain('2026-02-28');
  });
});
