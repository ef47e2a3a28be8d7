/**
 * The content script: tells the background which page this is and, when the digests mention it,
 * shows the chip. Kept tiny (no framework, no polyfill): it runs on every GitHub page.
 *
 * It runs at document start. The address alone names most pages (arXiv abstracts, GitHub
 * repositories), so it is asked about at once (pageBrief) and the chip can show while the page
 * still loads; the page's full report (its tags and title, which the badge and the side panel
 * use) follows once the DOM is complete, and its answer has the last word.
 *
 * A page's scripts must not be able to read the index through the chip. So pages are looked up
 * only on what the page cannot fake: its load, an address change the browser reports (the
 * background pokes us on tabs.onUpdated, which covers GitHub's Turbo and alphaXiv's in-page
 * navigations), and the reader's own input (trusted events). Events a page can fire (turbo:load,
 * popstate, pageshow) trigger nothing, and address changes with no reader action in between get
 * a few lookups at most: a script sweeping pushState through a hundred addresses sees a chip for
 * the first ones only, and none after until the reader acts.
 */
import type { PageState } from '../core/index/view.ts';
import { api, isTabPoke, send } from '../transport.ts';
import { hideChip, showChip, showHint } from './chip.ts';
import { readMeta } from './read-page.ts';

/** Address changes looked up with no reader action since the load (a site's own redirects). */
const FREE_MOVES = 2;
/** Address changes a reader's click or key press pays for (the navigation, and a redirect after it). */
const MOVES_PER_ACTION = 3;
/** After an in-page navigation, the page's tags settle before the full report reads them. */
const SETTLE_MS = 600;

/** Lookups of this document so far; answers to an older one are ignored. */
let generation = 0;
/** The generation whose full answer came: the early answer is then out of date. */
let answered = -1;
/** The address (without its #fragment) last looked up, and the full report last sent. */
let lastUrl = '';
let lastKey = '';
let moves = FREE_MOVES;
/** An address change waits for the reader: looked up at their next action. */
let waiting = false;

const shows = (state: PageState) => state.status === 'found' && state.digestCount > 0 && state.chip !== false;
/** The chip's ×: hidden for this paper until the index changes (the background remembers). */
const dismiss = () => void send('dismissChip', { url: location.href }).catch(() => undefined);
const bare = (url: string) => url.replace(/#.*$/, '');

/** The page's full report: address, tags and title; its answer decides the chip. */
function report(force = false): void {
  const info = { url: location.href, meta: readMeta(document), title: document.title };
  // The page moved on meanwhile: that move is looked up (or waits) on its own.
  if (bare(info.url) !== lastUrl) return;
  const key = JSON.stringify(info);
  if (key === lastKey && !force) return;
  lastKey = key;
  const g = generation;
  send('pageInfo', info).then(
    (state) => {
      if (g !== generation || key !== lastKey) return;
      answered = g;
      if (shows(state)) showChip(state.digestCount, openPanel, dismiss);
      else hideChip();
    },
    // The extension was reloaded or updated: this old script has nobody to talk to.
    () => undefined,
  );
}

/** The address alone: shows the chip early if it can, until the full answer has the last word. */
function lookUp(): void {
  const url = location.href;
  lastUrl = bare(url);
  const g = ++generation;
  const current = () => g === generation && answered !== g && bare(location.href) === lastUrl;
  send('pageBrief', { url }).then(
    (state) => shows(state) && current() && whenBody(() => current() && showChip(state.digestCount, openPanel, dismiss)),
    () => undefined,
  );
}

/** The browser saw the address change: look it up, if the reader's actions allow one more. */
function moved(): void {
  if (bare(location.href) === lastUrl) return;
  hideChip();
  if (moves <= 0) {
    waiting = true;
    return;
  }
  moves--;
  lookUp();
  setTimeout(report, SETTLE_MS);
}

/** Runs `then` as soon as the parser has made the page's body (the chip goes into it). */
function whenBody(then: () => void): void {
  if (document.body) {
    then();
    return;
  }
  const watch = new MutationObserver(() => {
    if (!document.body) return;
    watch.disconnect();
    then();
  });
  // The whole document: at document start even the root element may not exist yet.
  watch.observe(document, { childList: true, subtree: true });
}

function openPanel(): void {
  void send('openPanel').then(
    (r) => r.opened || !r.hint || showHint(r.hint),
    () => undefined,
  );
}

/** The reader clicked or pressed a key (a page cannot fake a trusted event): a few more moves. */
function readerActed(e: Event): void {
  if (!e.isTrusted) return;
  moves = MOVES_PER_ACTION;
  if (waiting) {
    waiting = false;
    moved();
  }
}

if (document.readyState === 'loading') {
  lookUp();
  document.addEventListener('DOMContentLoaded', () => report(), { once: true });
} else {
  lastUrl = bare(location.href);
  report();
}
for (const type of ['pointerdown', 'keydown']) addEventListener(type, readerActed, { capture: true, passive: true });
api.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender) => {
  if (sender.id === api.runtime.id && isTabPoke(message)) {
    if (message.type === 'indexChanged') report(true);
    else moved();
  }
  return false;
});
