import type { PageMeta } from '../../core/detect/index.ts';
import type { PageCitation, TabView, TextNeighbour } from '../../core/index/view.ts';
import { neighboursOf } from '../../db/index.ts';
import { api } from '../../transport.ts';
import { missingHostPatterns } from '../hosts.ts';
import { resolvePage } from '../resolve-page.ts';
import type { Handler } from '../router.ts';
import { getPageInfo } from '../tab-state.ts';

async function findTab(req: { windowId?: number; tabId?: number }): Promise<chrome.tabs.Tab | undefined> {
  if (req.tabId !== undefined) return api.tabs.get(req.tabId).catch(() => undefined);
  const query = req.windowId !== undefined ? { active: true, windowId: req.windowId } : { active: true, lastFocusedWindow: true };
  return (await api.tabs.query(query))[0];
}

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

/** Side panel → background: what to show for a window's active tab (or a given tab). */
export const tabView: Handler<'tabView'> = {
  from: 'extension',
  async handle(req) {
    const [tab, missingHosts] = await Promise.all([findTab(req ?? {}), missingHostPatterns()]);
    // Without host access the browser hides the address: we cannot tell what the tab shows.
    if (tab?.id === undefined || !tab.url) return { ...(tab?.id !== undefined ? { tabId: tab.id } : {}), access: 'none', missingHosts };
    const info = await getPageInfo(tab.id);
    const { detection, lookup } = await resolvePage(tab.url, info);
    const fresh = info?.url === tab.url ? info : undefined;
    const pageTitle = fresh?.meta.citation_title ?? fresh?.title;
    // A paper no digest names: what the index holds closest to it, from its own title and abstract.
    const closest =
      lookup?.status === 'not-indexed' && pageTitle && detection?.ref.kind !== 'github-repo' && detection?.ref.kind !== 'github-org'
        ? await neighbours(pageTitle, fresh?.meta.citation_abstract ?? '')
        : undefined;
    return {
      tabId: tab.id,
      url: tab.url,
      access: 'granted',
      missingHosts,
      ...(detection ? { detection } : {}),
      ...(lookup ? { lookup } : {}),
      ...(pageTitle ? { pageTitle } : {}),
      ...(closest ? { closest } : {}),
      ...(fresh && detection?.ref.kind === 'arxiv' ? { citation: citationOf(fresh.meta, detection.ref.id) } : {}),
    } satisfies TabView;
  },
};
