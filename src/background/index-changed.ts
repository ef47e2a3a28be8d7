/**
 * After digests were written (a sync, an import, retention, the starter index): badges, chips and
 * panels catch up, then the search index merges the rows still waiting, however few, so the next
 * popup or restarted worker reads none of them. After the options page's writes, once, a moment
 * after the last one, rather than after each of a large import's messages.
 */
import { settleSearchIndex } from '../db/index.ts';
import { refreshAllTabs } from './tab-watch.ts';

const SETTLE_MS = 300;
let timer: ReturnType<typeof setTimeout> | undefined;

/** The tabs refreshed (waited for); the merge after them is not. */
export async function catchUp(): Promise<void> {
  try {
    await refreshAllTabs();
  } finally {
    void settleSearchIndex().catch((e: unknown) => console.warn('Digest Lens: merging the search index after a write', e));
  }
}

export function indexChanged(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void catchUp().catch((e: unknown) => console.error('Digest Lens: refresh after import', e)), SETTLE_MS);
}
