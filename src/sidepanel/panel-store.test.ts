import { describe, expect, it } from 'vitest';
import type { CountersRecord } from '../core/index/types.ts';
import type { TabView } from '../core/index/view.ts';
import { createPanelStore } from './panel-store.ts';

const counters: CountersRecord = { digests: 5, papers: 100, mentions: 120 };
const view = (tabId: number): TabView => ({ tabId, access: 'granted', missingHosts: [] });

describe('panel store', () => {
  it('paints only the latest answer when tabs switch faster than lookups finish', async () => {
    const pending: ((v: TabView) => void)[] = [];
    const store = createPanelStore({
      loadView: () => new Promise((resolve) => pending.push(resolve)),
      loadCounters: async () => counters,
      requestHosts: async () => false,
    });
    const first = store.refresh();
    const second = store.refresh();
    pending[1]!(view(2));
    await second;
    pending[0]!(view(1));
    await first;
    expect(store.view.value?.tabId).toBe(2);
  });

  it('shows an error, and clears it on the next good answer', async () => {
    let fail = true;
    const store = createPanelStore({
      loadView: async () => {
        if (fail) throw new Error('worker gone');
        return view(3);
      },
      loadCounters: async () => counters,
      requestHosts: async () => true,
    });
    await store.refresh();
    expect(store.error.value).toBe('worker gone');
    fail = false;
    await store.grantHosts(['https://github.com/*']);
    expect(store.error.value).toBeUndefined();
    expect(store.view.value?.tabId).toBe(3);
  });

  it('takes a pushed view over an answer still coming, and asks for no view when the index changes', async () => {
    const pending: ((v: TabView) => void)[] = [];
    let counted = 0;
    const store = createPanelStore({
      loadView: () => new Promise((resolve) => pending.push(resolve)),
      loadCounters: async () => ({ ...counters, digests: ++counted }),
      requestHosts: async () => false,
    });
    const starting = store.refresh();
    store.show(view(7));
    pending[0]!(view(1));
    await starting;
    expect(store.view.value?.tabId).toBe(7);
    await store.indexChanged();
    expect(pending).toHaveLength(1);
    expect(store.counters.value?.digests).toBe(2);
  });
});
