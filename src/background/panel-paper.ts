/**
 * The paper the popup asked a window's side panel to show. Kept in storage.session until that
 * panel takes it: the panel may still be opening when the popup asks, and the worker may stop meanwhile.
 */
import { api } from '../transport.ts';
import { broadcast } from './broadcast.ts';

const storageKey = (windowId: number) => `panelPaper:${windowId}`;

/** Remembers the request, and tells the window's panel at once if it is already open. */
export async function askPanel(windowId: number, key: string): Promise<void> {
  await api.storage.session.set({ [storageKey(windowId)]: key });
  await broadcast({ type: 'showPaper', windowId, key });
}

/** The request waiting for a window's panel, if any; taken, so a panel opened later does not show it again. */
export async function takePanelPaper(windowId: number): Promise<string | undefined> {
  const k = storageKey(windowId);
  const key = (await api.storage.session.get(k))[k];
  if (key === undefined) return undefined;
  await api.storage.session.remove(k);
  return typeof key === 'string' ? key : undefined;
}
