import { render } from 'preact';
import type { SearchAnswer } from '../core/search/answer.ts';
import { openSearchInPage, prepareSearchInPage, searchInPage } from '../db/page-search.ts';
import { api, isBroadcast, isSyncBroadcast, send } from '../transport.ts';
import { createSyncStore } from '../ui/sync-store.ts';
import { App } from './app.tsx';
import { BATCHES_PER_PAGE, createPopupStore } from './popup-store.ts';

// Where queries are answered. A worker running as the popup opens answers from caches it keeps
// between popups. A stopped one would first take ~50 ms to start: then this page reads the index
// itself (src/db/page-search.ts) for as long as it is open, asking the worker only what the page
// may not answer (the index being rebuilt, the database being upgraded).
const workerStopped: Promise<boolean> = (async () => {
  try {
    return (await api.runtime.getContexts({ contextTypes: ['BACKGROUND' as chrome.runtime.ContextType] })).length === 0;
  } catch {
    return false; // No getContexts: the worker answers, as it always may.
  }
})();
let inPage: Promise<boolean> = workerStopped;
/** A query was asked: its search reads what a first query needs. */
let asked = false;
openSearchInPage();
void workerStopped.then((stopped) => {
  // Not beside a query already asked: the database serves one request at a time, so a second
  // snapshot's reads would only delay that query's.
  if (stopped && !asked) void prepareSearchInPage();
});
/** The last query this page answered itself. */
let answeredHere: { query: string; limit: number } | undefined;

/** The answer read in this page, or undefined when the worker is to give it. */
async function answerHere(query: string, limit: number): Promise<SearchAnswer | undefined> {
  asked = true;
  if (!(await inPage)) return undefined;
  const answer = await searchInPage(query, limit).catch((e: unknown) => {
    console.warn('Digest Lens: the popup could not search the index itself', e);
    return undefined;
  });
  if (!answer) inPage = Promise.resolve(false);
  else answeredHere = { query, limit };
  return answer;
}

/** After the next frame is painted; in a hidden page (no frames) after 50 ms. */
const afterNextFrame = (): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });

async function start(): Promise<void> {
  const store = createPopupStore({
    search: async (query, limit) => (await answerHere(query, limit)) ?? send('search', { query, limit }),
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
  // pasted) the moment the box appeared, and its first frame: that answer is not queued in the
  // worker behind a list it replaces anyway, nor its painting behind the worker's start. With
  // nothing typed, the list is what the reader waits for: asked at once.
  const loading = new Promise((r) => setTimeout(r, 0))
    .then(() => store.settled())
    .then(() => (store.query.value.trim() ? afterNextFrame() : undefined))
    .then(() => Promise.all([store.load(), sync.refresh()]));
  // In the toolbar popup there is no tab; opened as a page (tests, screenshots) there is one.
  const [win, tab] = await Promise.all([api.windows.getCurrent().catch(() => undefined), api.tabs.getCurrent().catch(() => undefined)]);
  if (win?.id !== undefined) place.windowId = win.id;
  place.inPopup = tab === undefined;
  document.documentElement.classList.toggle('in-popup', place.inPopup);
  await loading;
  // The worker has started meanwhile (for the lists above): asked the last query too, it reads what
  // that query needs, so the next popup (within its idle time) finds its caches warm.
  if (answeredHere) void send('search', answeredHere).catch(() => undefined);
}

void start();
