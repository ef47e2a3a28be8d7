/** What a chosen row does: a new tab, or the side panel showing one paper. */
import { api, send, sidebarAction } from '../transport.ts';
import { safeHref } from '../ui/safe-href.ts';

export interface Place {
  /** The popup's window, learnt on load: sidePanel.open must not wait for it after a keypress. */
  readonly windowId?: number;
  /** False when the popup page was opened in an ordinary tab (tests, or a bookmarked page). */
  readonly inPopup: boolean;
}

function done(place: Place): void {
  if (place.inPopup) window.close();
}

export async function openTab(place: Place, href: string | undefined): Promise<boolean> {
  const url = safeHref(href);
  if (!url) return false;
  await api.tabs.create({ url, active: true });
  done(place);
  return true;
}

/**
 * Opens the side panel, then asks the background to have it show a paper. Must be called straight
 * from the key or click handler: Chrome allows sidePanel.open only while the user's gesture lasts.
 */
export function openPanel(place: Place, paperKey?: string): Promise<void> {
  if (place.windowId === undefined || !(api.sidePanel || sidebarAction)) return Promise.reject(new Error('This browser has no side panel here.'));
  // Firefox: the sidebar of the popup's window (the popup is extension UI, so the click counts).
  const opening = sidebarAction ? sidebarAction.open() : api.sidePanel.open({ windowId: place.windowId });
  const telling = paperKey !== undefined ? send('showInPanel', { windowId: place.windowId, key: paperKey }) : Promise.resolve();
  return Promise.all([opening, telling]).then(() => done(place));
}

export function openOptions(place: Place): void {
  void api.runtime.openOptionsPage().then(() => done(place));
}

/** The first-run page: what sync fetches and from where, and the reader's go-ahead. */
export function openFirstRun(place: Place): void {
  void api.tabs.create({ url: api.runtime.getURL('src/firstrun/index.html') }).then(() => done(place));
}
