import { render } from 'preact';
import { api, isBroadcast, send } from '../messages.ts';
import { App } from './app.tsx';
import type { Place } from './open.ts';
import { createPopupStore } from './popup-store.ts';

async function start(): Promise<void> {
  const store = createPopupStore({
    search: (query) => send('search', { query, limit: 30 }),
    latest: () => send('latestDigests', { batches: 3 }),
    counters: () => send('counters'),
  });
  // In the toolbar popup there is no tab; opened as a page (tests, screenshots) there is one.
  const [win, tab] = await Promise.all([api.windows.getCurrent().catch(() => undefined), api.tabs.getCurrent().catch(() => undefined)]);
  const place: Place = { ...(win?.id !== undefined ? { windowId: win.id } : {}), inPopup: tab === undefined };
  document.documentElement.classList.toggle('in-popup', place.inPopup);
  api.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id === api.runtime.id && isBroadcast(message) && message.type === 'indexChanged') void store.load();
    return false;
  });
  render(<App store={store} place={place} />, document.getElementById('app')!);
  await store.load();
}

void start();
