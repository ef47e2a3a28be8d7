import { render } from 'preact';
import { api, isBroadcast, isSyncBroadcast, send } from '../transport.ts';
import { createSyncStore } from '../ui/sync-store.ts';
import { App } from './app.tsx';
import { createOptionsStore } from './options-store.ts';

const store = createOptionsStore({
  stats: () => send('indexStats'),
  estimate: () => navigator.storage.estimate(),
});
const sync = createSyncStore({ status: () => send('syncStatus'), syncNow: () => send('syncNow') });
api.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender) => {
  // A sync or a reset elsewhere changed the index: show what it holds now.
  if (sender.id === api.runtime.id && isBroadcast(message) && message.type === 'indexChanged') void store.refresh();
  // A sync's progress or end: the store asks for the status itself when it needs it (ui/sync-store.ts).
  if (sender.id === api.runtime.id && isSyncBroadcast(message)) sync.onBroadcast(message);
  return false;
});
render(<App store={store} sync={sync} />, document.getElementById('app')!);
void store.refresh();
void sync.refresh();
