/**
 * After the options page wrote to the index: badges, chips and panels catch up once, a moment
 * after the last write, rather than after each of a large import's messages.
 */
import { refreshAllTabs } from './tab-watch.ts';

const SETTLE_MS = 300;
let timer: ReturnType<typeof setTimeout> | undefined;

export function indexChanged(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void refreshAllTabs().catch((e: unknown) => console.error('Digest Lens: refresh after import', e)), SETTLE_MS);
}
