/**
 * After digests were written (a sync, an import, retention): badges, chips and panels catch up
 * once, a moment after the last write, rather than after each of a large import's messages; then
 * the search index merges the rows still waiting, however few, so the next popup or restarted
 * worker reads none of them.
 */
import { settleSearchIndex } from '../db/index.ts';
import { refreshAllTabs } from './tab-watch.ts';

const SETTLE_MS = 300;
let timer: ReturnType<typeof setTimeout> | undefined;

export function indexChanged(): void {
  clearTimeout(timer);
  timer = setTimeout(
    () =>
      void refreshAllTabs()
        .catch((e: unknown) => console.error('Digest Lens: refresh after import', e))
        .then(() => settleSearchIndex())
        .catch((e: unknown) => console.warn('Digest Lens: merging the search index after a write', e)),
    SETTLE_MS,
  );
}
