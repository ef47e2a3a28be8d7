import { render } from 'preact';
import { api, isBroadcast, isSyncBroadcast, send } from '../transport.ts';
import { createSyncStore } from '../ui/sync-store.ts';
import { App } from './app.tsx';
import { createPanelStore, type PanelStore } from './panel-store.ts';
import { PanelStoreContext, PanelSyncContext } from './store-context.ts';

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
    loadPaper: (key) => send('paperView', { key }),
  });
  const sync = createSyncStore({ status: () => send('syncStatus'), syncNow: () => send('syncNow') });
  const setUp = () => void api.tabs.create({ url: api.runtime.getURL('src/firstrun/index.html') });
  watchPaperRequests(store, windowId, new URLSearchParams(location.search).get('paper'));
  api.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== api.runtime.id) return false;
    if (isSyncBroadcast(message)) sync.onBroadcast(message);
    if (!isBroadcast(message)) return false;
    if (message.type === 'showPaper') {
      if (tabId === undefined && message.windowId === windowId) showAsked(store, windowId, message.key);
      return false;
    }
    if (message.type === 'indexChanged') void store.indexChanged();
    // The background looked the tab up and built its view: taken as is, never asked for again.
    else if (tabId !== undefined ? message.tabId === tabId : message.windowId === windowId && message.active) store.show(message.view);
    return false; // never answer: requests are the background's
  });
  render(
    <PanelStoreContext.Provider value={store}>
      <PanelSyncContext.Provider value={{ sync, setUp }}>
        <App />
      </PanelSyncContext.Provider>
    </PanelStoreContext.Provider>,
    document.getElementById('app')!,
  );
  await Promise.all([store.refresh(), sync.refresh()]);
}

/**
 * The popup asks the background to have this window's panel show a paper (the panel may not be
 * open yet when it asks): take a waiting request on start; later ones are pushed to us (showAsked).
 * `?paper=KEY` shows one paper for tests.
 */
function watchPaperRequests(store: PanelStore, windowId: number | undefined, fromUrl: string | null): void {
  if (fromUrl) {
    void store.showPaper(fromUrl);
    return;
  }
  if (windowId === undefined) return;
  void send('takePanelPaper', { windowId }).then(
    ({ key }) => {
      if (key !== undefined) void store.showPaper(key);
    },
    () => undefined,
  );
}

/** A request pushed while the panel is open: shown, and taken so a panel opened later does not show it again. */
function showAsked(store: PanelStore, windowId: number | undefined, key: string): void {
  void store.showPaper(key);
  if (windowId !== undefined) void send('takePanelPaper', { windowId }).catch(() => undefined);
}

void start();
