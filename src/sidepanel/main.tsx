import { render } from 'preact';
import { api, isBroadcast, send } from '../messages.ts';
import { App } from './app.tsx';
import { createPanelStore } from './panel-store.ts';
import { PanelStoreContext } from './store-context.ts';

/**
 * One panel per window, following that window's active tab. `?tabId=N` pins it to one tab instead
 * (the headless screenshots open the panel page in an ordinary tab that way).
 */
async function start(): Promise<void> {
  const pinned = new URLSearchParams(location.search).get('tabId');
  const tabId = pinned !== null && /^\d+$/.test(pinned) ? Number(pinned) : undefined;
  const windowId = tabId === undefined ? (await api.windows.getCurrent()).id : undefined;
  const store = createPanelStore({
    loadView: () => send('tabView', tabId !== undefined ? { tabId } : windowId !== undefined ? { windowId } : {}),
    loadCounters: () => send('counters'),
    requestHosts: (origins) => api.permissions.request({ origins: [...origins] }),
  });
  api.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== api.runtime.id || !isBroadcast(message)) return false;
    const mine = message.type === 'indexChanged' || (tabId !== undefined ? message.tabId === tabId : message.windowId === windowId);
    if (mine) void store.refresh();
    return false; // never answer: requests are the background's
  });
  render(
    <PanelStoreContext.Provider value={store}>
      <App />
    </PanelStoreContext.Provider>,
    document.getElementById('app')!,
  );
  await store.refresh();
}

void start();
