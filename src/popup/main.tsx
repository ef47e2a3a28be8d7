import { render } from 'preact';
import { api, isBroadcast, isSyncBroadcast, send } from '../messages.ts';
import { createSyncStore } from '../ui/sync-store.ts';
import { App } from './app.tsx';
import type { Place } from './open.ts';
import { createPopupStore } from './popup-store.ts';

async function start(): Promise<void> {
  const store = createPopupStore({
    search: (query) => send('search', { query, limit: 30 }),
    latest: () => send('latestDigests', { batches: 3 }),
    counters: () => send('counters'),
  });
  const sync = createSyncStore({ status: () => send('syncStatus'), syncNow: () => send('syncNow') });
  // In the toolbar popup there is no tab; opened as a page (tests, screenshots) there is one.
  const [win, tab] = await Promise.all([api.windows.getCurrent().catch(() => undefined), api.tabs.getCurrent().catch(() => undefined)]);
  const place: Place = { ...(win?.id !== undefined ? { windowId: win.id } : {}), inPopup: tab === undefined };
  document.documentElement.classList.toggle('in-popup', place.inPopup);
  api.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== api.runtime.id) return false;
    if (isBroadcast(message) && message.type === 'indexChanged') void store.load();
    if (isSyncBroadcast(message)) sync.onBroadcast(message);
    return false;
  });
  render(<App store={store} sync={sync} place={place} />, document.getElementById('app')!);
  await Promise.all([store.load(), sync.refresh()]);
}

void start();
