/**
 * The popup's state as a small signal store (signals made by a create function, read by the
 * components, changed only through the store's methods): the query, the answer to the latest
 * query only, the empty query's latest digests, and which row the keyboard is on.
 */
import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { CountersRecord } from '../core/index/types.ts';
import type { DigestBatch, DigestBrief } from '../core/index/view.ts';
import type { SearchAnswer, SearchResult } from '../core/search/answer.ts';

export interface PopupDeps {
  /** `limit`: how many results; "show more" asks again for more. */
  search(query: string, limit: number): Promise<SearchAnswer>;
  /** Up to BATCHES_PER_PAGE batches, newest first; `before`: older than that date. */
  latest(before?: string): Promise<DigestBatch[]>;
  counters(): Promise<CountersRecord>;
  now?(): number;
}

/** One row the keyboard can land on. */
export type Item =
  | { readonly kind: 'result'; readonly id: string; readonly result: SearchResult }
  | { readonly kind: 'digest'; readonly id: string; readonly digest: DigestBrief }
  | { readonly kind: 'theme'; readonly id: string; readonly digest: DigestBrief; readonly theme: number };

/** Results a query shows, and added by each "show more". */
export const RESULTS_PAGE = 30;
/**
 * Results asked for first on each keystroke, more than the 600 px popup shows before scrolling:
 * they paint as soon as their documents are read (thirty rows at once also made the first wait
 * ~20 ms more for their frame), and the rest of the page is asked for right after (its
 * candidates found again from the postings the reader kept: only the documents are new).
 */
export const FIRST_SCREEN = 12;
/** Weeks listed at first, and added by each "older weeks". */
export const BATCHES_PER_PAGE = 3;

export interface Answer {
  readonly query: string;
  readonly results: readonly SearchResult[];
  /** How many were asked for. */
  readonly limit: number;
  /** Matches in all; `exact` false: a bound (phrases checked only on those read), a lower one with `atLeast`. */
  readonly total: number;
  readonly exact: boolean;
  readonly atLeast: boolean;
  readonly reference?: SearchAnswer['reference'];
  readonly notes: readonly string[];
  /** From sending the query to having its answer (ms), and the background's share of it. */
  readonly latencyMs: number;
  readonly tookMs: number;
  /** Answered by this page itself, not the background. */
  readonly inPage: boolean;
  /** The first screen of results, the rest of the page still being asked for. */
  readonly filling: boolean;
}

export interface PopupStore {
  readonly query: Signal<string>;
  readonly answer: Signal<Answer | undefined>;
  readonly batches: Signal<readonly DigestBatch[] | undefined>;
  readonly counters: Signal<CountersRecord | undefined>;
  readonly expanded: Signal<ReadonlySet<string>>;
  readonly active: Signal<number>;
  readonly error: Signal<string | undefined>;
  readonly items: ReadonlySignal<readonly Item[]>;
  /** True while the list shows the latest digests (the query is empty). */
  readonly browsing: ReadonlySignal<boolean>;
  /** More results than shown may match. */
  readonly hasMore: ReadonlySignal<boolean>;
  /** Older weeks than those listed may exist (the last page came back full). */
  readonly hasOlder: Signal<boolean>;
  setQuery(q: string): Promise<void>;
  /** Asks the same query again for RESULTS_PAGE more results, the keyboard staying where it was. */
  showMore(): Promise<void>;
  /** Lists the next BATCHES_PER_PAGE older weeks below those shown. */
  loadOlder(): Promise<void>;
  move(delta: number): void;
  setExpanded(digestId: string, open: boolean): void;
  load(): Promise<void>;
  /** Resolves once no query waits for its answer (answered, failed or replaced). */
  settled(): Promise<void>;
}

const itemId = (kind: string, key: string) => `${kind}-${key.replace(/[^\w-]/g, '_')}`;

export function createPopupStore(deps: PopupDeps): PopupStore {
  const now = deps.now ?? (() => performance.now());
  const query = signal('');
  const answer = signal<Answer | undefined>(undefined);
  const batches = signal<readonly DigestBatch[] | undefined>(undefined);
  const counters = signal<CountersRecord | undefined>(undefined);
  const expanded = signal<ReadonlySet<string>>(new Set());
  const active = signal(0);
  const error = signal<string | undefined>(undefined);
  const hasOlder = signal(false);
  let generation = 0;
  let inFlight: Promise<unknown> = Promise.resolve();

  const browsing = computed(() => query.value.trim() === '');
  const hasMore = computed(() => {
    const a = answer.value;
    return !!a && !a.filling && a.results.length >= a.limit && (a.total > a.results.length || !a.exact);
  });
  const items = computed<readonly Item[]>(() => {
    if (!browsing.value) return (answer.value?.results ?? []).map((r, i) => ({ kind: 'result', id: itemId(`r${i}`, r.key), result: r }));
    const open = expanded.value;
    return (batches.value ?? []).flatMap((b) =>
      b.digests.flatMap((d): Item[] => [
        { kind: 'digest', id: itemId('d', d.id), digest: d },
        ...(open.has(d.id) ? d.themes.map((_, t): Item => ({ kind: 'theme', id: itemId(`t${t}`, d.id), digest: d, theme: t })) : []),
      ]),
    );
  });

  async function setQuery(q: string): Promise<void> {
    query.value = q;
    active.value = 0;
    if (q.trim() === '') {
      ++generation;
      answer.value = undefined;
      return;
    }
    if (await ask(q, FIRST_SCREEN, 0, true)) await ask(q, RESULTS_PAGE);
  }

  /**
   * Asks for `limit` results and paints them if they answer the latest query, the keyboard on
   * row `keep` (or where it is). `first`: the first screen, the page to follow: true when it
   * painted and more may match.
   */
  async function ask(q: string, limit: number, keep?: number, first = false): Promise<boolean> {
    const mine = ++generation;
    const started = now();
    try {
      const asked = deps.search(q, limit);
      inFlight = asked.catch(() => undefined);
      const a = await asked;
      // Typing outruns answers: only the latest query's answer may paint.
      if (mine !== generation) return false;
      const total = a.total ?? a.results.length;
      const exact = a.exact ?? true;
      const filling = first && a.results.length >= limit && (total > a.results.length || !exact);
      answer.value = {
        query: q,
        results: a.results,
        limit,
        total,
        exact,
        atLeast: a.atLeast === true,
        ...(a.reference ? { reference: a.reference } : {}),
        notes: a.notes ?? [],
        latencyMs: Math.round((now() - started) * 10) / 10,
        tookMs: a.tookMs,
        inPage: a.inPage === true,
        filling,
      };
      active.value = Math.min(keep ?? active.value, Math.max(0, a.results.length - 1));
      error.value = undefined;
      return filling;
    } catch (e) {
      if (mine !== generation) return false;
      error.value = (e as Error).message;
      // The rest of the page failed: what is shown stays, and "show more" may ask again.
      const shown = answer.value;
      if (shown?.filling && shown.query === q) answer.value = { ...shown, filling: false };
      return false;
    }
  }

  async function showMore(): Promise<void> {
    const a = answer.value;
    if (!a || a.query !== query.value) return;
    await ask(a.query, a.limit + RESULTS_PAGE);
  }

  async function loadOlder(): Promise<void> {
    const shown = batches.value ?? [];
    const oldest = shown.at(-1)?.date;
    if (!oldest) return;
    try {
      const older = await deps.latest(oldest);
      // The list may have been reloaded meanwhile (an index change): add only what follows it.
      if (batches.value?.at(-1)?.date !== oldest) return;
      batches.value = [...shown, ...older];
      hasOlder.value = older.length >= BATCHES_PER_PAGE;
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  function move(delta: number): void {
    const n = items.value.length;
    if (n === 0) return;
    active.value = Math.min(n - 1, Math.max(0, active.value + delta));
  }

  function setExpanded(digestId: string, open: boolean): void {
    const next = new Set(expanded.value);
    if (open) next.add(digestId);
    else next.delete(digestId);
    expanded.value = next;
    // Collapsing from one of its themes: the keyboard lands on the digest itself.
    const i = items.value.findIndex((it) => it.kind === 'digest' && it.digest.id === digestId);
    if (!open && i >= 0 && active.value > i) active.value = i;
  }

  async function load(): Promise<void> {
    try {
      const [b, c] = await Promise.all([deps.latest(), deps.counters()]);
      batches.value = b;
      hasOlder.value = b.length >= BATCHES_PER_PAGE;
      counters.value = c;
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  async function settled(): Promise<void> {
    // A query typed while the previous one was asked replaces what is awaited.
    for (let seen: Promise<unknown> | undefined; seen !== inFlight; ) await (seen = inFlight);
  }

  return {
    query,
    answer,
    batches,
    counters,
    expanded,
    active,
    error,
    items,
    browsing,
    hasMore,
    hasOlder,
    setQuery,
    showMore,
    loadOlder,
    move,
    setExpanded,
    load,
    settled,
  };
}
