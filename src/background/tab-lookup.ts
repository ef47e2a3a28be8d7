/**
 * Each tab's current lookup, shared by the events one navigation brings (the address changing, the
 * content script's early and full reports, the load completing, the panel starting): the page is
 * looked up once, and again only when the index changed or the page told more than was known.
 * Kept in memory: a restarted worker simply looks up again.
 */
import { detectPaper } from '../core/detect/index.ts';
import { learnFrom } from './learn.ts';
import { type Resolved, resolvePage } from './resolve-page.ts';
import type { PageInfo } from './tab-state.ts';

interface Entry {
  /** The reference looked up, and the title it was looked up with (a paper found by its reference needs none). */
  readonly ref: string;
  readonly title: string | undefined;
  readonly arxivId: string | undefined;
  readonly generation: number;
  /** Shared while it runs: an event arriving meanwhile waits for it rather than looking up again. */
  readonly resolved: Promise<Resolved>;
}

const entries = new Map<number, Entry>();
let generation = 0;

/** The index changed: every tab's lookup is out of date. */
export function indexTouched(): void {
  generation++;
}

export function forgetTabLookup(tabId: number): void {
  entries.delete(tabId);
}

/** A paper learnt its arXiv id: the tabs whose lookup of that id found nothing look again. */
function learnt(arxivId: string): void {
  for (const [tabId, e] of entries) {
    if (e.arxivId === arxivId) entries.delete(tabId);
  }
}

export async function lookUpTab(tabId: number, url: string, info: PageInfo | undefined): Promise<Resolved> {
  const detection = detectPaper(url, info && info.url === url ? info.meta : undefined);
  if (!detection) return {};
  const ref = JSON.stringify(detection.ref);
  const known = entries.get(tabId);
  if (known?.generation === generation && known.ref === ref) {
    const r = await known.resolved.catch(() => undefined);
    // A title can only help a paper its reference did not find (resolve-page.ts: byTitle).
    if (r && (known.title === detection.title || r.brief?.status === 'found')) return { ...r, detection };
  }
  const arxivId = detection.ref.kind === 'arxiv' ? detection.ref.id : undefined;
  const entry: Entry = { ref, title: detection.title, arxivId, generation, resolved: resolvePage(url, info) };
  entries.set(tabId, entry);
  try {
    const resolved = await entry.resolved;
    learnFrom(resolved, learnt);
    return resolved;
  } catch (e) {
    if (entries.get(tabId) === entry) entries.delete(tabId);
    throw e;
  }
}
