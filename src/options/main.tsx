import { render } from 'preact';
import { api, isBroadcast, send } from '../messages.ts';
import { App } from './app.tsx';
import { createOptionsStore } from './options-store.ts';

const store = createOptionsStore({
  stats: () => send('indexStats'),
  estimate: () => navigator.storage.estimate(),
});
api.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender) => {
  // A sync or a reset elsewhere changed the index: show what it holds now.
  if (sender.id === api.runtime.id && isBroadcast(message) && message.type === 'indexChanged') void store.refresh();
  return false;
});
render(<App store={store} />, document.getElementById('app')!);
void store.refresh();
