/** The options page's state: what the index holds, and refreshing it after any change. */
import { signal } from '@preact/signals';
import type { IndexStats } from '../core/index/view.ts';

export interface OptionsDeps {
  stats(): Promise<IndexStats>;
  estimate(): Promise<{ usage?: number; quota?: number }>;
}

export function createOptionsStore(deps: OptionsDeps) {
  const stats = signal<IndexStats | undefined>(undefined);
  const storage = signal<{ usage?: number; quota?: number } | undefined>(undefined);
  const error = signal<string | undefined>(undefined);
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    try {
      const [s, e] = await Promise.all([deps.stats(), deps.estimate().catch(() => ({}))]);
      if (mine !== generation) return;
      stats.value = s;
      storage.value = e;
      error.value = undefined;
    } catch (e) {
      if (mine === generation) error.value = (e as Error).message;
    }
  }

  return { stats, storage, error, refresh };
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;
