/** Tells open extension pages (side panels) that what they show has changed. */
import { api, type Broadcast } from '../messages.ts';

export async function broadcast(message: Broadcast): Promise<void> {
  try {
    await api.runtime.sendMessage(message);
  } catch {
    // No panel is open: nobody to tell.
  }
}

/** Asks a tab's content script to send its page again (its chip may now be out of date). */
export async function pokeTab(tabId: number): Promise<void> {
  try {
    await api.tabs.sendMessage(tabId, { type: 'indexChanged' } satisfies Broadcast);
  } catch {
    // No content script in that tab (a PDF, another site, or it was closed).
  }
}
