/**
 * What each tab's content script last told us, kept in storage.session: the worker is stopped
 * whenever it idles, and the tab must not lose its title-matched paper when it comes back.
 */
import type { PageMeta } from '../core/detect/index.ts';
import { api } from '../transport.ts';

export interface PageInfo {
  readonly url: string;
  readonly meta: PageMeta;
  readonly title?: string;
}

const key = (tabId: number) => `tab:${tabId}`;

export async function getPageInfo(tabId: number): Promise<PageInfo | undefined> {
  const k = key(tabId);
  return (await api.storage.session.get(k))[k] as PageInfo | undefined;
}

export async function setPageInfo(tabId: number, info: PageInfo): Promise<void> {
  await api.storage.session.set({ [key(tabId)]: info });
}

export async function forgetTab(tabId: number): Promise<void> {
  await api.storage.session.remove(key(tabId));
}

export async function knownTabIds(): Promise<number[]> {
  const all = await api.storage.session.get(null);
  return Object.keys(all).flatMap((k) => (k.startsWith('tab:') ? [Number(k.slice(4))] : []));
}
