/**
 * The panel's state as a small signal store, passed down by context: signals made here, read by the
 * components, changed only through the store's methods.
 */
import { type Signal, signal } from '@preact/signals';
import type { CountersRecord } from '../core/index/types.ts';
import type { LookupResult, TabView } from '../core/index/view.ts';

export interface PanelDeps {
  loadView(): Promise<TabView>;
  loadCounters(): Promise<CountersRecord>;
  requestHosts(origins: readonly string[]): Promise<boolean>;
  /** One paper by record key: the popup's Ctrl+Enter asks the panel to show it. */
  loadPaper?(key: string): Promise<LookupResult>;
}

export interface PanelStore {
  readonly view: Signal<TabView | undefined>;
  readonly counters: Signal<CountersRecord | undefined>;
  readonly error: Signal<string | undefined>;
  /** The paper the panel shows instead of following the tab, when one was asked for. */
  readonly paper: Signal<{ readonly key: string; readonly result?: LookupResult } | undefined>;
  /** Asks for the view and the counters (on start, and after the reader granted access). */
  refresh(): Promise<void>;
  /** A view the background pushed: shown, and any answer still coming to an earlier request dropped. */
  show(view: TabView): void;
  /** The index changed: new counters; the view follows from the background (asked for only if there is none). */
  indexChanged(): Promise<void>;
  showPaper(key: string | undefined): Promise<void>;
  grantHosts(origins: readonly string[]): Promise<void>;
}

export function createPanelStore(deps: PanelDeps): PanelStore {
  const view = signal<TabView | undefined>(undefined);
  const counters = signal<CountersRecord | undefined>(undefined);
  const error = signal<string | undefined>(undefined);
  const paper = signal<{ readonly key: string; readonly result?: LookupResult } | undefined>(undefined);
  let generation = 0;
  let paperGeneration = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    try {
      const [v, c] = await Promise.all([deps.loadView(), deps.loadCounters()]);
      counters.value = c;
      // Tabs switch faster than lookups finish: only the latest view (asked for or pushed) may paint.
      if (mine !== generation) return;
      view.value = v;
      error.value = undefined;
    } catch (e) {
      if (mine === generation) error.value = (e as Error).message;
    }
  }

  function show(v: TabView): void {
    ++generation;
    view.value = v;
    error.value = undefined;
  }

  async function indexChanged(): Promise<void> {
    if (view.value === undefined) return refresh();
    try {
      counters.value = await deps.loadCounters();
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  async function grantHosts(origins: readonly string[]): Promise<void> {
    if (await deps.requestHosts(origins)) await refresh();
  }

  async function showPaper(key: string | undefined): Promise<void> {
    const mine = ++paperGeneration;
    paper.value = key === undefined ? undefined : { key };
    if (key === undefined || !deps.loadPaper) return;
    try {
      const result = await deps.loadPaper(key);
      if (mine === paperGeneration) paper.value = { key, result };
    } catch (e) {
      if (mine === paperGeneration) error.value = (e as Error).message;
    }
  }

  return { view, counters, error, paper, refresh, show, indexChanged, grantHosts, showPaper };
}
