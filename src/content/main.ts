/**
 * The content script: tells the background which page this is and, when the digests mention it,
 * shows the chip. Kept tiny (no framework, no polyfill): it runs on every GitHub page.
 *
 * It runs at document start. The address alone names most pages (arXiv abstracts, GitHub
 * repositories), so it is asked about at once (pageBrief) and the chip can show while the page
 * still loads; the page's full report (its tags and title, which the badge and the side panel
 * use) follows once the DOM is complete, and its answer has the last word. The early answer
 * still shows the chip when the DOM was complete before it came, as long as the full answer
 * has not come yet: a small page is often parsed before the background answers.
 */
import { api, isBroadcast, send, type PageState } from '../messages.ts';
import { hideChip, showChip, showHint } from './chip.ts';
import { readMeta } from './read-page.ts';

let lastSent = '';
/** Answers to full reports so far, in this document: once there is one, the early answer is out of date. */
let fullAnswers = 0;

const shows = (state: PageState) => state.status === 'found' && state.digestCount > 0;

async function report(force = false): Promise<void> {
  const info = { url: location.href, meta: readMeta(document), title: document.title };
  const key = JSON.stringify(info);
  // Several navigation signals fire for one navigation: ask once per address and tag set.
  if (key === lastSent && !force) return;
  lastSent = key;
  let state;
  try {
    state = await send('pageInfo', info);
  } catch {
    return; // The extension was reloaded or updated: this old script has nobody to talk to.
  }
  if (key !== lastSent) return; // A newer navigation answered (or will answer) instead.
  fullAnswers++;
  if (shows(state)) showChip(state.digestCount, openPanel);
  else hideChip();
}

/** The address alone, before the page has a DOM: shows the chip early if it can, never hides it. */
function reportEarly(): void {
  const url = location.href;
  lastSent = `early ${url}`;
  // Once the full report has an answer (or the page has moved on), that answer decides.
  const current = () => fullAnswers === 0 && location.href === url;
  send('pageBrief', { url }).then(
    (state) => {
      if (!shows(state) || !current()) return;
      whenBody(() => current() && showChip(state.digestCount, openPanel));
    },
    () => undefined,
  );
}

/** Runs `then` as soon as the parser has made the page's body (the chip goes into it). */
function whenBody(then: () => void): void {
  if (document.body) return then();
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

const soon = () => void report();

if (document.readyState === 'loading') {
  reportEarly();
  document.addEventListener('DOMContentLoaded', soon, { once: true });
} else {
  soon();
}
// GitHub (Turbo) and alphaXiv navigate without loading a new document: re-send on their signals.
addEventListener('turbo:load', soon);
addEventListener('popstate', soon);
addEventListener('pageshow', soon);
(globalThis as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', soon);
// The index changed (digests added): the chip may be out of date.
api.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender) => {
  if (sender.id === api.runtime.id && isBroadcast(message) && message.type === 'indexChanged') void report(true);
  return false;
});
