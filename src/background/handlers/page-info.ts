import { PAGE_META_LIMITS, type PageMeta } from '../../core/detect/types.ts';
import { gateChip } from '../chip-settings.ts';
import type { Handler } from '../router.ts';
import { setPageInfo } from '../tab-state.ts';
import { refreshTab } from '../tab-watch.ts';

const MAX_TEXT = 2000;

// The values come from a web page: keep the known tags, as short strings.
function cleanMeta(meta: unknown): PageMeta {
  const out: PageMeta = {};
  for (const [k, max] of Object.entries(PAGE_META_LIMITS) as [keyof PageMeta, number][]) {
    const v = (meta as Record<string, unknown> | null)?.[k];
    if (typeof v === 'string' && v.trim()) out[k] = v.trim().slice(0, max);
  }
  return out;
}

function sameHost(a: string, b: string | undefined): boolean {
  try {
    return b !== undefined && new URL(a).host === new URL(b).host;
  } catch {
    return false;
  }
}

/**
 * The address a content script reports: in-page navigations the browser may not have told us of
 * yet, but never an address on another site than the one it runs on.
 */
export function reportedUrl(info: { url?: unknown } | undefined, sender: chrome.runtime.MessageSender, message: string): string {
  if (typeof info?.url !== 'string' || !sameHost(info.url, sender.url)) throw new Error(`${message}: address does not match the sender`);
  return info.url;
}

/** Content script → background: the page's address and tags; answers what the chip shows. */
export const pageInfo: Handler<'pageInfo'> = {
  from: 'content',
  async handle(info, sender) {
    const tabId = sender.tab!.id!;
    const url = reportedUrl(info, sender, 'pageInfo');
    const title = typeof info.title === 'string' ? info.title.trim().slice(0, MAX_TEXT) : undefined;
    const page = { url, meta: cleanMeta(info.meta), ...(title ? { title } : {}) };
    // Stored for the panel and later refreshes; this refresh uses it as is, and the answer (what
    // the chip waits for) does not wait for the storing — the panel update does.
    const stored = setPageInfo(tabId, page);
    stored.catch((e: unknown) => console.warn('Digest Lens: could not keep the page details of a tab', e));
    return gateChip(url, await refreshTab(tabId, url, page, stored));
  },
};
