/** The panel's state as a small signal store, passed down by context (STYLE.md §6). */
import { signal, type Signal } from '@preact/signals';
import type { Counters, TabView } from '../messages.ts';

export interface PanelDeps {
  loadView(): Promise<TabView>;
  loadCounters(): Promise<Counters>;
  requestHosts(origins: readonly string[]): Promise<boolean>;
}

export interface PanelStore {
  readonly view: Signal<TabView | undefined>;
  readonly counters: Signal<Counters | undefined>;
  readonly error: Signal<string | undefined>;
  refresh(): Promise<void>;
  grantHosts(origins: readonly string[]): Promise<void>;
}

export function createPanelStore(deps: PanelDeps): PanelStore {
  const view = signal<TabView | undefined>(undefined);
  const counters = signal<Counters | undefined>(undefined);
  const error = signal<string | undefined>(undefined);
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    try {
      const [v, c] = await Promise.all([deps.loadView(), deps.loadCounters()]);
      // Tabs switch faster than lookups finish: only the latest request may paint.
      if (mine !== generation) return;
      view.value = v;
      counters.value = c;
      error.value = undefined;
    } catch (e) {
      if (mine === generation) error.value = (e as Error).message;
    }
  }

  async function grantHosts(origins: readonly string[]): Promise<void> {
    if (await deps.requestHosts(origins)) await refresh();
  }

  return { view, counters, error, refresh, grantHosts };
}
