import { render } from 'preact';
import { api, isBroadcast, isSyncBroadcast, send } from '../transport.ts';
import { createSyncStore } from '../ui/sync-store.ts';
import { App } from './app.tsx';
import { BATCHES_PER_PAGE, createPopupStore } from './popup-store.ts';

async function start(): Promise<void> {
  const store = createPopupStore({
    search: (query, limit) => send('search', { query, limit }),
    latest: (before) => send('latestDigests', { batches: BATCHES_PER_PAGE, ...(before ? { before } : {}) }),
    counters: () => send('counters'),
  });
  const sync = createSyncStore({ status: () => send('syncStatus'), syncNow: () => send('syncNow') });
  // Rendered first, so the search box is there at once; where it lives (toolbar popup or a tab)
  // only matters to the first click, and is known a few milliseconds later.
  const place: { windowId?: number; inPopup: boolean } = { inPopup: true };
  document.documentElement.classList.add('in-popup');
  render(<App store={store} sync={sync} place={place} />, document.getElementById('app')!);
  api.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== api.runtime.id) return false;
    if (isBroadcast(message) && message.type === 'indexChanged') void store.load();
    if (isSyncBroadcast(message)) sync.onBroadcast(message);
    return false;
  });
  // The latest digests and sync status wait one task, and then for the answer to a query typed (or
  // pasted) the moment the box appeared: that answer is not queued in the worker behind a list it
  // replaces anyway.
  const loading = new Promise((r) => setTimeout(r, 0)).then(() => store.settled()).then(() => Promise.all([store.load(), sync.refresh()]));
  // In the toolbar popup there is no tab; opened as a page (tests, screenshots) there is one.
  const [win, tab] = await Promise.all([api.windows.getCurrent().catch(() => undefined), api.tabs.getCurrent().catch(() => undefined)]);
  if (win?.id !== undefined) place.windowId = win.id;
  place.inPopup = tab === undefined;
  document.documentElement.classList.toggle('in-popup', place.inPopup);
  await loading;
}

void start();
