/** Tells open extension pages (side panels) that what they show has changed. */
import type { Broadcast, TabPoke } from '../messages.ts';
import { api } from '../transport.ts';

export async function broadcast(message: Broadcast): Promise<void> {
  try {
    await api.runtime.sendMessage(message);
  } catch {
    // No panel is open: nobody to tell.
  }
}

/** Tells a tab's content script its chip may be out of date: the index changed, or the tab's address did. */
export async function pokeTab(tabId: number, poke: TabPoke = { type: 'indexChanged' }): Promise<void> {
  try {
    // The top frame only: that is where the content script runs.
    await api.tabs.sendMessage(tabId, poke, { frameId: 0 });
  } catch {
    // No content script in that tab (a PDF, another site, or it was closed).
  }
}
