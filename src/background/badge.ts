/** The toolbar badge: how many digests mention the tab's paper; empty when none. */
import { api } from '../transport.ts';

export async function setBadge(tabId: number, digestCount: number): Promise<void> {
  try {
    await api.action.setBadgeText({ tabId, text: digestCount > 0 ? String(digestCount) : '' });
  } catch {
    // The tab closed while we looked it up.
  }
}

export async function styleBadge(): Promise<void> {
  await api.action.setBadgeBackgroundColor({ color: '#2563eb' });
  await api.action.setBadgeTextColor?.({ color: '#ffffff' });
}
