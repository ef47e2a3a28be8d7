/** The side panel's view of a tab, built from the tab's one lookup, and which tabs an open panel shows. */
import type { PageMeta } from '../core/detect/index.ts';
import type { PageCitation, TabView, TextNeighbour } from '../core/index/view.ts';
import { neighboursOf } from '../db/index.ts';
import { api } from '../transport.ts';
import { missingHostPatterns } from './hosts.ts';
import { type Resolved, viewOf } from './resolve-page.ts';
import type { PageInfo } from './tab-state.ts';

const CLOSEST = 5;

/** An arXiv page's citation tags, as the panel shows them; every arXiv paper has its DataCite DOI. */
export function citationOf(meta: PageMeta, arxivId: string): PageCitation {
  const authors = (meta.citation_author ?? '')
    .split('; ')
    .map((a) => a.trim())
    .filter(Boolean);
  const date = /^(\d{4})\/(\d{2})\/(\d{2})/.exec(meta.citation_date ?? '');
  const doi = meta.citation_doi && /^10\.\d{4,9}\/\S+$/.test(meta.citation_doi) ? meta.citation_doi : `10.48550/arXiv.${arxivId}`;
  return { authors, ...(date ? { date: `${date[1]}-${date[2]}-${date[3]}` } : {}), doi };
}

// Extra help, never worth failing the panel for.
function neighbours(title: string, abstract: string): Promise<readonly TextNeighbour[]> {
  return neighboursOf(title, abstract, CLOSEST).catch((e: unknown) => {
    console.warn('Digest Lens: closest papers failed', e);
    return [];
  });
}

/**
 * What the panel shows for a tab at `url` (undefined: the browser hides the address, no host
 * access), from the page's lookup and the tags the content script sent.
 */
export async function buildTabView(tabId: number, url: string | undefined, info: PageInfo | undefined, resolved: Resolved): Promise<TabView> {
  const missingHosts = await missingHostPatterns();
  if (!url) return { tabId, access: 'none', missingHosts };
  const { detection } = resolved;
  const lookup = await viewOf(resolved);
  const fresh = info?.url === url ? info : undefined;
  const pageTitle = fresh?.meta.citation_title ?? fresh?.title;
  // A paper no digest names: what the index holds closest to it, from its own title and abstract.
  const closest =
    lookup?.status === 'not-indexed' && pageTitle && detection?.ref.kind !== 'github-repo' && detection?.ref.kind !== 'github-org'
      ? await neighbours(pageTitle, fresh?.meta.citation_abstract ?? '')
      : undefined;
  return {
    tabId,
    url,
    access: 'granted',
    missingHosts,
    ...(detection ? { detection } : {}),
    ...(lookup ? { lookup } : {}),
    ...(pageTitle ? { pageTitle } : {}),
    ...(closest ? { closest } : {}),
    ...(fresh && detection?.ref.kind === 'arxiv' ? { citation: citationOf(fresh.meta, detection.ref.id) } : {}),
  };
}

/** The tabs the open panels show: pinned ones (`?tabId=N`), and the active tab of their windows. */
interface Watched {
  readonly tabs: ReadonlySet<number>;
  readonly windows: ReadonlySet<number>;
  /** A panel whose window the browser does not say. */
  readonly anyWindow: boolean;
}

const PANEL_PAGE = 'src/sidepanel/index.html';

async function watched(): Promise<Watched | undefined> {
  // Chrome 116+, Firefox 128+; without it every window's active tab counts as shown.
  if (typeof api.runtime.getContexts !== 'function') return undefined;
  const page = api.runtime.getURL(PANEL_PAGE);
  const contexts = await api.runtime.getContexts({}).catch(() => undefined);
  if (!contexts) return undefined;
  const tabs = new Set<number>();
  const windows = new Set<number>();
  let anyWindow = false;
  for (const c of contexts) {
    if (!c.documentUrl?.startsWith(page)) continue;
    const pinned = new URL(c.documentUrl).searchParams.get('tabId');
    if (pinned !== null) tabs.add(Number(pinned));
    else if (c.windowId >= 0) windows.add(c.windowId);
    else anyWindow = true;
  }
  return { tabs, windows, anyWindow };
}

/** Whether an open panel shows this tab: only then is its view worth building. */
export async function panelShows(tab: chrome.tabs.Tab): Promise<boolean> {
  const w = await watched();
  if (!w) return tab.active;
  return (tab.id !== undefined && w.tabs.has(tab.id)) || (tab.active && (w.anyWindow || w.windows.has(tab.windowId)));
}
