import { render } from 'preact';
import { api, isSyncBroadcast, send } from '../transport.ts';
import { createSyncStore } from '../ui/sync-store.ts';
import { App } from './app.tsx';

const sync = createSyncStore({ status: () => send('syncStatus'), syncNow: () => send('syncNow') });
api.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender) => {
  if (sender.id === api.runtime.id && isSyncBroadcast(message)) sync.onBroadcast(message);
  return false;
});
render(<App sync={sync} />, document.getElementById('app')!);
void sync.refresh();
