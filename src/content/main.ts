/**
 * The content script: tells the background which page this is and, when the digests mention it,
 * shows the chip. Kept tiny (no framework, no polyfill): it runs on every GitHub page.
 */
import { api, isBroadcast, send } from '../messages.ts';
import { hideChip, showChip, showHint } from './chip.ts';
import { readMeta } from './read-page.ts';

let lastSent = '';

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
  if (state.status === 'found' && state.digestCount > 0) showChip(state.digestCount, openPanel);
  else hideChip();
}

function openPanel(): void {
  void send('openPanel').then(
    (r) => r.opened || !r.hint || showHint(r.hint),
    () => undefined,
  );
}

const soon = () => void report();

void report();
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
