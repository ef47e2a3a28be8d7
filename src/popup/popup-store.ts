/**
 * The popup's state as a small signal store (STYLE.md §6): the query, the answer to the latest
 * query only, the empty query's latest digests, and which row the keyboard is on.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Counters, DigestBatch, DigestBrief, SearchAnswer, SearchResult } from '../messages.ts';

export interface PopupDeps {
  search(query: string): Promise<SearchAnswer>;
  latest(): Promise<DigestBatch[]>;
  counters(): Promise<Counters>;
  now?(): number;
}

/** One row the keyboard can land on. */
export type Item =
  | { readonly kind: 'result'; readonly id: string; readonly result: SearchResult }
  | { readonly kind: 'digest'; readonly id: string; readonly digest: DigestBrief }
  | { readonly kind: 'theme'; readonly id: string; readonly digest: DigestBrief; readonly theme: number };

export interface Answer {
  readonly query: string;
  readonly results: readonly SearchResult[];
  /** From sending the query to having its answer (ms), and the background's share of it. */
  readonly latencyMs: number;
  readonly tookMs: number;
}

export interface PopupStore {
  readonly query: Signal<string>;
  readonly answer: Signal<Answer | undefined>;
  readonly batches: Signal<readonly DigestBatch[] | undefined>;
  readonly counters: Signal<Counters | undefined>;
  readonly expanded: Signal<ReadonlySet<string>>;
  readonly active: Signal<number>;
  readonly error: Signal<string | undefined>;
  readonly items: ReadonlySignal<readonly Item[]>;
  /** True while the list shows the latest digests (the query is empty). */
  readonly browsing: ReadonlySignal<boolean>;
  setQuery(q: string): Promise<void>;
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
  const counters = signal<Counters | undefined>(undefined);
  const expanded = signal<ReadonlySet<string>>(new Set());
  const active = signal(0);
  const error = signal<string | undefined>(undefined);
  let generation = 0;
  let inFlight: Promise<unknown> = Promise.resolve();

  const browsing = computed(() => query.value.trim() === '');
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
    const mine = ++generation;
    active.value = 0;
    if (q.trim() === '') {
      answer.value = undefined;
      return;
    }
    const started = now();
    try {
      const asked = deps.search(q);
      inFlight = asked.catch(() => undefined);
      const a = await asked;
      // Typing outruns answers: only the latest query's answer may paint.
      if (mine !== generation) return;
      answer.value = { query: q, results: a.results, latencyMs: Math.round((now() - started) * 10) / 10, tookMs: a.tookMs };
      active.value = 0;
      error.value = undefined;
    } catch (e) {
      if (mine === generation) error.value = (e as Error).message;
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
      counters.value = c;
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  async function settled(): Promise<void> {
    // A query typed while the previous one was asked replaces what is awaited.
    for (let seen: Promise<unknown> | undefined; seen !== inFlight; ) await (seen = inFlight);
  }

  return { query, answer, batches, counters, expanded, active, error, items, browsing, setQuery, move, setExpanded, load, settled };
}
